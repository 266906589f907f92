using System.Net;

namespace QuoteArchive.Web.Tests.Serving;

/// <summary>Every address a client reads answers HEAD as it answers GET: same status, same type of content.</summary>
[Collection(nameof(ArchiveApp))]
public sealed class HeadRequestTests(ArchiveApp app)
{
    [Theory]
    [InlineData("/q/{id}")]
    [InlineData("/q/{id}.png")]
    [InlineData("/q/{id}.txt")]
    [InlineData("/q/{id}.json")]
    [InlineData("/q/{id}/cite")]
    [InlineData("/wiki/Love")]
    [InlineData("/feed.atom")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/opensearch.xml")]
    [InlineData("/random")]
    [InlineData("/api/topics")]
    [InlineData("/api/topics/Love")]
    [InlineData("/api/quotes/{id}")]
    [InlineData("/api/search?q=love")]
    [InlineData("/api/suggest?q=lo")]
    [InlineData("/api/authors")]
    [InlineData("/api/today")]
    [InlineData("/api/random")]
    [InlineData("/api/quotes/nosuchquote")]
    public async Task HeadAnswersAsGetDoes(string address)
    {
        var path = address.Replace("{id}", app.Query(db => db.Quotes.OrderBy(q => q.Id).First().Id));
        using var client = app.Browser();
        using var get = await client.GetAsync(path);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.True(get.StatusCode is HttpStatusCode.OK or HttpStatusCode.Found or HttpStatusCode.NotFound, $"GET {path}: {(int)get.StatusCode}");
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
    }
}
