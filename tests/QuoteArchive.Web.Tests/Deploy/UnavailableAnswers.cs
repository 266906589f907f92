using System.Net;
using System.Text.Json;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>What a server without a usable archive answers: pages a short HTML page, the JSON addresses a JSON problem, all 503.</summary>
internal static class UnavailableAnswers
{
    public static async Task AssertAsync(HttpClient client, string page, string api)
    {
        using var html = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, html.StatusCode);
        Assert.NotNull(html.Headers.RetryAfter);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Not available", await html.Content.ReadAsStringAsync());

        // The API, and a quote's JSON form (of a quote the archive holds), which scripts read as they read the API.
        foreach (var address in new[] { api, "/q/" + DeployArchive.QuoteId(2) + ".json" })
        {
            using var json = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, json.StatusCode);
            Assert.NotNull(json.Headers.RetryAfter);
            Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
            Assert.Equal(503, JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        }
    }
}
