using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using QuoteArchive.Storage.Search;
using QuoteArchive.Web.Pages.Shared;
using Xunit.Abstractions;

namespace QuoteArchive.Web.Tests;

/// <summary>
/// The web app over a generated archive of 20,000 topics, more than any list can show at once: no list grows with
/// the archive. Each topic is minimal (one made-up line, an author, a category), written as one MediaWiki export,
/// the fastest form to import; generated for these tests only.
/// </summary>
public sealed class LargeArchiveApp : ArchiveApp
{
    public LargeArchiveApp() : base(Generate()) => BuildTime = Stopwatch.Elapsed;

    public const int TopicCount = 20_000;

    /// <summary>Authors: one quoted on a page in a hundred (two pages of its quotes), the others on a few pages each.</summary>
    public const int AuthorCount = 2_500;

    public static readonly string ProlificAuthor = Author(0);

    /// <summary>Categories: one holding a topic in four (many pages of topics), the others a few topics each.</summary>
    public const int CategoryCount = 1_500;

    public const string LargeCategory = "Large synthetic category";

    /// <summary>How long generating and importing took: the fixture's cost to the suite.</summary>
    public TimeSpan BuildTime { get; }

    private static readonly Stopwatch Stopwatch = new();

    private static string Generate()
    {
        Stopwatch.Restart();
        var folder = Directory.CreateTempSubdirectory("quotearchive-large-").FullName;
        var xml = new StringBuilder("""
            <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
              <siteinfo><base>https://en.wikiquote.org/wiki/Main_Page</base></siteinfo>

            """);
        for (var i = 0; i < TopicCount; i++)
        {
            // Titles, authors and categories spread over the alphabet, so that every A–Z list has many letters;
            // half the authors under W, so that one letter of the author index has several pages.
            var title = $"{(char)('A' + i % 26)}ynthetic topic {i:00000}";
            var author = i % 100 == 0 ? ProlificAuthor : Author(i % AuthorCount);
            var category = $"{(char)('A' + i % CategoryCount % 26)}ynthetic category {i % CategoryCount:0000}";
            xml.Append($"""
                  <page><title>{title}</title><ns>0</ns><id>{i + 1}</id><revision><id>{100_000 + i}</id><timestamp>2026-01-01T00:00:00Z</timestamp><text xml:space="preserve">== Quotes ==
                * Synthetic line {i}, made up for a test.
                ** [[{author}]], ''Made-up work {i}'' (2001)
                [[Category:{category}]]{(i % 4 == 0 ? $"\n[[Category:{LargeCategory}]]" : "")}</text></revision></page>

                """);
        }
        xml.Append("</mediawiki>\n");
        File.WriteAllText(Path.Combine(folder, "generated.xml"), xml.ToString());
        return folder;
    }

    // Names without digits, which the attribution parser would not take for an author's: "Writer Abc", "Cuthor Dab".
    public static string Author(int n) => (n % 2 == 0 ? "Writer " : $"{(char)('A' + n / 2 % 26)}uthor ") + Letters(n);

    private static string Letters(int n) => $"{(char)('A' + n / 676 % 26)}{(char)('a' + n / 26 % 26)}{(char)('a' + n % 26)}";
}

// Not beside the other collections: a host started here rebinds the process-wide Serilog logger their log tests read.
[CollectionDefinition(nameof(LargeArchiveApp), DisableParallelization = true)]
public sealed class LargeArchiveCollection : ICollectionFixture<LargeArchiveApp>;

[Collection(nameof(LargeArchiveApp))]
public sealed class LargeArchiveTests(LargeArchiveApp app, ITestOutputHelper output)
{
    private const int MaxPageBytes = 300_000;

    [Fact]
    public void TheArchiveHasEveryGeneratedTopic()
    {
        output.WriteLine($"generated and imported {LargeArchiveApp.TopicCount:N0} topics in {app.BuildTime.TotalSeconds:N1} s");
        Assert.Empty(app.ImportDiagnostics);
        Assert.Equal(LargeArchiveApp.TopicCount, app.Import.Topics);
    }

    [Fact]
    public async Task RandomTodayAndSuggestionsAnswerFromTheWholeArchive()
    {
        var random = await app.GetJsonAsync("/api/random");
        var quote = await app.GetJsonAsync($"/api/quotes/{random.GetProperty("id").GetString()}");
        Assert.Equal(random.GetProperty("text").GetString(), quote.GetProperty("text").GetString());
        Assert.StartsWith("Synthetic line ", quote.GetProperty("text").GetString());

        var today = (await app.GetJsonAsync("/api/today")).GetProperty("quote").GetProperty("id").GetString();
        Assert.Equal(today, (await app.GetJsonAsync("/api/today")).GetProperty("quote").GetProperty("id").GetString());
        using var todayPage = await app.Browser().GetAsync($"/api/quotes/{today}");
        Assert.Equal(HttpStatusCode.OK, todayPage.StatusCode);

        // Topic 10 is the only one whose title starts so (its first letter is the 11th of the alphabet).
        var suggestions = (await app.GetJsonAsync("/api/suggest?q=Kynthetic%20topic%200001")).EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Kynthetic topic 00010"], suggestions);
    }

    [Fact]
    public async Task HomePageShowsOneLetterAtATimeAndLinksToEveryLetter()
    {
        var home = await app.GetPageAsync("/");
        Assert.Equal(26, home.QuerySelectorAll("nav.letters a").Length);
        var shown = home.QuerySelectorAll(".topic-entry > a").Select(a => a.TextContent).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, title => Assert.StartsWith("A", title, StringComparison.Ordinal));

        var letterB = await app.GetPageAsync("/?letter=B");
        Assert.All(letterB.QuerySelectorAll(".topic-entry > a").Select(a => a.TextContent), title => Assert.StartsWith("B", title, StringComparison.Ordinal));
        Assert.Equal("page", letterB.QuerySelector("nav.letters a[aria-current]")?.GetAttribute("aria-current"));
    }

    [Theory]
    [InlineData("/"), InlineData("/?letter=Z"), InlineData("/api/topics"), InlineData("/authors"), InlineData("/api/authors"), InlineData("/categories"),
     InlineData("/api/categories"), InlineData("/search?q=synthetic"), InlineData("/api/search?q=synthetic")]
    public async Task NoListResponseGrowsWithTheArchive(string path)
    {
        using var response = await app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange((await response.Content.ReadAsByteArrayAsync()).Length, 1, MaxPageBytes);
    }

    // Each HTML list: its letters (where it has them), then each letter's pages by their rel=next links, reach every
    // entry exactly once, on pages of bounded size and length.
    [Theory]
    [InlineData("/", ".topic-entry > a", 200)]
    [InlineData("/authors", ".author-list > li > a", 500)]
    [InlineData("/categories", ".category-list > li > a", 200)]
    public async Task EveryEntryOfAnIndexIsReachedOnceByItsLettersAndNextLinks(string start, string entry, int pageSize)
    {
        var first = await app.GetPageAsync(start);
        var letters = first.QuerySelectorAll("nav.letters a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.InRange(letters.Count, 2, 27);
        var seen = await WalkPagesAsync(letters, entry, pageSize);
        Assert.Equal(Expected(start), seen.Count);
    }

    [Fact]
    public async Task AnAuthorsPagesReachEveryQuoteOnce()
    {
        var slug = app.Query(db => db.Authors.Where(a => a.Name == LargeArchiveApp.ProlificAuthor).Select(a => a.Slug).Single());
        var seen = await WalkPagesAsync(["/authors/" + Uri.EscapeDataString(slug)], "blockquote", 100);
        Assert.Equal(LargeArchiveApp.TopicCount / 100, seen.Count);
    }

    [Fact]
    public async Task ACategorysPagesReachEveryTopicOnce()
    {
        var seen = await WalkPagesAsync(["/categories/" + Uri.EscapeDataString(LargeArchiveApp.LargeCategory.Replace(' ', '_'))], ".topic-list .topic-entry > a", 200);
        Assert.Equal(LargeArchiveApp.TopicCount / 4, seen.Count);
    }

    // The same for the API, by its Link headers alone: rel=next to the next page, or to the next letter.
    [Theory]
    [InlineData("/api/topics?pageSize=100", "")]
    [InlineData("/api/categories?pageSize=100", "")]
    [InlineData("/api/authors?pageSize=100", "authors")]
    public async Task TheApiWalksEveryEntryOfAListByItsLinks(string start, string property)
    {
        var seen = await WalkApiAsync(start, json => property.Length == 0 ? json : json.GetProperty(property), "slug");
        Assert.Equal(Expected(start), seen.Count);
    }

    [Fact]
    public async Task TheApiWalksAnAuthorsQuotesAndACategorysTopicsByTheirLinks()
    {
        var slug = app.Query(db => db.Authors.Where(a => a.Name == LargeArchiveApp.ProlificAuthor).Select(a => a.Slug).Single());
        var quotes = await WalkApiAsync($"/api/authors/{Uri.EscapeDataString(slug)}?pageSize=50",
            json => JsonSerializer.SerializeToElement(json.GetProperty("topics").EnumerateArray().SelectMany(t => t.GetProperty("quotes").EnumerateArray())), "id");
        Assert.Equal(LargeArchiveApp.TopicCount / 100, quotes.Count);

        var topics = await WalkApiAsync($"/api/categories/{Uri.EscapeDataString(LargeArchiveApp.LargeCategory.Replace(' ', '_'))}?pageSize=100",
            json => json.GetProperty("topics"), "slug");
        Assert.Equal(LargeArchiveApp.TopicCount / 4, topics.Count);
    }

    [Fact]
    public async Task ALanguageFilterInAnArchiveOfOneLanguageFindsWhatTheSearchWithoutItFinds()
    {
        var all = await app.GetJsonAsync("/api/search?q=synthetic+line+1234");
        var english = await app.GetJsonAsync("/api/search?q=synthetic+line+1234&lang=en");
        Assert.Equal(all.GetProperty("total").GetInt32(), english.GetProperty("total").GetInt32());
        Assert.Equal(0, (await app.GetJsonAsync("/api/search?q=synthetic+line+1234&lang=fr")).GetProperty("total").GetInt32());
    }

    // "synthetic" is in every quote: more than a search counts.
    [Fact]
    public async Task ASearchWithMoreMatchesThanItCountsSaysMoreThanAndPagesThatFarOnce()
    {
        var first = await app.GetJsonAsync("/api/search?q=synthetic");
        Assert.Equal(QuoteSearch.MaxCounted, first.GetProperty("total").GetInt32());
        Assert.True(first.GetProperty("totalIsLowerBound").GetBoolean());
        var page = await app.GetPageAsync("/search?q=synthetic");
        Assert.Contains($"of more than {QuoteSearch.MaxCounted.ToString("N0", CultureInfo.InvariantCulture)} quotes", page.QuerySelector(".totals")!.TextContent, StringComparison.Ordinal);
        // The pager names no last page for a total that is only a lower bound, and offers the next one.
        Assert.Equal("Page 1", page.QuerySelector(".pager span")!.TextContent);
        Assert.NotNull(page.QuerySelector(".pager a[rel=next]"));

        var seen = await WalkApiAsync("/api/search?q=synthetic&pageSize=100", json => json.GetProperty("results"), "id");
        Assert.Equal(QuoteSearch.MaxCounted, seen.Count);
        var beyond = await app.GetJsonAsync($"/api/search?q=synthetic&pageSize=100&page={QuoteSearch.MaxCounted / 100 + 1}");
        Assert.Equal(0, beyond.GetProperty("results").GetArrayLength());
    }

    // Past the count, the named quotes (here of the topics titled "Synthetic topic …", one quote each) come from the
    // index of names and come first; with an exclusion each is looked up, and those it leaves out are not shown.
    [Theory]
    [InlineData("synthetic", null)]
    [InlineData("synthetic -aaa", "Writer Aaa")]
    public async Task PastTheCountTheQuotesOfTopicsNamedByTheWordsComeFirst(string q, string? excludedAuthor)
    {
        var named = app.Query(db => db.Topics.Count(t => t.Title.StartsWith("Synthetic topic")));
        var hits = new List<JsonElement>();
        for (var page = 1; hits.Count < named + 100; page++)
            hits.AddRange((await app.GetJsonAsync($"/api/search?q={Uri.EscapeDataString(q)}&pageSize=100&page={page}")).GetProperty("results").EnumerateArray());
        var titles = hits.Select(h => h.GetProperty("topic").GetProperty("title").GetString()!).ToList();
        var first = titles.TakeWhile(t => t.StartsWith("Synthetic topic", StringComparison.Ordinal)).Count();
        Assert.InRange(first, named * 9 / 10, named);
        Assert.DoesNotContain(titles.Skip(first), t => t.StartsWith("Synthetic topic", StringComparison.Ordinal));
        if (excludedAuthor is not null)
            Assert.DoesNotContain(hits, h => h.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object
                && author.GetProperty("name").GetString() == excludedAuthor);
        else
            Assert.Equal(named, first);
    }

    private int Expected(string list) => list.Contains("author", StringComparison.Ordinal) ? app.Query(db => db.Authors.Count())
        : list.Contains("categor", StringComparison.Ordinal) ? app.Query(db => db.Categories.Select(c => c.Slug).Distinct().Count())
        : LargeArchiveApp.TopicCount;

    private Task<HashSet<string>> WalkPagesAsync(IEnumerable<string> starts, string entry, int pageSize) =>
        WalkAsync(starts, pageSize, async (path, _, body) =>
        {
            var page = await ArchiveApp.ParseAsync(Encoding.UTF8.GetString(body), path);
            return (page.QuerySelectorAll(entry).Select(e => e.GetAttribute("href") ?? e.TextContent).ToList(),
                page.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        });

    private Task<HashSet<string>> WalkApiAsync(string start, Func<JsonElement, JsonElement> items, string key) =>
        WalkAsync([start], Paging.MaxPageSize, (_, response, body) =>
        {
            using var json = JsonDocument.Parse(body);
            var entries = items(json.RootElement).EnumerateArray().Select(e => e.GetProperty(key).GetString()!).ToList();
            var next = LinkHeaders.Next(response);
            return Task.FromResult((entries, next));
        });

    /// <summary>Follows the next links from each start; every entry once, every response bounded in bytes and entries.</summary>
    private async Task<HashSet<string>> WalkAsync(IEnumerable<string> starts, int pageSize,
        Func<string, HttpResponseMessage, byte[], Task<(List<string> Entries, string? Next)>> read)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var client = app.Browser();
        foreach (var start in starts)
        {
            string? next = start;
            for (var pages = 0; next is not null; pages++)
            {
                Assert.True(pages < 500, $"{start}: more pages than any list has");
                using var response = await client.GetAsync(next);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = await response.Content.ReadAsByteArrayAsync();
                Assert.InRange(body.Length, 1, MaxPageBytes);
                var (entries, following) = await read(next, response, body);
                Assert.InRange(entries.Count, 1, pageSize);
                Assert.All(entries, e => Assert.True(seen.Add(e), $"{next}: {e} came twice"));
                next = following;
            }
        }
        return seen;
    }
}
