using System.Net;
using System.Text.Json;

namespace QuoteArchive.Web.Tests.Serving;

/// <summary>
/// Every address a client reads answers HEAD as it answers GET: same status, same type of content. Nothing answers
/// another method but OPTIONS: the site is read-only.
/// </summary>
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
    [InlineData("/api/openapi/v1.json")]
    [InlineData("/api/quotes/nosuchquote")]
    public async Task HeadAnswersAsGetDoes(string address)
    {
        var path = app.WithQuoteId(address);
        using var client = app.Browser();
        using var get = await client.GetAsync(path);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.True(get.StatusCode is HttpStatusCode.OK or HttpStatusCode.Found or HttpStatusCode.NotFound, $"GET {path}: {(int)get.StatusCode}");
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
    }

    // The output cache keeps what the app wrote for a HEAD too: a GET after it gets the whole answer, never an empty one.
    [Theory]
    [InlineData("/wiki/Love")]
    [InlineData("/api/topics/Love")]
    [InlineData("/feed.atom")]
    public async Task AGetAfterAHeadGetsTheWholeAnswer(string path)
    {
        var host = RedirectAndMissTests.FreshHost();
        using var client = app.Browser();
        using var head = new HttpRequestMessage(HttpMethod.Head, path);
        head.Headers.Host = host;
        using (var headResponse = await client.SendAsync(head))
            Assert.Equal(HttpStatusCode.OK, headResponse.StatusCode);
        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        get.Headers.Host = host;
        using var afterHead = await client.SendAsync(get);
        // The same page under a host of its own, never asked with HEAD: the same but for the host in its links.
        var other = RedirectAndMissTests.FreshHost();
        using var direct = new HttpRequestMessage(HttpMethod.Get, path);
        direct.Headers.Host = other;
        using var directResponse = await client.SendAsync(direct);

        var body = await afterHead.Content.ReadAsStringAsync();
        Assert.NotEmpty(body);
        Assert.Equal((await directResponse.Content.ReadAsStringAsync()).Replace(other, "host", StringComparison.Ordinal), body.Replace(host, "host", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("POST", "/wiki/Love")]
    [InlineData("POST", "/search?q=love")]
    [InlineData("PUT", "/api/topics/Love")]
    [InlineData("DELETE", "/api/quotes/{id}")]
    [InlineData("PATCH", "/")]
    public async Task AnotherMethodIsNotAllowedAndSaysWhichAre(string method, string address)
    {
        var path = app.WithQuoteId(address);
        using var response = await app.Browser().SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("x") });
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD", "OPTIONS"], response.Content.Headers.Allow);
    }

    // A script is told in JSON, as of the API's other errors; a page answers as it did, with no body.
    [Theory]
    [InlineData("POST", "/api/quotes/xyz", null)]
    [InlineData("PUT", "/api/topics/Love", null)]
    [InlineData("POST", "/api/openapi/v1.json", null)]
    [InlineData("DELETE", "/q/{id}.json", null)]
    [InlineData("POST", "/q/{id}/cite", null)]
    [InlineData("POST", "/q/{id}", "application/json")]
    public async Task AnotherMethodOnAJsonAddressIsAProblemNamingTheAllowedMethods(string method, string address, string? accept)
    {
        var path = app.WithQuoteId(address);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("x") };
        if (accept is not null)
            request.Headers.Add("Accept", accept);
        using var response = await app.Browser().SendAsync(request);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD", "OPTIONS"], response.Content.Headers.Allow);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(405, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Method not allowed", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("GET, HEAD, OPTIONS", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/wiki/Love", null)]
    [InlineData("/q/{id}", "text/html")]
    [InlineData("/q/{id}.txt", null)]
    public async Task AnotherMethodOnAPageIsRefusedWithoutABody(string address, string? accept)
    {
        var path = app.WithQuoteId(address);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("x") };
        if (accept is not null)
            request.Headers.Add("Accept", accept);
        using var response = await app.Browser().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task OptionsSaysWhichMethodsThereAre()
    {
        using var response = await app.Browser().SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/topics"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["GET", "HEAD", "OPTIONS"], response.Content.Headers.Allow);
    }
}
