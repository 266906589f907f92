using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace QuoteArchive.Browser.Tests;

/// <summary>How the app is started, as people start it.</summary>
public enum AppMode
{
    /// <summary>As <c>dotnet run</c> does: the build output, in the project folder, in Development.</summary>
    Development,

    /// <summary>The same build output in Production.</summary>
    Production,

    /// <summary>The output of <c>dotnet publish</c>, run as <c>dotnet QuoteArchive.Web.dll</c> in its folder (Production).</summary>
    Published,
}

/// <summary>
/// The real app in its own process: Kestrel on a free loopback port, over the given archive. Its console output
/// is kept, to be shown when it fails to start.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(string dll, string workingDirectory, string environment, string contentPath, string databasePath)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        // Port 0: Kestrel picks a free port and says which in its start-up line.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["Archive__ContentPath"] = contentPath;
        start.Environment["Archive__DatabasePath"] = databasePath;
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The app exited before it listened:\n" + Output));
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress => listening.Task.Result;

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    /// <summary>Starts the app as <paramref name="mode"/> says and returns once it listens.</summary>
    public static async Task<AppProcess> StartAsync(AppMode mode, string contentPath, string databasePath, string workFolder)
    {
        var project = Path.GetDirectoryName(WebProject)!;
        var published = Path.Combine(workFolder, "published");
        if (mode == AppMode.Published)
            await PublishAsync(published);
        var app = mode switch
        {
            AppMode.Development => new AppProcess(BuildOutput, project, "Development", contentPath, databasePath),
            AppMode.Production => new AppProcess(BuildOutput, project, "Production", contentPath, databasePath),
            _ => new AppProcess(Path.Combine(published, "QuoteArchive.Web.dll"), published, "Production", contentPath, databasePath),
        };
        try
        {
            await app.listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private void Read(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
        if (ListeningLine().Match(line) is { Success: true } match)
            listening.TrySetResult(new Uri(match.Value + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    // The test assembly knows where the app's project is and which configuration built both (see the .csproj).
    private static string WebProject => Metadata("WebProject");

    private static string Configuration => Metadata("Configuration");

    private static string BuildOutput =>
        Path.Combine(Path.GetDirectoryName(WebProject)!, "bin", Configuration, "net10.0", "QuoteArchive.Web.dll");

    private static string Metadata(string key) =>
        typeof(AppProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary><c>dotnet publish</c> of the app's build (no second build), into <paramref name="folder"/>.</summary>
    private static async Task PublishAsync(string folder)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", WebProject, "--no-build", "--nologo", "-c", Configuration, "-o", folder })
            start.ArgumentList.Add(argument);
        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    [GeneratedRegex(@"(?<=Now listening on: )http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningLine();
}
