using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>The hardened front: headers, limits per client and per request, readiness for outsiders, styles in production.</summary>
[Collection(DeployCollection.Name)]
public sealed class FrontTests
{
    [Fact]
    public async Task SearchRandomAndApiAreRateLimitedPerClientButProbesAndPagesAreNot()
    {
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path), ("RateLimiting:Enabled", "true"),
            ("RateLimiting:TokenLimit", "3"), ("RateLimiting:TokensPerPeriod", "1"), ("RateLimiting:ReplenishmentPeriod", "01:00:00"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 3; i++)
            Assert.True((await client.GetAsync("/api/topics")).StatusCode == HttpStatusCode.OK, $"request {i + 1}");
        using var limited = await client.GetAsync("/api/random");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {limited.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("try again in", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/random")).StatusCode);
        using var search = await client.GetAsync("/search?q=x");
        Assert.Equal(HttpStatusCode.TooManyRequests, search.StatusCode);
        Assert.StartsWith("Too many requests from this address", await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another address has its own bucket; probes and topic pages are never limited.
        var other = new HttpRequestMessage(HttpMethod.Get, "/api/topics") { Headers = { { DeployApp.RemoteAddressHeader, "203.0.113.9" } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/wiki/Test_topic_1")).StatusCode);
        }
    }

    [Fact]
    public async Task ReadyzTellsOutsidersOneWordPerCheckAndOperatorsTheDetails()
    {
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path, 1, "no title line"), ("Health:DetailsNetworks", "10.1.0.0/16, fd00::/8"));
        using var client = app.CreateClient();

        foreach (var (address, details) in new[] { ("203.0.113.7", false), ("2001:db8::1", false), ("127.0.0.1", true), ("::1", true), ("10.1.2.3", true), ("fd00::5", true) })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/readyz") { Headers = { { DeployApp.RemoteAddressHeader, address } } };
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var archive = (await HealthTests.ReadJsonAsync(response)).GetProperty("checks").GetProperty("archive");
            Assert.Equal("Degraded", archive.GetProperty("status").GetString());
            Assert.Equal("import-errors", archive.GetProperty("reason").GetString());
            Assert.Equal(details, archive.TryGetProperty("data", out _));
            Assert.Equal(details, text.Contains("no title line", StringComparison.Ordinal));
            Assert.Equal(details, text.Contains(folder.Path, StringComparison.Ordinal) || text.Contains("broken.txt", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task HttpsResponsesCarryHstsAndEveryResponsePermissionsPolicy()
    {
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path));

        using var secure = await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") }).GetAsync("/");
        Assert.Contains("max-age=", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));
        using var plain = await app.CreateClient().GetAsync("/wiki/No_such_topic");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        foreach (var response in new[] { secure, plain })
        {
            Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")));
            var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.DoesNotContain("unsafe-inline", policy);
            Assert.DoesNotContain("unsafe-eval", policy);
            Assert.Contains("default-src 'self'", policy);
        }
    }

    [Fact]
    public async Task KestrelSendsNoServerHeaderAndRefusesOversizedRequests()
    {
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path));
        app.UseKestrel(0);
        app.StartServer();
        using var client = app.CreateClient();

        using var page = await client.GetAsync("/wiki/Test_topic_1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Empty(page.Headers.Server);

        var huge = new HttpRequestMessage(HttpMethod.Get, "/");
        huge.Headers.Add("X-Padding", new string('a', 20 * 1024));
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, (await client.SendAsync(huge)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, (await client.GetAsync("/wiki/" + new string('a', 9 * 1024))).StatusCode);
        // Refused before or when it is read (400 or 413), never taken in.
        using var body = await client.PostAsync("/search", new ByteArrayContent(new byte[64 * 1024]));
        Assert.InRange((int)body.StatusCode, 400, 499);
        Assert.InRange((int)await RawStatusAsync(client.BaseAddress!, "GET /wiki/%C3%28 HTTP/1.1\r\nHost: x\r\n\r\n"), 400, 499);
        Assert.Equal(HttpStatusCode.BadRequest, await RawStatusAsync(client.BaseAddress!, "GET /wiki/a\0b HTTP/1.1\r\nHost: x\r\n\r\n"));
    }

    [Fact]
    public async Task ProductionServesANonEmptyStylesheetToABrowserThatAcceptsCompression()
    {
        // As `dotnet run --environment Production` does, from the build output rather than a publish folder.
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path)) { Environment = "Production" };
        using var client = app.CreateClient();
        var home = await ArchiveApp.ParseAsync(await client.GetStringAsync("/"), "/");
        var href = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        var request = new HttpRequestMessage(HttpMethod.Get, href);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEmpty(bytes);
        var css = response.Content.Headers.ContentEncoding.LastOrDefault() switch
        {
            "br" => await Decode(new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress)),
            "gzip" => await Decode(new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress)),
            _ => Encoding.UTF8.GetString(bytes),
        };
        Assert.Contains("prefers-color-scheme: dark", css);

        static async Task<string> Decode(Stream stream)
        {
            using var reader = new StreamReader(stream);
            return await reader.ReadToEndAsync();
        }
    }

    private static async Task<HttpStatusCode> RawStatusAsync(Uri server, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync();
        return (HttpStatusCode)int.Parse(status!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
