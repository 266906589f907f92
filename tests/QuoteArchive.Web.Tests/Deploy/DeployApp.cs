using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>
/// The real app (Program.cs) over a given archive file, with import on start switched off so the file is
/// served exactly as written. Settings go in as host configuration because Program.cs reads them at start-up.
/// </summary>
public sealed class DeployApp(string databasePath, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{
    /// <summary>Development unless set: the factory's default. Production serves static assets as a container does.</summary>
    public string Environment { get; init; } = "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment(Environment);

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
        return base.CreateHost(builder);
    }
}

/// <summary>A temporary folder removed after the test, read-only bits included.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("quotearchive-deploy-").FullName;

    public void Dispose()
    {
        foreach (var entry in new DirectoryInfo(Path).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Prepend(new DirectoryInfo(Path)))
            if (!OperatingSystem.IsWindows())
                entry.UnixFileMode |= UnixFileMode.UserWrite | UnixFileMode.UserRead | UnixFileMode.UserExecute;
        Directory.Delete(Path, recursive: true);
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
