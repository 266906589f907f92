using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Caching;
using QuoteArchive.Web.Hosting;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>
/// The caching middleware in a small host over a real archive, with endpoints that stand for the kinds of
/// responses the site has: a page, a quote's address, an output-cached page, one that opts out (<c>/random</c>), an error, a cookie.
/// </summary>
[Collection(DeployCollection.Name)]
public sealed class CachingTests : IAsyncLifetime
{
    private readonly TemporaryFolder folder = new();
    private WebApplication app = null!;
    private HttpClient client = null!;
    private readonly Search.TestClock clock = new();
    private int pageRuns;

    private static readonly DateOnly Today = new(2026, 11, 27);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Archive:DatabasePath"] = DeployArchive.Create(folder.Path),
            ["Caching:MaxAge"] = "00:02:00",
            ["Caching:StaleWhileRevalidate"] = "1.00:00:00",
        });
        builder.Services.AddArchive(builder.Configuration);
        builder.Services.AddOutputCache();
        builder.Services.AddSingleton<TimeProvider>(clock);
        clock.Set(new DateTimeOffset(Today, new TimeOnly(23, 59), TimeSpan.Zero));
        app = builder.Build();
        app.UseArchiveCaching();
        app.UseOutputCache();
        app.MapGet("/wiki/{slug}", (string slug) => { Interlocked.Increment(ref pageRuns); return Results.Content($"<h1>{slug}</h1>", "text/html"); })
            .ReadsQuery("page");
        app.MapGet("/q/{id}", (string id) => Results.Text(id));
        app.MapGet("/cached", () => Results.Text(Guid.NewGuid().ToString())).CacheOutput();
        app.MapGet("/random", (HttpResponse response) => { response.Headers.CacheControl = "no-store"; return Results.Redirect("/wiki/Test_topic_1"); });
        app.MapGet("/chosen", (HttpResponse response) => { response.Headers.CacheControl = "no-store"; return Results.Text("fresh"); });
        app.MapGet("/cookie", (HttpResponse response) => { response.Cookies.Append("x", "y"); return Results.Text("with cookie"); });
        app.MapGet("/missing", () => Results.NotFound());
        await app.StartAsync();
        client = app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task PageCarriesAnEtagFromTheArchiveBuildAndPublicCacheControl()
    {
        var response = await client.GetAsync("/wiki/Test_topic_1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.ETag!.IsWeak);
        Assert.StartsWith($"\"{ArchiveEtag.VersionOf(DeployArchive.BuildId)}-", response.Headers.ETag.Tag);
        Assert.Equal("public, max-age=120, stale-while-revalidate=86400", response.Headers.GetValues("Cache-Control").Single());
    }

    [Fact]
    public async Task EtagDependsOnPathAndTheQueryKeysThePageReads()
    {
        var first = (await client.GetAsync("/wiki/Test_topic_1")).Headers.ETag;
        var again = (await client.GetAsync("/wiki/Test_topic_1")).Headers.ETag;
        var other = (await client.GetAsync("/wiki/Test_topic_2")).Headers.ETag;
        var query = (await client.GetAsync("/wiki/Test_topic_1?page=2")).Headers.ETag;
        var ignored = (await client.GetAsync("/wiki/Test_topic_1?utm_source=newsletter")).Headers.ETag;

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.NotEqual(first, query);
        Assert.Equal(first, ignored);
        Assert.Equal(ArchiveEtag.For(ArchiveEtag.VersionOf(DeployArchive.BuildId), Today, "/wiki/Test_topic_1", QueryString.Empty), first!.ToString());
    }

    [Fact]
    public async Task OnlyAQuoteAddressHasAnotherEtagForJson()
    {
        async Task<EntityTagHeaderValue> EtagAsync(string path, string accept)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.ParseAdd(accept);
            using var response = await client.SendAsync(request);
            return response.Headers.ETag!;
        }
        // A topic page is the same answer whatever the client prefers; a quote's address answers JSON to a client that asks.
        Assert.Equal(await EtagAsync("/wiki/Test_topic_1", "text/html"), await EtagAsync("/wiki/Test_topic_1", "application/json"));
        Assert.NotEqual(await EtagAsync("/q/abcdefgh", "text/html"), await EtagAsync("/q/abcdefgh", "application/json"));
    }

    [Fact]
    public async Task EtagChangesAtMidnightUtcBecauseTheQuoteOfTheDayDoes()
    {
        var today = (await client.GetAsync("/wiki/Test_topic_1")).Headers.ETag!;
        clock.Set(new DateTimeOffset(Today.AddDays(1), new TimeOnly(0, 1), TimeSpan.Zero));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/wiki/Test_topic_1");
        request.Headers.IfNoneMatch.Add(today);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(today, response.Headers.ETag);
    }

    [Fact]
    public async Task MatchingIfNoneMatchGetsNotModifiedWithoutRunningThePage()
    {
        var etag = (await client.GetAsync("/wiki/Test_topic_1")).Headers.ETag!;
        var runs = pageRuns;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/wiki/Test_topic_1");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"unrelated\""));
        request.Headers.IfNoneMatch.Add(etag);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag);
        Assert.Equal("public, max-age=120, stale-while-revalidate=86400", response.Headers.GetValues("Cache-Control").Single());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(runs, pageRuns);
    }

    [Fact]
    public async Task EtagOfAnotherBuildOrPathGetsTheWholePage()
    {
        foreach (var stale in new[] { "W/\"fedcba9876543210-0011223344556677\"", ArchiveEtag.For(ArchiveEtag.VersionOf(DeployArchive.BuildId), Today, "/wiki/Test_topic_2", QueryString.Empty), "*" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/wiki/Test_topic_1");
            request.Headers.TryAddWithoutValidation("If-None-Match", stale);
            var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("<h1>Test_topic_1</h1>", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task OutputCachedResponseKeepsItsEtag()
    {
        var first = await client.GetAsync("/cached");
        var second = await client.GetAsync("/cached");

        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.True(second.Headers.CacheControl!.Public);
    }

    [Theory]
    [InlineData("/random", HttpStatusCode.Redirect)]
    [InlineData("/chosen", HttpStatusCode.OK)]
    [InlineData("/cookie", HttpStatusCode.OK)]
    [InlineData("/missing", HttpStatusCode.NotFound)]
    public async Task ResponsesThatMustNotBeSharedGetNoEtag(string path, HttpStatusCode status)
    {
        var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.False(response.Headers.CacheControl?.Public ?? false);
    }

    [Fact]
    public async Task FingerprintedStylesheetStaysImmutableWithoutTheBuildEtag()
    {
        // As published: run from the build output, MapStaticAssets turns caching off unless told otherwise.
        using var production = new TemporaryFolder();
        await using var site = new DeployApp(DeployArchive.Create(production.Path), ("EnableStaticAssetsDevelopmentCaching", "true"))
        {
            Environment = "Production",
        };
        using var browser = site.CreateClient();
        var home = await ArchiveApp.ParseAsync(await browser.GetStringAsync("/"), "/");
        var href = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        using var response = await browser.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", href);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        Assert.DoesNotContain(DeployArchive.BuildId, response.Headers.ETag?.Tag ?? "");
    }

    [Fact]
    public void ArchiveEtagComparesWeaklyAndIgnoresWildcards()
    {
        const string tag = "W/\"0123456789abcdef-0011223344556677\"";
        Assert.True(ArchiveEtag.Matches(["\"0123456789abcdef-0011223344556677\""], tag));
        Assert.True(ArchiveEtag.Matches(["\"a\", W/\"0123456789abcdef-0011223344556677\""], tag));
        Assert.False(ArchiveEtag.Matches(["*"], tag));
        Assert.False(ArchiveEtag.Matches([], tag));
    }
}
