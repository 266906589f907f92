using System.IO.Compression;
using System.Net;
using System.Text;

namespace QuoteArchive.Web.Tests.Serving;

/// <summary>Brotli and gzip for clients that ask, compressed once and kept so in the output cache.</summary>
[Collection(nameof(ArchiveApp))]
public sealed class CompressionTests(ArchiveApp app)
{
    [Theory]
    [InlineData("/wiki/Love", "br")]
    [InlineData("/wiki/Love", "gzip")]
    [InlineData("/", "br")]
    [InlineData("/search?q=love", "gzip")]
    [InlineData("/api/topics/Love", "br")]
    [InlineData("/api/search?q=love", "gzip")]
    [InlineData("/feed.atom", "br")]
    [InlineData("/wiki/No_such_topic_to_compress", "br")]
    [InlineData("/api/topics/No_such_topic_to_compress", "gzip")]
    public async Task AnswersAreCompressedForClientsThatAskAndDecodeToTheSameBody(string path, string encoding)
    {
        var (plain, _) = await app.GetCountingCommandsAsync(path);
        var (compressed, _) = await app.GetCountingCommandsAsync(path, encoding);

        Assert.Equal(plain.StatusCode, compressed.StatusCode);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        Assert.Equal(plain.Content.Headers.ContentType, compressed.Content.Headers.ContentType);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), await DecodeAsync(compressed));
        // Both say so, the uncompressed one too: a shared cache must keep them apart.
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=love")]
    [InlineData("/wiki/Love")]
    public async Task NoPageHoldsASecretForCompressionToLeak(string path)
    {
        // BREACH guesses a secret in a compressed page that also echoes what the attacker sends (a search does).
        var (response, _) = await app.GetCountingCommandsAsync(path, "br");

        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("__RequestVerificationToken", await DecodeAsync(response));
    }

    [Fact]
    public async Task TheLargestTopicIsSmallOnTheWire()
    {
        var (plain, _) = await app.GetCountingCommandsAsync("/wiki/Love");
        var (brotli, _) = await app.GetCountingCommandsAsync("/wiki/Love", "br");
        var (gzip, _) = await app.GetCountingCommandsAsync("/wiki/Love", "gzip");

        var size = (await plain.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(size > 1_000_000, $"Love is {size:N0} bytes: no longer the large page this test is about");
        var brotliSize = (await brotli.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(brotliSize < 200_000, $"Love in Brotli: {brotliSize:N0} bytes");
        // Gzip cannot reach that: the quotes' text alone takes 166 KB in gzip.
        var gzipSize = (await gzip.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(gzipSize < size / 5, $"Love in gzip: {gzipSize:N0} bytes of {size:N0}");
    }

    [Fact]
    public async Task EachNegotiatedEncodingIsOneCacheEntryWhateverTheHeaderSpells()
    {
        // A search no other test makes: its entries are this test's own.
        var path = "/search?q=love+-" + Unique();

        var (first, firstCommands) = await app.GetCountingCommandsAsync(path, "gzip, br");
        var (reordered, reorderedCommands) = await app.GetCountingCommandsAsync(path, "br;q=1, gzip;q=0.8");
        var (browser, browserCommands) = await app.GetCountingCommandsAsync(path, "gzip, deflate, br, zstd");
        var (plain, plainCommands) = await app.GetCountingCommandsAsync(path, null);
        var (gzip, gzipCommands) = await app.GetCountingCommandsAsync(path, "gzip");

        Assert.NotEmpty(firstCommands);
        Assert.Equal(["br"], first.Content.Headers.ContentEncoding);
        // The same choice in other words: the stored Brotli bytes, with no handler run and nothing compressed again.
        foreach (var (response, commands) in new[] { (reordered, reorderedCommands), (browser, browserCommands) })
        {
            Assert.Empty(commands);
            Assert.NotNull(response.Headers.Age);
            Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
            Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await response.Content.ReadAsByteArrayAsync());
        }
        // Another choice is another entry, rendered and compressed once for itself.
        Assert.NotEmpty(plainCommands);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.NotEmpty(gzipCommands);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), await DecodeAsync(gzip));
    }

    [Fact]
    public async Task TheShareImageIsNotCompressedAndCachedOnceForEveryEncoding()
    {
        // The last quote: no other test draws its card.
        var id = app.Query(db => db.Quotes.OrderByDescending(q => q.Id).Select(q => q.Id).First());

        var (first, firstCommands) = await app.GetCountingCommandsAsync($"/q/{id}.png", "br, gzip");
        var (plain, plainCommands) = await app.GetCountingCommandsAsync($"/q/{id}.png", null);
        var (gzip, gzipCommands) = await app.GetCountingCommandsAsync($"/q/{id}.png", "gzip");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEmpty(firstCommands);
        Assert.Empty(first.Content.Headers.ContentEncoding);
        Assert.DoesNotContain("Accept-Encoding", first.Headers.Vary);
        var png = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        // Whatever the client accepts, the one stored card, drawn once.
        foreach (var (response, commands) in new[] { (plain, plainCommands), (gzip, gzipCommands) })
        {
            Assert.Empty(commands);
            Assert.NotNull(response.Headers.Age);
            Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
        }

        var (revalidated, _) = await CommandLog.SendAsync(app.Browser(), $"/q/{id}.png", "gzip",
            headers => headers.IfNoneMatch.Add(first.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.DoesNotContain("Accept-Encoding", revalidated.Headers.Vary);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    [InlineData("gzip, br")]
    public async Task StaticAssetsAreNotCompressedTwice(string encoding)
    {
        var page = await app.GetPageAsync("/");
        var href = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        var (response, _) = await app.GetCountingCommandsAsync(href, encoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentEncoding.Count <= 1, string.Join(", ", response.Content.Headers.ContentEncoding));
        Assert.Contains("prefers-color-scheme: dark", await DecodeAsync(response));
    }

    [Fact]
    public async Task EveryEncodingSharesTheWeakEtagAndNotModifiedNamesTheHeaderItVariesBy()
    {
        var (plain, _) = await app.GetCountingCommandsAsync("/wiki/Warmness");
        var (compressed, _) = await app.GetCountingCommandsAsync("/wiki/Warmness", "br");
        Assert.True(compressed.Headers.ETag!.IsWeak);
        Assert.Equal(plain.Headers.ETag, compressed.Headers.ETag);

        var (revalidated, _) = await CommandLog.SendAsync(app.Browser(), "/wiki/Warmness", "gzip",
            headers => headers.IfNoneMatch.Add(compressed.Headers.ETag));

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Contains("Accept-Encoding", revalidated.Headers.Vary);
    }

    /// <summary>The body as the client reads it, undoing its content codings.</summary>
    public static async Task<string> DecodeAsync(HttpResponseMessage response)
    {
        Stream body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        foreach (var coding in response.Content.Headers.ContentEncoding.Reverse())
        {
            body = coding switch
            {
                "br" => new BrotliStream(body, CompressionMode.Decompress),
                "gzip" => new GZipStream(body, CompressionMode.Decompress),
                _ => throw new InvalidDataException($"unexpected content coding {coding}"),
            };
        }
        using var reader = new StreamReader(body, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    /// <summary>A word no test searches for but this one: its cache entries are the test's own.</summary>
    public static string Unique() => "zq" + Guid.NewGuid().ToString("N")[..12];
}
