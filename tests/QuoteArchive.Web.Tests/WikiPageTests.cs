using System.Net;
using System.Xml.Linq;

namespace QuoteArchive.Web.Tests;

/// <summary>What wiki sources add to the pages and the API: categories, other languages, revisions, notes, cast.</summary>
[Collection(nameof(WikiArchiveApp))]
public sealed class WikiPageTests(WikiArchiveApp app)
{
    [Fact]
    public void WikiContentImportsWithoutErrors()
    {
        Assert.True(app.Import.Errors == 0, string.Join('\n', app.ImportDiagnostics));
        Assert.Equal(5, app.Import.Topics);
    }

    [Fact]
    public async Task TopicPageListsItsCategoriesAndEachCategoryListsItsTopics()
    {
        var page = await app.GetPageAsync("/wiki/Le_Pacha");
        var categories = page.QuerySelectorAll("nav.categories a").ToList();
        Assert.Contains(categories, a => a.TextContent == "Film policier" && a.GetAttribute("href") == "/categories/Film_policier");

        var category = await app.GetPageAsync("/categories/Film_policier");
        Assert.Equal("Film policier", category.QuerySelector("h1")?.TextContent);
        Assert.Equal(["Le Pacha"], category.QuerySelectorAll(".topic-entry > a").Select(a => a.TextContent));
        var index = await app.GetPageAsync("/categories");
        Assert.Contains(index.QuerySelectorAll(".category-list a"), a => a.TextContent == "Synthetic test pages");
        var missing = await app.GetPageAsync("/categories/No_such_category", HttpStatusCode.NotFound);
        Assert.Contains("There is no category called “No such category”", missing.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(missing.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/categories");
    }

    // Only an archive with categories links its list of them on every page.
    [Fact]
    public async Task TheFooterLinksTheCategoriesWhereThereAreSome()
    {
        var page = await app.GetPageAsync("/");

        Assert.Contains(page.QuerySelectorAll(".site-footer a"), a => a.GetAttribute("href") == "/categories");
    }

    [Theory]
    [InlineData("/categories/Film%20policier", "/categories/Film_policier")]
    [InlineData("/categories/film_policier", "/categories/Film_policier")]
    [InlineData("/categories/film%20policier?page=1", "/categories/Film_policier?page=1")]
    [InlineData("/categories/film%20policier?page=1&utm_source=x", "/categories/Film_policier?page=1")]
    public async Task ACategoryHasOneAddressAndOtherSpellingsAreSentToIt(string path, string canonical)
    {
        using var response = await app.Browser().GetAsync(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheApiAnswersACategoryUnderAnySpellingOfIt()
    {
        var category = await app.GetJsonAsync("/api/categories/film_policier");

        Assert.Equal("Film_policier", category.GetProperty("slug").GetString());
    }

    // The shipped content has no categories: their answers are checked against the API's description here.
    [Theory]
    [InlineData("/api/categories/Film_policier", "CategoryView")]
    [InlineData("/api/categories", "CategorySummary")]
    public async Task ACategorysAnswerHasTheFieldsTheApiDescribes(string path, string schema)
    {
        var described = (await app.GetJsonAsync("/api/openapi/v1.json")).GetProperty("components").GetProperty("schemas")
            .GetProperty(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name);
        var answer = await app.GetJsonAsync(path);
        var sent = answer.ValueKind == System.Text.Json.JsonValueKind.Array ? answer[0] : answer;

        Assert.Equal(described.Order(StringComparer.Ordinal), sent.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OtherLanguagesLinkToTheArchivesTopicOrElseToThatLanguagesWikiquote()
    {
        var page = await app.GetPageAsync("/wiki/Synthetic_references");
        var links = page.QuerySelectorAll("nav.other-languages a").ToDictionary(a => a.GetAttribute("hreflang")!, a => a.GetAttribute("href"));
        Assert.Equal("/wiki/Le_Pacha", links["fr"]);
        Assert.Equal("https://de.wikiquote.org/wiki/Erfundene_Seite", links["de"]);
    }

    [Fact]
    public async Task ARevisionGetsItsExactLinkItsDateAndTheLicenceOfThatDay()
    {
        var page = await app.GetPageAsync("/wiki/Le_Pacha");
        var revision = page.QuerySelector(".source-notice a.revision")!;
        Assert.Equal("https://fr.wikiquote.org/w/index.php?title=Le_Pacha&oldid=188714", revision.GetAttribute("href"));
        Assert.Equal("2013-12-12", page.QuerySelector(".source-notice time")?.GetAttribute("datetime"));
        Assert.Equal("CC BY-SA 3.0", page.QuerySelector(".source-notice a[rel~=license]")?.TextContent);

        var topic = await app.GetJsonAsync("/api/topics/Le_Pacha");
        var json = topic.GetProperty("revision");
        Assert.Equal(188714, json.GetProperty("id").GetInt64());
        Assert.Equal("https://fr.wikiquote.org/w/index.php?title=Le_Pacha&oldid=188714", json.GetProperty("url").GetString());
        Assert.Equal("CC BY-SA 3.0", json.GetProperty("license").GetString());
        Assert.Equal("film", topic.GetProperty("kind").GetString());
    }

    // A crawler fetches again only what may have changed: every page may, when the archive is built again.
    [Fact]
    public async Task TheSitemapsDateEveryPageByTheArchivesBuild()
    {
        XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var built = app.Query(db => db.Builds.Single().BuiltAt);
        var dates = new List<string?>();
        foreach (var file in new[] { "/sitemap.xml", "/sitemaps/topics-1.xml", "/sitemaps/quotes-1.xml" })
        {
            var xml = XDocument.Parse(await app.Browser().GetStringAsync(file));
            var entries = xml.Root!.Elements().ToList();
            Assert.NotEmpty(entries);
            dates.AddRange(entries.Select(e => e.Element(sitemap + "lastmod")?.Value));
        }

        Assert.All(dates, date =>
        {
            Assert.NotNull(date);
            Assert.EndsWith("Z", date, StringComparison.Ordinal);
            Assert.InRange(DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture) - built, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1));
        });
    }

    [Fact]
    public async Task AReferenceIsANoteOfItsQuoteNotPartOfItsText()
    {
        var topic = await app.GetJsonAsync("/api/topics/Synthetic_references");
        var quote = topic.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("quotes").EnumerateArray())
            .Single(q => q.GetProperty("text").GetString()!.StartsWith("A made-up line with a reference", StringComparison.Ordinal));
        Assert.Equal("A made-up line with a reference.", quote.GetProperty("text").GetString());
        Assert.Equal(["The reference of the made-up line."], quote.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("text").GetString()));

        var page = await app.GetPageAsync("/q/" + quote.GetProperty("id").GetString());
        Assert.Equal("The reference of the made-up line.", page.QuerySelector("figure.quote .notes li")?.TextContent);
    }

    [Fact]
    public async Task WikiLinksGoToTheArchivesTopicOrElseToTheWiki()
    {
        var page = await app.GetPageAsync("/wiki/Synthetic_references");
        var hrefs = page.QuerySelectorAll("figure.quote blockquote a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/wiki/Le_Pacha", hrefs);
        Assert.Contains("https://en.wikiquote.org/wiki/Nowhere_at_all", hrefs);
    }

    [Fact]
    public async Task ADialogueSpeakerSaysWhoPlaysItFromTheCastList()
    {
        var page = await app.GetPageAsync("/wiki/The_Half_of_It");
        Assert.Contains(page.QuerySelectorAll("figure.dialogue .cast"), p => p.TextContent.Contains("Ellie Chu, played by Leah Lewis", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARedirectsTitleLeadsToItsTopicForReadersTheApiAndSuggestions()
    {
        Assert.Equal(3, app.Import.Redirects);
        await RedirectChecks.LeadsToItsTopicAsync(app, "Pacha", "Pacha", "/wiki/Le_Pacha");
        // Another title that names a section leads to it, as its address does.
        var section = await app.GetJsonAsync("/api/suggest?q=Synthetic%20section");
        Assert.Contains(section.EnumerateArray(), s => s.GetProperty("name").GetString() == "Synthetic section alias" && s.GetProperty("url").GetString() == "/wiki/The_Half_of_It#Cast");
    }

    [Fact]
    public async Task TheHomePageTellsATopicWithoutQuotesFromTheOthers()
    {
        var home = await app.GetPageAsync("/");
        var index = home.QuerySelectorAll(".topic-entry").Single(e => e.QuerySelector("a")!.TextContent == "Synthetic index");
        Assert.Equal("links only", index.QuerySelector(".count.no-quotes")?.TextContent);
        var pacha = home.QuerySelectorAll(".topic-entry").Single(e => e.QuerySelector("a")!.TextContent == "Le Pacha");
        Assert.Null(pacha.QuerySelector(".no-quotes"));
    }

    [Fact]
    public async Task SearchCanBeNarrowedToOneKindOfPage()
    {
        var films = await app.GetJsonAsync("/api/search?q=Ellie&kind=film");
        Assert.NotEqual(0, films.GetProperty("total").GetInt32());
        var people = await app.GetJsonAsync("/api/search?q=Ellie&kind=person");
        Assert.Equal(0, people.GetProperty("total").GetInt32());
    }
}
