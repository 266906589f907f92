using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Pages.Quotes;
using SkiaSharp;

namespace QuoteArchive.Web.Tests.Sharing;

[Collection(nameof(ArchiveApp))]
public sealed class QuotePageSharingTests(ArchiveApp app)
{
    private const string Origin = "http://localhost";

    // Whatever address a topic was reached by (a space, a small first letter all redirect here), it names one, whole.
    [Fact]
    public async Task ATopicPageNamesItsCanonicalAddressInFull()
    {
        var page = await app.GetPageAsync("/wiki/China%E2%80%93Russia_relations");
        Assert.Equal(Origin + "/wiki/China%E2%80%93Russia_relations", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task QuotePageCarriesItsCanonicalLinkOpenGraphAndTwitterCard()
    {
        var quote = QuoteWithAuthorWorkAndYear();
        var page = await app.GetPageAsync("/q/" + quote.Id);
        string? Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content");

        var url = Origin + "/q/" + quote.Id;
        Assert.Equal(url, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(url, Meta("meta[property='og:url']"));
        Assert.Equal("article", Meta("meta[property='og:type']"));
        Assert.Equal("QuoteArchive", Meta("meta[property='og:site_name']"));
        Assert.Equal(AuthorOf(quote), Meta("meta[property='og:title']"));
        Assert.StartsWith(Pages.Quotes.QuoteFormats.Inline(quote.Text)[..40], Meta("meta[property='og:description']"), StringComparison.Ordinal);
        Assert.Equal(url + ".png", Meta("meta[property='og:image']"));
        Assert.Equal("1200", Meta("meta[property='og:image:width']"));
        Assert.Equal("630", Meta("meta[property='og:image:height']"));
        Assert.Equal("summary_large_image", Meta("meta[name='twitter:card']"));
        Assert.Equal(url + ".png", Meta("meta[name='twitter:image']"));
        Assert.Equal("/q/" + quote.Id + ".json", page.QuerySelector("link[rel=alternate][type='application/json']")?.GetAttribute("href"));
        Assert.Equal("/feed.atom", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href"));
        Assert.Equal("/opensearch.xml", page.QuerySelector("link[rel=search]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task QuotePageJsonLdIsAQuotationWithItsCreatorWorkDateAndSource()
    {
        var quote = QuoteWithAuthorWorkAndYear();
        var page = await app.GetPageAsync("/q/" + quote.Id);
        var blocks = page.QuerySelectorAll("script[type='application/ld+json']");
        using var json = JsonDocument.Parse(Assert.Single(blocks).TextContent);
        var root = json.RootElement;

        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("Quotation", root.GetProperty("@type").GetString());
        Assert.Equal(quote.Text, root.GetProperty("text").GetString());
        Assert.Equal(Origin + "/q/" + quote.Id, root.GetProperty("url").GetString());
        Assert.Equal("Person", root.GetProperty("creator").GetProperty("@type").GetString());
        Assert.Equal(AuthorOf(quote), root.GetProperty("creator").GetProperty("name").GetString());
        Assert.Equal("CreativeWork", root.GetProperty("citation").GetProperty("@type").GetString());
        Assert.Equal(quote.Work, root.GetProperty("citation").GetProperty("name").GetString());
        Assert.Equal(quote.Year, root.GetProperty("dateCreated").GetString());
        Assert.Equal("CollectionPage", root.GetProperty("isPartOf").GetProperty("@type").GetString());
        Assert.Equal(quote.Topic!.SourceUrl, root.GetProperty("isBasedOn").GetString());
        Assert.Equal(quote.Topic.Language, root.GetProperty("inLanguage").GetString());
        // The deed's address where the licence names its version; else a CreativeWork of its name, as the page's source
        // notice gives it (schema.org's license is a URL or a CreativeWork, never bare text).
        var license = root.GetProperty("license");
        if (ArchiveMarkup.LicenseUrl(quote.Topic.License) is { } deed)
            Assert.Equal(deed, license.GetString());
        else
            Assert.Equal(("CreativeWork", quote.Topic.License ?? "CC BY-SA"),
                (license.GetProperty("@type").GetString(), license.GetProperty("name").GetString()));
        Assert.False(root.TryGetProperty("about", out _), "a quote by the topic's subject is not about it");
    }

    [Fact]
    public async Task AQuoteAboutTheTopicSaysWhatItIsAbout()
    {
        var quote = app.Query(db => db.Quotes.Include(q => q.Topic).First(q => q.Status == QuoteStatus.About));
        var page = await app.GetPageAsync("/q/" + quote.Id);
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal(quote.Topic!.Title, json.RootElement.GetProperty("about").GetProperty("name").GetString());
    }

    [Fact]
    public void HostileTextCannotCloseTheJsonLdBlock()
    {
        const string hostile = "Fine words</script><script>alert(1)</script><!-- & more";
        var quote = new QuoteView
        {
            Id = "abcdefgh", Text = hostile, Attribution = [], Author = hostile, Work = hostile, Year = "1900",
            Topic = new TopicRef { Slug = "X", Title = hostile, Language = "en", SourceUrl = "https://en.wikiquote.org/wiki/X" },
            Section = new SectionRef { Anchor = "Quotes" },
        };
        var json = LinkedData.Quotation(quote, new DefaultHttpContext { Request = { Scheme = "https", Host = new HostString("example.org") } }.Request);

        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(hostile, parsed.RootElement.GetProperty("text").GetString());
        Assert.Equal(hostile, parsed.RootElement.GetProperty("creator").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ShareImageIsA1200By630PngThatDiffersBetweenQuotes()
    {
        var ids = app.Query(db => db.Quotes.OrderBy(q => q.Id).Select(q => q.Id).Take(2).ToList());
        var images = new List<byte[]>();
        foreach (var id in ids)
        {
            using var response = await app.Browser().GetAsync($"/q/{id}.png");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            using var bitmap = SKBitmap.Decode(bytes);
            Assert.Equal((1200, 630), (bitmap.Width, bitmap.Height));
            images.Add(bytes);
        }
        Assert.False(images[0].AsSpan().SequenceEqual(images[1]), "two quotes have one image");
    }

    [Fact]
    public async Task ShareImageIsServedFromTheOutputCacheTheSecondTime()
    {
        var id = app.Query(db => db.Quotes.OrderBy(q => q.Id).Select(q => q.Id).Skip(5).First());
        using var client = app.Browser();
        (await client.GetAsync($"/q/{id}.png")).Dispose();
        using var second = await client.GetAsync($"/q/{id}.png");
        Assert.True(second.Headers.Age is not null, "the second request was rendered again");
    }

    [Theory]
    [InlineData("שלום עולם", true)]
    [InlineData("مرحبا بالعالم", true)]
    [InlineData("Hello world", false)]
    public void RightToLeftQuotesRunFromTheRightMargin(string text, bool rightToLeft)
    {
        using var bitmap = SKBitmap.Decode(ShareImage.Render(Quote(text)));
        // The quote's band, above the attribution: where its ink is.
        var (left, right) = (InkBetween(bitmap, 40, 600), InkBetween(bitmap, 600, 1160));
        Assert.True(rightToLeft ? right > 0 && left == 0 : left > 0 && right == 0, $"ink left {left}, right {right}");
    }

    [Theory]
    [InlineData("অসমীয়া প্ৰবাদ: যি ভাল তাকে কৰা")]
    [InlineData("Ἀρχὴ ἥμισυ παντός")]
    [InlineData("Любовь и голод правят миром")]
    public void NonLatinScriptsAreDrawnInAFontThatHasThem(string text)
    {
        // A font without the script draws empty boxes: the same box for every letter. Two texts that differ draw differently.
        using var first = SKBitmap.Decode(ShareImage.Render(Quote(text)));
        using var second = SKBitmap.Decode(ShareImage.Render(Quote(new string(text.Reverse().ToArray()))));
        Assert.True(InkBetween(first, 40, 1160) > 0);
        Assert.NotEqual(Ink(first), Ink(second));
    }

    [Fact]
    public void ALongQuoteIsCutWithAnEllipsisAndStillFits()
    {
        var words = string.Join(' ', Enumerable.Range(1, 400).Select(i => "word" + i));
        using var bitmap = SKBitmap.Decode(ShareImage.Render(Quote(words)));
        Assert.Equal((1200, 630), (bitmap.Width, bitmap.Height));
        Assert.Equal(0, InkBetween(bitmap, 1125, 1200, top: 0, bottom: 470));
    }

    [Fact]
    public async Task JsonAndTextTwinsAndContentNegotiationAnswerWithTheQuote()
    {
        var quote = QuoteWithAuthorWorkAndYear();
        var api = await app.GetJsonAsync("/api/quotes/" + quote.Id);
        var twin = await app.GetJsonAsync($"/q/{quote.Id}.json");
        Assert.Equal(api.GetRawText(), twin.GetRawText());

        using var client = app.Browser();
        var asked = new HttpRequestMessage(HttpMethod.Get, "/q/" + quote.Id);
        asked.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var negotiated = await client.SendAsync(asked);
        Assert.Equal("application/json", negotiated.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", negotiated.Headers.Vary);
        using (var json = JsonDocument.Parse(await negotiated.Content.ReadAsStringAsync()))
            Assert.Equal(quote.Id, json.RootElement.GetProperty("id").GetString());
        var browser = new HttpRequestMessage(HttpMethod.Get, "/q/" + quote.Id);
        browser.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var page = await client.SendAsync(browser);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(negotiated.Headers.ETag, page.Headers.ETag);

        using var text = await client.GetAsync($"/q/{quote.Id}.txt");
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        var body = await text.Content.ReadAsStringAsync();
        Assert.StartsWith(quote.Text.Trim(), body, StringComparison.Ordinal);
        Assert.Contains(Origin + "/q/" + quote.Id, body, StringComparison.Ordinal);
        Assert.Contains("— " + quote.Attribution.OrderBy(a => a.Position).First().Text, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPermalinkShowsItsAddressAsText()
    {
        var page = await app.GetPageAsync("/wiki/Love");
        var permalinks = page.QuerySelectorAll(".permalink a");
        Assert.NotEmpty(permalinks);
        Assert.All(permalinks, a => Assert.Equal(Origin + a.GetAttribute("href"), a.QuerySelector(".url")?.TextContent));
    }

    [Fact]
    public async Task AnUnknownIdInEveryFormIsNotFound()
    {
        using var client = app.Browser();
        foreach (var path in new[] { "/q/aaaaaaaa.json", "/q/aaaaaaaa.txt", "/q/aaaaaaaa.png", "/q/aaaaaaaa/cite" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            // The text form says so in text, the others in a JSON problem.
            var expected = path.EndsWith(".txt") ? "text/plain" : "application/problem+json";
            Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
            if (path.EndsWith(".txt"))
                Assert.Equal("No quote has this id.\n", await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>A quote whose author, work and year the archive knows, with the name its pages give the author.</summary>
    private Quote QuoteWithAuthorWorkAndYear() => app.Query(db => db.Quotes.Include(q => q.Topic).Include(q => q.AuthorEntry).Include(q => q.Attribution)
        .Where(q => q.Author != null && q.Work != null && q.Year != null && q.Year.Length == 4 && q.Attribution.Count > 0)
        .OrderBy(q => q.Id).First());

    private static string AuthorOf(Quote quote) => quote.AuthorEntry?.Name ?? quote.Author!;

    private static QuoteView Quote(string text) => new()
    {
        Id = "abcdefgh", Text = text, Attribution = [],
        Topic = new TopicRef { Slug = "X", Title = "X", Language = "en", SourceUrl = "https://en.wikiquote.org/wiki/X" },
        Section = new SectionRef { Anchor = "Quotes" },
    };

    private static int InkBetween(SKBitmap bitmap, int from, int to, int top = 90, int bottom = 470)
    {
        var ink = 0;
        for (var y = top; y < bottom; y += 2)
            for (var x = from; x < to; x += 2)
                if (bitmap.GetPixel(x, y).Red < 128)
                    ink++;
        return ink;
    }

    private static int Ink(SKBitmap bitmap) => Enumerable.Range(0, 1200 / 3).Sum(i => InkBetween(bitmap, i * 3, i * 3 + 3));
}
