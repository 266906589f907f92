using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Tests.Search;

[Collection(nameof(ArchiveApp))]
public sealed class SearchTests(ArchiveApp app)
{
    private const string WestadQuoteStart = "At first, in the 1950s, Chairman Mao";

    // Filters that only the address holds are shown, each with the same search without it.
    [Fact]
    public async Task ASearchShowsItsFiltersAndLeadsToTheSearchWithoutEach()
    {
        var page = await app.GetPageAsync("/search?q=love&topic=Love&status=sourced&page=2&utm_source=x");
        var filters = page.QuerySelectorAll(".search-filters li").ToList();
        Assert.Equal(["Only in the topic “Love” search without it", "Only sourced quotes search without it"],
            filters.Select(f => System.Text.RegularExpressions.Regex.Replace(f.TextContent, @"\s+", " ").Trim()));
        Assert.Equal(["/search?q=love&status=sourced", "/search?q=love&topic=Love"], filters.Select(f => f.QuerySelector("a")!.GetAttribute("href")));
        Assert.Empty((await app.GetPageAsync("/search?q=love&kind=Person")).QuerySelectorAll(".search-filters li"));
    }

    [Fact]
    public async Task AnAuthorsPageSearchesTheirQuotes()
    {
        var page = await app.GetPageAsync("/authors/Friedrich_Nietzsche");
        var form = page.QuerySelector("form[aria-label='Search the quotes of Friedrich Nietzsche']")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("Friedrich_Nietzsche", form.QuerySelector("input[type=hidden][name=author]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("input[type=search][name=q]"));
    }

    [Fact]
    public async Task FindsAQuoteByAWordOfItsText()
    {
        var results = await SearchAsync("Khrushchev");
        Assert.Contains(results, r => r.Text.StartsWith(WestadQuoteStart, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FindsAnExactPhraseAndNotTheSameWordsInAnotherOrder()
    {
        Assert.Contains(await SearchAsync("\"ultimate answers\""), r => r.Text.Contains("ultimate answers", StringComparison.Ordinal));
        Assert.DoesNotContain(await SearchAsync("\"answers ultimate\""), r => r.Text.Contains("ultimate answers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FindsWordsByPrefix()
    {
        Assert.Empty(await SearchAsync("Khrush"));
        Assert.Contains(await SearchAsync("Khrush*"), r => r.Text.StartsWith(WestadQuoteStart, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FindsAccentedWordsSpelledWithoutAccentsAndInAnyCase()
    {
        var accentFree = await SearchAsync("etre");
        Assert.NotEmpty(accentFree);
        Assert.All(accentFree, r => Assert.Matches("(?i)[eê]tre", r.Text + r.Attribution));
        Assert.Contains(accentFree, r => r.Text.Contains("être", StringComparison.Ordinal));
        Assert.Equal((await SearchAsync("Nietzsche")).Select(r => r.Id), (await SearchAsync("nietzsche")).Select(r => r.Id));
    }

    [Fact]
    public async Task FindsQuotesByTheirAuthor()
    {
        // "Westad" is only in the attribution line and the author index, not in the quote's text.
        var results = await SearchAsync("Westad");
        var hit = Assert.Single(results);
        Assert.StartsWith(WestadQuoteStart, hit.Text, StringComparison.Ordinal);
        Assert.Equal("Odd_Arne_Westad", hit.AuthorSlug);
    }

    [Fact]
    public async Task FindsQuotesByTheTitleOfTheirTopic()
    {
        var results = await SearchAsync("Warmness", pageSize: 100);
        Assert.NotEmpty(results);
        var warmness = app.Query(db => db.Quotes.Count(q => q.Topic!.Title == "Warmness"));
        Assert.True(results.Count(r => r.TopicSlug == "Warmness") == warmness, "every quote of the topic Warmness is found by its title");
    }

    [Fact]
    public async Task ExcludedWordsLeaveTheirQuotesOut()
    {
        var all = await SearchAsync("intelligence", pageSize: 100);
        var excluded = await SearchAsync("intelligence -lucidité", pageSize: 100);
        Assert.Contains(all, r => r.Text.Contains("lucidité", StringComparison.Ordinal));
        Assert.DoesNotContain(excluded, r => r.Text.Contains("lucidité", StringComparison.Ordinal));
        Assert.Equal(all.Count - all.Count(r => r.Text.Contains("lucidité", StringComparison.Ordinal)), excluded.Count);
    }

    [Fact]
    public async Task RankingPutsATitleMatchFirst()
    {
        // "intelligence" is the title of a French topic and a word in quotes of Love and Friedrich Nietzsche.
        var results = await SearchAsync("intelligence", pageSize: 100);
        Assert.Contains(results, r => r.TopicSlug != "Intelligence");
        Assert.Equal("Intelligence", results[0].TopicSlug);
        var firstOther = results.FindIndex(r => r.TopicSlug != "Intelligence");
        Assert.All(results.Take(firstOther), r => Assert.Equal("Intelligence", r.TopicSlug));
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "\"", "\"\"", "\"\"\"", "\"love", "love\"", "NEAR(", "NEAR(love war", "NEAR(love, 2)", ":", "text:love", "^", "^love",
        "*", "**", "*love", "love**", "-", "--", "-love", "- -", "(", ")", "(love", "love)", "AND", "OR", "NOT", "love AND",
        "NOT love", "love OR OR war", "{text}: love", "'; DROP TABLE Quotes; --", "1' OR '1'='1", "\" OR 1=1 --",
        "Robert'); SELECT * FROM Topics; --", new string('a', 2000), string.Join(' ', Enumerable.Repeat("love", 400)),
        string.Concat(Enumerable.Repeat("\"a ", 700)), "😀", "love 😀 peace", "👨‍👩‍👧‍👦", "עברית", "شعر الحب", "‏love‏",
        "\u202Elove\u202C", "\u0000", "love\u0000war", "\u0007\u001b[31m", "\t\r\n", "\uFEFF", "\uE000love\uE001", "\u0301",
        "%", "%25", "%00", "<mark>", "</mark><script>alert(1)</script>", "&amp;", "\\", "''", "`", "$match", "@p0", "?",
        "rank", "bm25(QuotesFts)", "QuotesFts", "love NEAR/2 war", "\"love\"*", "love* *war", "a-", "-\"", "\"-",
        "௵", "\uFFFD", "\uFFFDlove", "null", "undefined", "0", "-1", "1e309",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task AHostileQueryAnswers200OnThePageAndTheApi(string query)
    {
        using var client = app.Browser();
        var encoded = Uri.EscapeDataString(query);
        using var page = await client.GetAsync("/search?q=" + encoded);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var api = await client.GetAsync("/api/search?q=" + encoded);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("total").GetInt32() >= 0);
        using var suggest = await client.GetAsync("/api/suggest?q=" + encoded);
        Assert.Equal(HttpStatusCode.OK, suggest.StatusCode);
    }

    [Fact]
    public async Task HighlightMarkupCannotBeInjectedThroughTheQuery()
    {
        // The query is shown back (search box, title, summary) and its words are searched: markup in it stays text.
        var query = "love -\"</mark><script>alert(1)</script><b>x</b>\"";
        var document = await app.GetPageAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Empty(document.QuerySelectorAll("script:not([src]), main b"));
        Assert.Equal(query, document.QuerySelector("#search-page-q")!.GetAttribute("value"));
        Assert.Contains(query, document.QuerySelector(".totals")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(document.QuerySelectorAll(".result"));
        AssertOnlyOurMarkup(document);
        Assert.All(document.QuerySelectorAll(".result blockquote mark"), m => Assert.Equal("love", m.TextContent, ignoreCase: true));
    }

    [Fact]
    public async Task HighlightMarkupCannotBeInjectedThroughTheContent()
    {
        // A quote of the Love page holds the text "<bɾ>", which looks like markup and must stay text.
        var document = await app.GetPageAsync("/search?q=" + Uri.EscapeDataString("badly free"));
        var result = Assert.Single(document.QuerySelectorAll(".result blockquote"), b => b.TextContent.Contains("<bɾ>", StringComparison.Ordinal));
        Assert.Contains(result.QuerySelectorAll("mark"), m => m.TextContent == "badly");
        AssertOnlyOurMarkup(document);

        using var client = app.Browser();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("badly free")));
        var highlight = json.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("highlight").GetString()!)
            .Single(h => h.Contains("bɾ", StringComparison.Ordinal));
        Assert.Contains("&lt;bɾ&gt;", highlight, StringComparison.Ordinal);
        Assert.Contains("<mark>badly</mark>", highlight, StringComparison.Ordinal);
        Assert.DoesNotContain("<bɾ>", highlight, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultsAreQuoteCardsWithTheMatchesMarkedInTextAndAttribution()
    {
        var document = await app.GetPageAsync("/search?q=Westad");
        var card = Assert.Single(document.QuerySelectorAll(".result figure.quote"));
        Assert.Contains(card.QuerySelectorAll(".attribution mark"), m => m.TextContent == "Westad");
        Assert.Equal("/authors/Odd_Arne_Westad", card.QuerySelector("a.author")!.GetAttribute("href"));
        Assert.StartsWith("/q/", card.QuerySelector(".permalink a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongQuotesAreShownAsASnippetAroundTheMatch()
    {
        var hit = Assert.Single(await SearchAsync("Khrushchev"));
        Assert.True(hit.IsSnippet);
        Assert.Contains("<mark>Khrushchev</mark>", hit.Highlight, StringComparison.Ordinal);
        Assert.True(hit.Highlight.Length < hit.Text.Length, "the snippet is shorter than the quote");
    }

    [Fact]
    public async Task PagesThroughResultsWithTotalAndLinkHeader()
    {
        using var client = app.Browser();
        using var first = await client.GetAsync("/api/search?q=love&pageSize=5");
        using var firstJson = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var total = firstJson.RootElement.GetProperty("total").GetInt32();
        Assert.True(total > 10);
        Assert.Equal(5, firstJson.RootElement.GetProperty("results").GetArrayLength());
        var link = Assert.Single(first.Headers.GetValues("Link"));
        Assert.Contains("rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Contains("page=2", link, StringComparison.Ordinal);
        Assert.Contains("pageSize=5", link, StringComparison.Ordinal);

        var next = link[(link.IndexOf('<') + 1)..link.IndexOf('>')];
        using var secondJson = JsonDocument.Parse(await client.GetStringAsync(next));
        var firstIds = Ids(firstJson);
        var secondIds = Ids(secondJson);
        Assert.Equal(5, secondIds.Count);
        Assert.Empty(firstIds.Intersect(secondIds));

        var lastPage = (total + 4) / 5;
        using var last = await client.GetAsync($"/api/search?q=love&pageSize=5&page={lastPage}");
        Assert.DoesNotContain("rel=\"next\"", last.Headers.TryGetValues("Link", out var links) ? string.Join(",", links) : "", StringComparison.Ordinal);

        using var clamped = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=love&pageSize=1000&page=abc"));
        Assert.Equal(100, clamped.RootElement.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, clamped.RootElement.GetProperty("page").GetInt32());
        Assert.Equal(Math.Min(100, total), clamped.RootElement.GetProperty("results").GetArrayLength());

        var pageTwo = await app.GetPageAsync("/search?q=love&pageSize=5&page=2");
        Assert.Equal(5, pageTwo.QuerySelectorAll(".result").Length);
        Assert.NotNull(pageTwo.QuerySelector(".pager a[rel=next]"));
        Assert.NotNull(pageTwo.QuerySelector(".pager a[rel=prev]"));
    }

    [Fact]
    public async Task FiltersByTopicAuthorStatusAndLanguage()
    {
        Assert.All(await SearchAsync("love", pageSize: 100, filters: "&topic=Friedrich_Nietzsche"), r => Assert.Equal("Friedrich_Nietzsche", r.TopicSlug));
        Assert.NotEmpty(await SearchAsync("love", filters: "&topic=Friedrich Nietzsche"));
        Assert.All(await SearchAsync("love", pageSize: 100, filters: "&author=Friedrich_Nietzsche"), r => Assert.Equal("Friedrich_Nietzsche", r.AuthorSlug));
        Assert.NotEmpty(await SearchAsync("love", filters: "&author=Friedrich_Nietzsche"));
        var about = await SearchAsync("Nietzsche", pageSize: 100, filters: "&status=about");
        Assert.NotEmpty(about);
        Assert.All(about, r => Assert.Equal("about", r.Status));
        var french = await SearchAsync("amour", pageSize: 100, filters: "&lang=fr");
        Assert.NotEmpty(french);
        Assert.All(french, r => Assert.Contains(r.TopicSlug, new[] { "Intelligence", "Le_Pacha", "Bertolt_Brecht" }));
        Assert.NotEmpty(await SearchAsync("love", filters: "&status=Sourced&kind=THEME"));
        Assert.Empty(await SearchAsync("love", filters: "&topic=No_such_topic"));
    }

    // The search page shows an unknown value among its filters; the API says it is none, and what there is.
    [Theory]
    [InlineData("status=nonsense", "Unknown status", "sourced, unsourced")]
    [InlineData("status=1", "Unknown status", "misattributed")]
    [InlineData("kind=dialogue", "Unknown kind", "theme, person, film")]
    public async Task AnUnknownStatusOrKindIsABadRequestNamingTheValuesThereAre(string filter, string title, string named)
    {
        using var response = await app.Browser().GetAsync("/api/search?q=love&" + filter);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.Contains(named, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestsTopicsAndAuthorsByPrefix()
    {
        using var client = app.Browser();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/suggest?q=nietz"));
        var suggestions = json.RootElement.EnumerateArray()
            .Select(s => (Name: s.GetProperty("name").GetString(), Kind: s.GetProperty("kind").GetString(), Url: s.GetProperty("url").GetString()))
            .ToList();
        Assert.Contains(("Friedrich Nietzsche", "topic", "/wiki/Friedrich_Nietzsche"), suggestions);
        Assert.Contains(("Friedrich Nietzsche", "author", "/authors/Friedrich_Nietzsche"), suggestions);

        using var twoWords = JsonDocument.Parse(await client.GetStringAsync("/api/suggest?q=" + Uri.EscapeDataString("odd arne w")));
        Assert.Contains(twoWords.RootElement.EnumerateArray(), s => s.GetProperty("name").GetString() == "Odd Arne Westad");
        using var empty = JsonDocument.Parse(await client.GetStringAsync("/api/suggest?q="));
        Assert.Equal(0, empty.RootElement.GetArrayLength());
    }

    // A script goes on from a suggestion to the API's answer for it, by its slug.
    [Fact]
    public async Task ASuggestionsSlugIsItsAddressInTheApi()
    {
        var suggestions = (await app.GetJsonAsync("/api/suggest?q=nietz")).EnumerateArray().ToList();
        Assert.Contains(suggestions, s => s.GetProperty("kind").GetString() == "topic");
        Assert.Contains(suggestions, s => s.GetProperty("kind").GetString() == "author");

        foreach (var suggestion in suggestions)
        {
            var slug = suggestion.GetProperty("slug").GetString()!;
            var kind = suggestion.GetProperty("kind").GetString() == "author" ? "authors" : "topics";
            var answer = await app.GetJsonAsync($"/api/{kind}/{Slugs.ToUrlPath(slug)}");
            Assert.Equal(slug, answer.GetProperty("slug").GetString());
            Assert.Equal(suggestion.GetProperty("url").GetString(), answer.GetProperty("url").GetString());
        }
    }

    [Fact]
    public async Task AnEmptyQueryShowsHelpAndAQuote()
    {
        var document = await app.GetPageAsync("/search");
        Assert.NotNull(document.QuerySelector(".search-help"));
        var quote = document.QuerySelector(".search-example figure.quote");
        Assert.NotNull(quote);
        var permalink = quote.QuerySelector(".permalink a[href^='/q/']")!.GetAttribute("href")!;
        var id = permalink[3..];
        Assert.True(app.Query(db => db.Quotes.Any(q => q.Id == id)));
    }

    [Fact]
    public async Task EveryPageHasASearchBoxThatWorksWithoutScript()
    {
        var document = await app.GetPageAsync("/");
        var form = document.QuerySelector("header form[role=search]");
        Assert.NotNull(form);
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=q]"));
        // The autocomplete is an external script: the Content-Security-Policy forbids inline script.
        Assert.All(document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
        Assert.Contains(document.QuerySelectorAll("script"), s => s.GetAttribute("src")!.StartsWith("/js/suggest", StringComparison.Ordinal));
    }

    private static void AssertOnlyOurMarkup(IDocument document)
    {
        foreach (var quote in document.QuerySelectorAll(".result blockquote"))
        {
            Assert.All(quote.QuerySelectorAll("*"), e => Assert.Contains(e.LocalName, new[] { "p", "mark", "br" }));
            Assert.All(quote.QuerySelectorAll("mark"), m => Assert.Empty(m.Children));
        }
    }

    private static List<string> Ids(JsonDocument json) =>
        json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();

    private async Task<List<Hit>> SearchAsync(string query, int pageSize = 20, string filters = "")
    {
        using var client = app.Browser();
        using var response = await client.GetAsync($"/api/search?q={Uri.EscapeDataString(query)}&pageSize={pageSize}{filters}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("results").EnumerateArray().Select(r => new Hit(
            r.GetProperty("id").GetString()!,
            r.GetProperty("text").GetString()!,
            r.GetProperty("highlight").GetString()!,
            r.GetProperty("isSnippet").GetBoolean(),
            string.Join("\n", r.GetProperty("attribution").EnumerateArray().Select(a => a.GetString())),
            r.GetProperty("topic").GetProperty("slug").GetString()!,
            r.GetProperty("author").ValueKind == JsonValueKind.Null ? null : r.GetProperty("author").GetProperty("slug").GetString(),
            r.GetProperty("status").GetString()!)).ToList();
    }

    private sealed record Hit(string Id, string Text, string Highlight, bool IsSnippet, string Attribution, string TopicSlug, string? AuthorSlug, string Status);
}
