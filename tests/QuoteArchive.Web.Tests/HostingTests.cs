using System.Net;

namespace QuoteArchive.Web.Tests;

[Collection(nameof(ArchiveApp))]
public sealed class HostingTests(ArchiveApp app)
{
    [Theory]
    [InlineData("/wiki/Warmness")]
    [InlineData("/api/topics/Warmness")]
    public async Task SecondRequestIsServedFromOutputCache(string path)
    {
        using var client = app.Browser();
        using var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var second = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/wiki/Love")]
    [InlineData("/wiki/No_such_topic")]
    [InlineData("/api/topics")]
    public async Task EveryResponseCarriesAStrictContentSecurityPolicy(string path)
    {
        using var client = app.Browser();
        // Twice: the second answer may come from the output cache and must carry the headers as well.
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(path);
            var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", policy);
            Assert.DoesNotContain("unsafe-inline", policy);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Fact]
    public async Task StylesheetIsFingerprintedAndServed()
    {
        var page = await app.GetPageAsync("/");
        var href = page.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href");
        Assert.NotNull(href);
        Assert.Matches(@"^/css/site(\.[a-z0-9]+)?\.css(\?v=.+)?$", href);
        Assert.True(href.Contains("?v=") || href != "/css/site.css", $"{href} is not fingerprinted");

        using var response = await app.Browser().GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("prefers-color-scheme: dark", await response.Content.ReadAsStringAsync());
        // MapStaticAssets serves it, compressed per Accept-Encoding; the output cache, which ignores that, must not.
        using var again = await app.Browser().GetAsync(href);
        Assert.Null(again.Headers.Age);
    }

    [Theory]
    [InlineData("/wiki/Cecilia_Eusepi", "TopicSlug", "Cecilia_Eusepi")]
    [InlineData("/api/topics/Cecilia_Eusepi", "TopicSlug", "Cecilia_Eusepi")]
    [InlineData("/wiki/No_such_topic_here", "TopicSlug", "No_such_topic_here")]
    [InlineData("/q/bbbbbbbb", "QuoteId", "bbbbbbbb")]
    public async Task RequestLogNamesTheTopicOrQuoteAskedFor(string path, string property, string value)
    {
        using var client = app.Browser();
        // The second answer comes from the output cache, where no handler runs: it is logged the same.
        for (var i = 0; i < 2; i++)
        {
            await client.GetAsync(path);
            var line = app.RequestLog.LastRequest(path);
            Assert.NotNull(line);
            Assert.Equal(value, (line.Properties[property] as Serilog.Events.ScalarValue)?.Value);
        }
    }

    [Fact]
    public async Task SuccessfulHealthProbesAreNotLoggedButPagesAre()
    {
        using var client = app.Browser();
        var probe = await client.GetAsync("/healthz");
        await client.GetAsync("/wiki/Warmness");

        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Null(app.RequestLog.LastRequest("/healthz"));
        Assert.NotNull(app.RequestLog.LastRequest("/wiki/Warmness"));
    }
}
