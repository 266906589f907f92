using Serilog;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;
using Serilog.Settings.Configuration;

namespace QuoteArchive.Web.Hosting;

internal static class LogConfiguration
{
    /// <summary>
    /// The Serilog assemblies the app ships, where the <c>Serilog</c> section's sinks, formatters and enrichers are
    /// found: the ones the reader would find itself by searching every assembly of the app, some 30 ms of each start.
    /// </summary>
    public static ConfigurationReaderOptions SerilogAssemblies => new(
        typeof(Log).Assembly,
        typeof(ConsoleLoggerConfigurationExtensions).Assembly,
        typeof(FileLoggerConfigurationExtensions).Assembly,
        typeof(LoggerSinkConfigurationDebugExtensions).Assembly,
        typeof(CompactJsonFormatter).Assembly,
        typeof(SerilogLoggerProvider).Assembly,
        typeof(SerilogHostBuilderExtensions).Assembly,
        typeof(SerilogApplicationBuilderExtensions).Assembly,
        typeof(ConfigurationReaderOptions).Assembly);
}
