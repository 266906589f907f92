using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuoteArchive.Web.Archive;
using Serilog.Core;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>
/// The real app (Program.cs) over a given archive file, with import on start switched off so the file is
/// served exactly as written. Settings go in as host configuration because Program.cs reads them at start-up.
/// </summary>
public sealed class DeployApp(string databasePath, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{
    /// <summary>Development unless set: the factory's default. Production serves static assets as a container does.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>A request with this header comes from the address it names, as if over the network.</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    /// <summary>Every log event the app wrote.</summary>
    public LogCollector Log { get; } = new();

    /// <summary>The app's archive: tests make it look at its file now, rather than wait for the next periodic look.</summary>
    public CurrentArchive Archive => Services.GetRequiredService<CurrentArchive>();

    // The factory returns once the host has stopped; Program.cs then disposes the app's services on its own thread.
    // Tests that look at the archive's folder after the app is gone wait for the archive to be disposed as well.
    public override async ValueTask DisposeAsync()
    {
        var archive = host?.Services.GetService<CurrentArchive>();
        await base.DisposeAsync();
        if (archive is not null)
            await archive.Disposed.WaitAsync(TimeSpan.FromMinutes(1));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment(Environment)
        .ConfigureServices(services => services.AddSingleton<ILogEventSink>(Log).AddSingleton<IStartupFilter, RemoteAddressFilter>());

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[RemoteAddressHeader] is [{ } address])
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Archive:DatabasePath"] = databasePath,
            ["Archive:ImportOnStart"] = "false",
            ["Archive:ContentPath"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "no-content"),
            ["RateLimiting:Enabled"] = "false",
        };
        foreach (var (key, value) in settings)
            configuration[key] = value;
        builder.ConfigureHostConfiguration(host => host.AddInMemoryCollection(configuration));
        return host = base.CreateHost(builder);
    }

    private IHost? host;
}

/// <summary>A temporary folder removed after the test, read-only bits included.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("quotearchive-deploy-").FullName;

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
            foreach (var entry in new DirectoryInfo(Path).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Prepend(new DirectoryInfo(Path)))
                MakeWritable(entry);
        Directory.Delete(Path, recursive: true);
    }

    /// <summary>An entry can vanish between the listing and this call (SQLite removes its -wal and -shm files when the
    /// last connection closes); its mode then reads as -1, which cannot be written back.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeWritable(FileSystemInfo entry)
    {
        entry.Refresh();
        if (!entry.Exists)
            return;
        try
        {
            entry.UnixFileMode |= UnixFileMode.UserWrite | UnixFileMode.UserRead | UnixFileMode.UserExecute;
        }
        catch (FileNotFoundException)
        {
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

/// <summary>Each test here starts its own host; one at a time, because Serilog's bootstrap logger is process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeployCollection
{
    public const string Name = "Deploy";
}

/// <summary>The repository the tests run from, found by its solution file (the deploy files are checked as they are).</summary>
internal static class RepositoryFolder
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "QuoteArchive.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("QuoteArchive.sln not found above " + AppContext.BaseDirectory);
    }
}
