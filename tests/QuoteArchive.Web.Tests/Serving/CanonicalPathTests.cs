using System.Net;
using Microsoft.AspNetCore.Routing.Patterns;
using QuoteArchive.Web.Hosting;

namespace QuoteArchive.Web.Tests.Serving;

/// <summary>Routing matches other spellings of an address; each is sent to the one the site writes.</summary>
[Collection(nameof(ArchiveApp))]
public sealed class CanonicalPathTests(ArchiveApp app)
{
    [Theory]
    [InlineData("/Wiki/Love", "/wiki/Love")]
    [InlineData("/WIKI/Love?utm_source=x", "/wiki/Love")]
    [InlineData("/Authors?letter=n&x=1", "/authors?letter=n")]
    [InlineData("/authors/", "/authors")]
    [InlineData("/Search?q=love&page=2", "/search?q=love&page=2")]
    [InlineData("/Api/Topics/Love", "/api/topics/Love")]
    [InlineData("/api/topics/", "/api/topics")]
    [InlineData("/Categories/", "/categories")]
    [InlineData("/wiki/Love/", "/wiki/Love")]
    [InlineData("/authors/Friedrich_Nietzsche/", "/authors/Friedrich_Nietzsche")]
    public async Task AnotherSpellingOfARouteIsRedirectedToTheOneTheSiteWrites(string path, string location)
    {
        using var response = await app.Browser().GetAsync(path);

        Assert.Equal((HttpStatusCode.MovedPermanently, location), (response.StatusCode, response.Headers.Location?.OriginalString));
        using var followed = await app.Browser().GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
    }

    [Theory]
    [InlineData("/Q/{0}")]
    [InlineData("/q/{0}/")]
    [InlineData("/Q/{0}/")]
    public async Task AQuoteHasOneAddress(string format)
    {
        var id = app.Query(db => db.Quotes.Select(q => q.Id).First());

        using var response = await app.Browser().GetAsync(string.Format(format, id));

        Assert.Equal((HttpStatusCode.MovedPermanently, "/q/" + id), (response.StatusCode, response.Headers.Location?.OriginalString));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/wiki/Love")]
    [InlineData("/authors")]
    [InlineData("/api/topics")]
    [InlineData("/search?q=love")]
    public async Task TheAddressTheSiteWritesIsAnswered(string path)
    {
        using var response = await app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/wiki/Love", "wiki/{**slug}", null)]
    [InlineData("/Wiki/Love/Me/", "wiki/{**slug}", "/wiki/Love/Me")]
    [InlineData("/wiki/Love/", "wiki/{**slug}", "/wiki/Love")]
    [InlineData("/wiki/AC/DC", "wiki/{**slug}", null)]
    [InlineData("/wiki/", "wiki/{**slug}", null)]
    [InlineData("/q/abc", "q/{id}", null)]
    [InlineData("/Q/abc", "q/{id}", "/q/abc")]
    [InlineData("/q/abc/", "q/{id}", "/q/abc")]
    [InlineData("/API/Topics/", "api/topics", "/api/topics")]
    [InlineData("/", "", null)]
    [InlineData("/Index", "Index", "/")]
    [InlineData("/index", "Index", "/")]
    public void TheCanonicalPathKeepsParametersAsGiven(string path, string route, string? canonical)
    {
        Assert.Equal(canonical, CanonicalPaths.Canonical(path, RoutePatternFactory.Parse(route)));
    }
}
