using System.Net;

namespace QuoteArchive.Web.Tests.Serving;

/// <summary>
/// A script on another site may read the JSON addresses (CORS: any origin, GET and HEAD, the Link and ETag headers
/// exposed, no credentials); the pages stay closed to it, and the site stays read-only.
/// </summary>
[Collection(nameof(ArchiveApp))]
public sealed class CrossOriginTests(ArchiveApp app)
{
    private const string Origin = "https://scripts.example";

    /// <summary>Sends a request as a script on another site does, with <c>{id}</c> in the address standing for a quote.</summary>
    private async Task<HttpResponseMessage> FromOtherSiteAsync(HttpMethod method, string address, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, app.WithQuoteId(address)) { Headers = { { "Origin", Origin } } };
        foreach (var (name, value) in headers)
            request.Headers.Add(name, value);
        return await app.Browser().SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>The names a CORS header lists; none when it is missing.</summary>
    private static string[] Listed(HttpResponseMessage response, string name) =>
        Header(response, name)?.Split(',', StringSplitOptions.TrimEntries) ?? [];

    [Theory]
    [InlineData("/api/topics?pageSize=2")]
    [InlineData("/api/quotes/{id}")]
    [InlineData("/api/openapi/v1.json")]
    [InlineData("/api/topics/No_such_topic")]
    [InlineData("/q/{id}.json")]
    [InlineData("/q/{id}/cite")]
    public async Task AJsonAddressMayBeReadByAScriptFromAnyOrigin(string address)
    {
        using var response = await FromOtherSiteAsync(HttpMethod.Get, address);

        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("Link", Listed(response, "Access-Control-Expose-Headers"), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("ETag", Listed(response, "Access-Control-Expose-Headers"), StringComparer.OrdinalIgnoreCase);
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
    }

    // The permalink answers JSON to a client that asks for it, and is then as open as /q/{id}.json; the page is not.
    [Theory]
    [InlineData("application/json", "*")]
    [InlineData("text/html", null)]
    public async Task AQuotesPermalinkIsOpenToOtherOriginsWhenItAnswersJson(string accept, string? allowed)
    {
        using var response = await FromOtherSiteAsync(HttpMethod.Get, "/q/{id}", ("Accept", accept));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(accept, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(allowed, Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/wiki/Love")]
    [InlineData("/q/{id}.txt")]
    [InlineData("/feed.atom")]
    public async Task PagesAndOtherFormsAreNotOpenedToOtherOrigins(string address)
    {
        using var response = await FromOtherSiteAsync(HttpMethod.Get, address);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    // A script that revalidates sends If-None-Match, which the browser asks about first.
    [Theory]
    [InlineData("/api/topics")]
    [InlineData("/api/openapi/v1.json")]
    [InlineData("/q/{id}.json")]
    [InlineData("/q/{id}/cite")]
    [InlineData("/q/{id}")]
    public async Task APreflightOfAJsonAddressAllowsGet(string address)
    {
        using var response = await FromOtherSiteAsync(HttpMethod.Options, address,
            ("Access-Control-Request-Method", "GET"), ("Access-Control-Request-Headers", "if-none-match"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("GET", Listed(response, "Access-Control-Allow-Methods"));
        Assert.Contains("if-none-match", Listed(response, "Access-Control-Allow-Headers"), StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("DELETE", "/api/quotes/{id}")]
    [InlineData("POST", "/api/topics")]
    [InlineData("PUT", "/q/{id}.json")]
    public async Task AnotherMethodIsRefusedToOtherOriginsAsToAll(string method, string address)
    {
        using var preflight = await FromOtherSiteAsync(HttpMethod.Options, address, ("Access-Control-Request-Method", method));
        using var response = await FromOtherSiteAsync(new HttpMethod(method), address);

        Assert.DoesNotContain(method, Listed(preflight, "Access-Control-Allow-Methods"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD", "OPTIONS"], response.Content.Headers.Allow);
    }

    // The output cache keeps answers made without an Origin too: a hit gets the header as it is served.
    [Theory]
    [InlineData("/api/topics/Love")]
    [InlineData("/q/{id}.json")]
    public async Task AnAnswerFromTheOutputCacheCarriesTheHeaderToo(string address)
    {
        var host = RedirectAndMissTests.FreshHost();
        using var plain = new HttpRequestMessage(HttpMethod.Get, app.WithQuoteId(address)) { Headers = { Host = host } };
        using var first = await app.Browser().SendAsync(plain);
        using var hit = await FromOtherSiteAsync(HttpMethod.Get, address, ("Host", host));

        Assert.Null(Header(first, "Access-Control-Allow-Origin"));
        Assert.NotNull(hit.Headers.Age);
        Assert.Equal("*", Header(hit, "Access-Control-Allow-Origin"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await hit.Content.ReadAsStringAsync());
    }
}
