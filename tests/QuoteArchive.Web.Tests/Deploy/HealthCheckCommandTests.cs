using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using QuoteArchive.Web.Health;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>The container's HEALTHCHECK: the app's own binary run as <c>QuoteArchive.Web --health-check [url]</c>.</summary>
[Collection(DeployCollection.Name)]
public sealed class HealthCheckCommandTests
{
    [Fact]
    public async Task HealthCheckExitsZeroAgainstARunningServer()
    {
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path));
        app.UseKestrel(0);
        app.StartServer();

        // The base address alone: the command appends /healthz.
        var (status, error) = await RunAppBinaryAsync(HealthCheckCommand.Argument, app.ClientOptions.BaseAddress.ToString());

        Assert.True(status == 0, error);
    }

    [Fact]
    public async Task HealthCheckExitsOneWhenNothingListens()
    {
        var (status, error) = await RunAppBinaryAsync(HealthCheckCommand.Argument, $"http://127.0.0.1:{ClosedPort()}");

        Assert.Equal(1, status);
        Assert.Contains("health check: http://127.0.0.1:", error);
    }

    [Fact]
    public async Task HealthCheckExitsOneWhenTheAnswerIsAnError()
    {
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path, topics: 0));
        app.UseKestrel(0);
        app.StartServer();

        // /readyz answers 503 for an empty archive: any non-2xx is a failed check.
        var (status, error) = await RunAppBinaryAsync(HealthCheckCommand.Argument, new Uri(app.ClientOptions.BaseAddress, "/readyz").ToString());

        Assert.Equal(1, status);
        Assert.Contains("answered 503", error);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs the published app's entry point in its own process, as the HEALTHCHECK does.</summary>
    private static async Task<(int Status, string Error)> RunAppBinaryAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "QuoteArchive.Web.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await error);
    }
}
