using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Tests.Search;

[Collection(nameof(ArchiveApp))]
public sealed class AuthorTests(ArchiveApp app)
{
    [Fact]
    public async Task WestadsQuoteOnTheSeedPageIsListedUnderOddArneWestad()
    {
        var westad = app.Query(db => db.Quotes.Single(q => q.Topic!.Slug == "China–Russia_relations" && q.Text.StartsWith("At first, in the 1950s")).Id);
        var ids = await AuthorQuoteIdsAsync("Odd_Arne_Westad");
        Assert.Contains(westad, ids);

        var page = await app.GetPageAsync("/authors/Odd_Arne_Westad");
        Assert.Equal("Odd Arne Westad", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"#q-{westad}"));
        Assert.Equal("/wiki/China%E2%80%93Russia_relations", page.QuerySelector(".author-topic h2 a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task APersonPagesOwnQuotesAreUnderThePersonAndQuotesAboutThemAreNot()
    {
        var (own, about) = app.Query(db =>
        {
            var quotes = db.Quotes.Where(q => q.Topic!.Slug == "Friedrich_Nietzsche");
            return (quotes.Where(q => q.Status == QuoteStatus.Sourced || q.Status == QuoteStatus.Unsourced).Select(q => q.Id).ToHashSet(),
                    quotes.Where(q => q.Status == QuoteStatus.About).Select(q => q.Id).ToHashSet());
        });
        Assert.True(own.Count > 200, $"the sample has hundreds of Nietzsche's own quotes, found {own.Count}");
        Assert.NotEmpty(about);

        var listed = await AuthorQuoteIdsAsync("Friedrich_Nietzsche");
        Assert.Superset(own, listed.ToHashSet());
        Assert.Empty(listed.Intersect(about));

        // A quote about Nietzsche is by the author its attribution names.
        var freud = app.Query(db => db.Quotes.Where(q => q.Topic!.Slug == "Friedrich_Nietzsche" && q.Text.StartsWith("The degree of introspection achieved by Nietzsche")).Select(q => q.Id).ToList());
        Assert.NotEmpty(freud);
        Assert.Subset(about, freud.ToHashSet());
        Assert.Superset(freud.ToHashSet(), (await AuthorQuoteIdsAsync("Sigmund_Freud")).ToHashSet());
    }

    [Fact]
    public async Task ShortPersonPagesCountToo()
    {
        var ids = await AuthorQuoteIdsAsync("Cecilia_Eusepi");
        var own = app.Query(db => db.Quotes.Where(q => q.Topic!.Slug == "Cecilia_Eusepi" && q.Status != QuoteStatus.About).Select(q => q.Id).ToList());
        Assert.Equal(own.Order(), ids.Order());
        Assert.True(await IsPersonAsync("Bertolt_Brecht"));
        Assert.False(await IsPersonAsync("Love"));
    }

    [Fact]
    public async Task TheAuthorsPageListsEveryAuthorAToZWithCounts()
    {
        var page = await app.GetPageAsync("/authors");
        var entries = page.QuerySelectorAll(".author-list li");
        Assert.Equal(app.Query(db => db.Authors.Count()), entries.Length);
        var westad = entries.Single(li => li.QuerySelector("a")!.TextContent == "Odd Arne Westad");
        Assert.Equal("/authors/Odd_Arne_Westad", westad.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("1 quote", westad.QuerySelector(".count")!.TextContent.Trim());
        var nietzsche = entries.Single(li => li.QuerySelector("a")!.TextContent == "Friedrich Nietzsche");
        Assert.Equal($"{(await AuthorQuoteIdsAsync("Friedrich_Nietzsche")).Count} quotes", nietzsche.QuerySelector(".count")!.TextContent.Trim());
        var letters = page.QuerySelectorAll(".letter h2").Select(h => h.TextContent).ToList();
        Assert.Equal(letters.Order(StringComparer.Ordinal), letters.Where(l => l != "#"));

        using var client = app.Browser();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/authors"));
        Assert.Equal(entries.Length, json.RootElement.GetProperty("total").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("authors").EnumerateArray(),
            a => a.GetProperty("slug").GetString() == "Odd_Arne_Westad" && a.GetProperty("quoteCount").GetInt32() == 1);
    }

    [Fact]
    public async Task AttributionLinesLinkToTheAuthorPage()
    {
        var page = await app.GetPageAsync("/wiki/China–Russia_relations");
        var link = page.QuerySelector(".attribution a.author");
        Assert.NotNull(link);
        Assert.Equal("Odd Arne Westad", link.TextContent);
        Assert.Equal("/authors/Odd_Arne_Westad", link.GetAttribute("href"));
        Assert.Contains("Odd Arne Westad, The Cold War: A World History (2017)", link.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    // A person with a page of their own links to it beside the count; the line is text, never template code.
    [Fact]
    public async Task AnAuthorsTotalsLinkToTheirPageAndToARandomQuote()
    {
        var page = await app.GetPageAsync("/authors/Friedrich_Nietzsche");
        var totals = page.QuerySelector(".totals")!;
        Assert.Matches(@"^[\d,]+ quotes in this archive · their page · a random one$", Regex.Replace(totals.TextContent, @"\s+", " ").Trim());
        Assert.Equal(["/wiki/Friedrich_Nietzsche", "/random?author=Friedrich_Nietzsche"], totals.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    // An address past the last page (an old link, an edited number) says which page is the last, and links to it.
    // A number past the farthest page a list has at its size (Paging.MaxPage) is named as asked, not as the farthest.
    [Theory]
    [InlineData("/authors/Friedrich_Nietzsche?page=99", "Pages of quotes", 99)]
    [InlineData("/search?q=love&page=99", "Result pages", 99)]
    [InlineData("/search?q=love&page=5000", "Result pages", 5000)]
    [InlineData("/authors/Friedrich_Nietzsche?page=5000", "Pages of quotes", 5000)]
    [InlineData("/search?q=love&page=999999999999", "Result pages", 999999999999)]
    public async Task APagePastTheLastLinksToTheLast(string path, string label, long asked)
    {
        var page = await app.GetPageAsync(path);
        var pager = page.QuerySelector($"nav.pager[aria-label='{label}']")!;
        var last = pager.QuerySelector("a[rel=prev]")!;
        Assert.StartsWith($"There is no page {asked}: the last is", pager.TextContent.Trim());
        Assert.Matches(@"^page \d+$", last.TextContent);
        var lastPage = await app.GetPageAsync(last.GetAttribute("href")!);
        Assert.NotEmpty(lastPage.QuerySelectorAll("figure.quote"));
        Assert.Null(lastPage.QuerySelector("nav.pager a[rel=next]"));
        if (path.StartsWith("/search", StringComparison.Ordinal))
            Assert.Matches(@"^[\d,]+ quotes match “?love”?, none on this page\.$", Regex.Replace(page.QuerySelector(".totals")!.TextContent, @"\s+", " ").Trim());
    }

    // An author's address typed as a reader would: in small letters, with a space, with an accent decomposed.
    [Theory]
    [InlineData("/authors/friedrich_nietzsche", "/authors/Friedrich_Nietzsche")]
    [InlineData("/authors/Friedrich%20Nietzsche?page=2", "/authors/Friedrich_Nietzsche?page=2")]
    [InlineData("/api/authors/friedrich_nietzsche", "/api/authors/Friedrich_Nietzsche")]
    public async Task AnAuthorsAddressInAnotherSpellingRedirectsToItsOwn(string path, string expected)
    {
        using var response = await app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnUnknownAuthorsPageSaysSoAndLeadsToTheAuthors()
    {
        var page = await app.GetPageAsync("/authors/No_Such_Author", HttpStatusCode.NotFound);
        Assert.Contains("There is no author called “No Such Author”", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/authors");
    }

    [Fact]
    public async Task AnUnknownAuthorIsNotFound()
    {
        await app.GetPageAsync("/authors/No_Such_Author", HttpStatusCode.NotFound);
        using var client = app.Browser();
        using var response = await client.GetAsync("/api/authors/No_Such_Author");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<bool> IsPersonAsync(string slug)
    {
        using var client = app.Browser();
        using var response = await client.GetAsync("/api/authors/" + slug);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return false;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("topicSlug").GetString() == slug;
    }

    /// <summary>Every quote id the author API lists, following its Link header page by page.</summary>
    private async Task<List<string>> AuthorQuoteIdsAsync(string slug)
    {
        using var client = app.Browser();
        var ids = new List<string>();
        string? next = "/api/authors/" + slug;
        while (next is not null)
        {
            using var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            ids.AddRange(json.RootElement.GetProperty("topics").EnumerateArray()
                .SelectMany(t => t.GetProperty("quotes").EnumerateArray())
                .Select(q => q.GetProperty("id").GetString()!));
            var link = response.Headers.TryGetValues("Link", out var values) ? string.Join(",", values) : "";
            var rel = link.Split(',').FirstOrDefault(l => l.Contains("rel=\"next\"", StringComparison.Ordinal));
            next = rel is null ? null : rel[(rel.IndexOf('<') + 1)..rel.IndexOf('>')];
        }
        return ids;
    }
}
