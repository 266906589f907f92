using System.Net;
using System.Text.Json;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>What a server without a usable archive answers: pages a short HTML page, the API a JSON problem, both 503.</summary>
internal static class UnavailableAnswers
{
    public static async Task AssertAsync(HttpClient client, string page, string api)
    {
        using var html = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, html.StatusCode);
        Assert.NotNull(html.Headers.RetryAfter);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Not available", await html.Content.ReadAsStringAsync());

        using var json = await client.GetAsync(api);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, json.StatusCode);
        Assert.NotNull(json.Headers.RetryAfter);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }
}
