using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using QuoteArchive.Web.Hosting;

namespace QuoteArchive.Web.Tests.Serving;

/// <summary>Requests that once got a wrong answer (a 500, a copy of another file, a 304 for a miss …): each gets its due.</summary>
[Collection(nameof(ArchiveApp))]
public sealed class WrongAnswerTests(ArchiveApp app)
{
    [Theory]
    [InlineData("example.org", true)]
    [InlineData("example.org:8080", true)]
    [InlineData("[::1]:5000", true)]
    [InlineData("bücher.example", true)]
    [InlineData("xn--a", false)]
    [InlineData("x:99999", false)]
    [InlineData("x:65536", false)]
    [InlineData("a..b", false)]
    [InlineData("[::1]:99999", false)]
    public void AHostIsUsableWhenAUrlCanHoldIt(string host, bool usable) =>
        Assert.Equal(usable, HostHeader.IsUsable(host));

    [Theory]
    [InlineData("/")]
    [InlineData("/wiki/Love")]
    [InlineData("/feed.atom")]
    public async Task AHostNoUrlCanHoldIsABadRequest(string path)
    {
        // Through the pipeline as Kestrel hands it over: TestServer would refuse to parse such a host itself.
        var response = await app.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = path;
            context.Request.Headers.Host = "xn--a";
        });
        Assert.Equal(StatusCodes.Status400BadRequest, response.Response.StatusCode);
    }

    [Theory]
    [InlineData("/sitemaps/topics-42951.xml")]
    [InlineData("/sitemaps/quotes-2147483647.xml")]
    [InlineData("/sitemaps/topics-01.xml")]
    [InlineData("/sitemaps/topics-%2B1.xml")]
    public async Task ASitemapNumberNoFileHasIsNotFound(string path)
    {
        using var first = await app.Browser().GetAsync("/sitemaps/topics-1.xml");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var response = await app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AStaticFileKeepsItsRangeAndPreconditionAnswers()
    {
        var page = await app.GetPageAsync("/");
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using var client = app.Browser();

        using var range = new HttpRequestMessage(HttpMethod.Get, stylesheet);
        range.Headers.Range = new RangeHeaderValue(999_999, null);
        using var unsatisfiable = await client.SendAsync(range);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);

        using var precondition = new HttpRequestMessage(HttpMethod.Get, stylesheet);
        precondition.Headers.IfMatch.Add(new EntityTagHeaderValue("\"x\""));
        using var failed = await client.SendAsync(precondition);
        Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
    }

    [Theory]
    [InlineData("/wiki/No_such_topic_at_all", HttpStatusCode.NotFound)]
    [InlineData("/q/zzzzzzzz", HttpStatusCode.NotFound)]
    [InlineData("/wiki/love", HttpStatusCode.MovedPermanently)]
    public async Task ACachedMissOrRedirectIsNeverNotModified(string path, HttpStatusCode status)
    {
        using var client = app.Browser();
        using var first = await client.GetAsync(path);
        Assert.Equal(status, first.StatusCode);
        foreach (var (name, value) in new[] { ("If-None-Match", "*"), ("If-Modified-Since", DateTimeOffset.UtcNow.AddDays(1).ToString("R")) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation(name, value);
            using var again = await client.SendAsync(request);
            Assert.True(again.StatusCode == status, $"{name}: {value} → {(int)again.StatusCode}");
        }
    }

    [Fact]
    public async Task ParametersAPageIgnoresAreNotEchoedInItsRedirect()
    {
        var stored = app.Query(db => db.Authors.OrderBy(a => a.Id).Select(a => a.Slug).First());
        var lower = stored.ToLowerInvariant();
        Assert.NotEqual(stored, lower);
        using var client = app.Browser();
        foreach (var path in new[] { $"/authors/{lower}?utm_source=spam&page=2", $"/api/authors/{lower}?utm_source=spam&page=2", "/Index?utm_source=spam&letter=C" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            var location = response.Headers.Location!.OriginalString;
            Assert.DoesNotContain("utm_source", location);
            Assert.Contains(path.Contains("letter") ? "letter=C" : "page=2", location);
        }
    }

    [Fact]
    public async Task AJsonClientIsToldOfAnUnknownQuoteInJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/q/zzzzzzzz");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await app.Browser().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // The same problem as the quote's JSON form and the API give.
        using var form = await app.Browser().GetAsync("/q/zzzzzzzz.json");
        using var api = await app.Browser().GetAsync("/api/quotes/zzzzzzzz");
        var expected = await form.Content.ReadAsStringAsync();
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        Assert.Equal(expected, await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SearchFiltersTakeAnySpellingOfATopicOrAnAuthor()
    {
        var (topic, author) = app.Query(db => (db.Topics.OrderByDescending(t => db.Quotes.Count(q => q.TopicId == t.Id)).First().Title,
            db.Authors.OrderByDescending(a => a.QuoteCount).First().Name));
        async Task<int> TotalAsync(string query) => (await app.GetJsonAsync("/api/search?" + query)).GetProperty("total").GetInt32();

        var byTopic = await TotalAsync($"q=the&topic={Uri.EscapeDataString(topic)}");
        Assert.True(byTopic > 0);
        Assert.Equal(byTopic, await TotalAsync($"q=the&topic={Uri.EscapeDataString(topic.ToLowerInvariant())}"));
        var byAuthor = await TotalAsync($"author={Uri.EscapeDataString(author)}&q=the");
        Assert.True(byAuthor > 0);
        Assert.Equal(byAuthor, await TotalAsync($"q=the&author={Uri.EscapeDataString(author.ToUpperInvariant().Replace(' ', '_'))}"));
    }
}
