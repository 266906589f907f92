namespace QuoteArchive.Web.Health;

/// <summary>
/// <c>QuoteArchive.Web --health-check [url]</c>: GETs <c>/healthz</c> and exits 0 when it answers 2xx, else 1.
/// The container's HEALTHCHECK runs the app's own binary, so the image needs no curl or wget.
/// </summary>
public static class HealthCheckCommand
{
    public const string Argument = "--health-check";
    private const string DefaultUrl = "http://127.0.0.1:8080/healthz";

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.SkipWhile(a => a != Argument).Skip(1).FirstOrDefault() ?? DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            await Console.Error.WriteLineAsync($"health check: '{url}' is not an absolute URL");
            return 1;
        }
        if (uri.AbsolutePath == "/")
            uri = new Uri(uri, "/healthz");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(uri);
            if (response.IsSuccessStatusCode)
                return 0;
            await Console.Error.WriteLineAsync($"health check: {uri} answered {(int)response.StatusCode}");
            return 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"health check: {uri}: {ex.Message}");
            return 1;
        }
    }
}
