using System.Net;
using QuoteArchive.Web.Caching;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>The whole site's caching story, through the real pages and API over an imported archive.</summary>
[Collection(nameof(ArchiveApp))]
public sealed class SiteCachingTests(ArchiveApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/wiki/Love")]
    [InlineData("/api/topics")]
    [InlineData("/api/topics/Warmness")]
    public async Task PagesAndApiCarryTheBuildEtagAndAnswerNotModified(string path)
    {
        using var client = app.Browser();
        var buildId = app.Query(db => db.Builds.Single().BuildId);

        using var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith($"\"{ArchiveEtag.VersionOf(buildId)}-", first.Headers.ETag?.Tag);
        Assert.Equal("public, max-age=300, stale-while-revalidate=86400", Assert.Single(first.Headers.GetValues("Cache-Control")));

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var revalidated = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(first.Headers.ETag, revalidated.Headers.ETag);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task QuotePermalinkCarriesItsOwnEtag()
    {
        using var client = app.Browser();
        var ids = app.Query(db => db.Quotes.OrderBy(q => q.Id).Select(q => q.Id).Take(2).ToList());

        using var one = await client.GetAsync($"/q/{ids[0]}");
        using var other = await client.GetAsync($"/q/{ids[1]}");

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.NotNull(one.Headers.ETag);
        Assert.NotEqual(one.Headers.ETag, other.Headers.ETag);
    }

    [Fact]
    public async Task AQuotePermalinksNotModifiedSaysItVariesByAcceptAsItsPageDoes()
    {
        using var client = app.Browser();
        var id = app.Query(db => db.Quotes.OrderBy(q => q.Id).Select(q => q.Id).First());
        using var page = await client.GetAsync($"/q/{id}");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/q/{id}");
        request.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        using var revalidated = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Contains("Accept", page.Headers.Vary);
        Assert.Equal(page.Headers.Vary.Order(), revalidated.Headers.Vary.Order());
    }

    [Fact]
    public async Task PathsDifferingOnlyInCaseAreCachedApart()
    {
        using var client = app.Browser();
        var id = app.Query(db => db.Quotes.OrderByDescending(q => q.Id).Select(q => q.Id).First());

        using var canonical = await client.GetAsync($"/q/{id}");
        using var upper = await client.GetAsync($"/q/{id.ToUpperInvariant()}");

        Assert.Equal(HttpStatusCode.OK, canonical.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, upper.StatusCode);
        Assert.Null(upper.Headers.ETag);
    }

    [Theory]
    [InlineData("/wiki/No_such_topic", HttpStatusCode.NotFound)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/readyz", HttpStatusCode.OK)]
    public async Task ErrorsAndHealthAreNotSharedCacheable(string path, HttpStatusCode status)
    {
        using var response = await app.Browser().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.False(response.Headers.CacheControl?.Public ?? false);
    }
}
