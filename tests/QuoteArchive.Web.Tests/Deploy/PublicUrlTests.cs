using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QuoteArchive.Web.Hosting;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>
/// <c>Site:PublicUrl</c>, as the self-hosting page advises behind a reverse proxy: pages name the site's own address,
/// not the host they were asked under, and one output-cache entry serves every host name.
/// </summary>
[Collection(DeployCollection.Name)]
public sealed class PublicUrlTests
{
    [Fact]
    public async Task PagesNameTheConfiguredAddressWhateverHostTheyWereAskedUnder()
    {
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path), ("Site:PublicUrl", "https://quotes.example.org/"));
        var client = app.CreateClient();

        var (_, robots) = await GetAsync(client, "/robots.txt", "10.0.0.5:8080");
        var (_, feed) = await GetAsync(client, "/feed.atom", "app.internal");

        Assert.Contains("Sitemap: https://quotes.example.org/sitemap.xml", robots);
        Assert.Contains("<link rel=\"alternate\" href=\"https://quotes.example.org/q/", feed);
        Assert.Contains("tag:quotes.example.org,2024:", feed);
        Assert.DoesNotContain("app.internal", feed);
    }

    [Fact]
    public async Task OneCacheEntryServesEveryHostName()
    {
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path), ("Site:PublicUrl", "https://quotes.example.org"));
        var client = app.CreateClient();

        var (first, firstBody) = await GetAsync(client, "/feed.atom", "quotes.example.org");
        var (other, otherBody) = await GetAsync(client, "/feed.atom", "www.quotes.example.org");

        Assert.Null(first.Headers.Age);
        Assert.NotNull(other.Headers.Age);
        Assert.Equal(firstBody, otherBody);
    }

    [Fact]
    public async Task UnsetEachHostHasItsOwnAddressAndEntry()
    {
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path));
        var client = app.CreateClient();

        var (_, first) = await GetAsync(client, "/feed.atom", "quotes.example.org");
        var (other, otherBody) = await GetAsync(client, "/feed.atom", "www.quotes.example.org");

        Assert.Contains("http://quotes.example.org/q/", first);
        Assert.Null(other.Headers.Age);
        Assert.Contains("http://www.quotes.example.org/q/", otherBody);
    }

    [Fact]
    public async Task BehindAProxyThatSaysSoTheRequestsSchemeIsTheReadersOne()
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true, as the self-hosting page says for a proxy that ends TLS.
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path), ("FORWARDEDHEADERS_ENABLED", "true"));
        var client = app.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/robots.txt") { Headers = { Host = "quotes.example.org" } };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        var response = await client.SendAsync(request);

        Assert.Contains("Sitemap: https://quotes.example.org/sitemap.xml", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task TheAddressIsWrittenAsUrlsSpellIt()
    {
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path), ("Site:PublicUrl", "HTTPS://Quotes.Example.org:443/"));

        var (_, robots) = await GetAsync(app.CreateClient(), "/robots.txt", "localhost");

        Assert.Contains("Sitemap: https://quotes.example.org/sitemap.xml", robots);
    }

    [Fact]
    public void ARequestThatNamesNoHostLinksToTheAddressItReached()
    {
        // HTTP/1.0 allows a request without Host: links stay absolute, and a feed can still be made of them.
        var request = new DefaultHttpContext { Request = { Scheme = "http" }, Connection = { LocalIpAddress = IPAddress.Parse("10.0.0.7"), LocalPort = 8080 } }.Request;

        Assert.Equal("http://10.0.0.7:8080", PublicAddress.BaseOf(request));
        Assert.Equal("10.0.0.7", PublicAddress.HostNameOf(request));
        Assert.Equal("http://localhost", PublicAddress.BaseOf(new DefaultHttpContext { Request = { Scheme = "http" } }.Request));
    }

    [Theory]
    [InlineData("quotes.example.org")]
    [InlineData("https://quotes.example.org/archive")]
    [InlineData("ftp://quotes.example.org")]
    public void AnAddressThatIsNoOriginIsRefusedSayingWhatToWrite(string url)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Site:PublicUrl", url)]).Build();
        using var services = new ServiceCollection().AddPublicAddress(configuration).BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SiteOptions>>().Value);

        Assert.Contains("Site:PublicUrl must be an http or https origin", refused.Message);
    }

    private static async Task<(HttpResponseMessage Response, string Body)> GetAsync(HttpClient client, string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Host = host } };
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, await response.Content.ReadAsStringAsync());
    }
}
