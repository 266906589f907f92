using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Importer;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Tests;

[Collection(nameof(ArchiveApp))]
public sealed class PageTests(ArchiveApp app)
{
    [Theory]
    [InlineData("/Index", "/")]
    [InlineData("/index?letter=C", "/?letter=C")]
    public async Task TheHomePageHasOneAddress(string path, string expected)
    {
        using var response = await app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public void TestContentImportsWithoutErrors()
    {
        Assert.True(app.Import.Errors == 0, string.Join('\n', app.ImportDiagnostics));
        Assert.Equal(11, app.Import.Topics);
    }

    [Fact]
    public async Task HomePageListsEveryTopicWithItsQuoteCount()
    {
        var topics = app.Query(db => db.Topics.Select(t => new { t.Slug, t.Title, Quotes = db.Quotes.Count(q => q.TopicId == t.Id) }).ToList());
        var page = await app.GetPageAsync("/");

        var entries = page.QuerySelectorAll(".topic-entry");
        Assert.Equal(topics.Count, entries.Length);
        foreach (var topic in topics)
        {
            var entry = entries.SingleOrDefault(e => e.QuerySelector("a")?.GetAttribute("href") == "/wiki/" + Slugs.ToUrlPath(topic.Slug));
            Assert.True(entry is not null, $"no entry links to {topic.Slug}");
            Assert.Equal(topic.Title, entry.QuerySelector("a")!.TextContent);
            Assert.StartsWith(topic.Quotes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " quote", entry.QuerySelector(".count")!.TextContent);
        }
        Assert.Contains(topics.Sum(t => t.Quotes).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " quotes", page.QuerySelector(".totals")!.TextContent);
    }

    [Fact]
    public async Task HomePageListsTopicsFromAToZ()
    {
        var page = await app.GetPageAsync("/");
        var titles = page.QuerySelectorAll(".topic-entry > a").Select(a => a.TextContent).ToList();
        Assert.Equal(titles.Order(StringComparer.InvariantCultureIgnoreCase), titles);
    }

    [Fact]
    public async Task EveryTopicPageShowsEveryQuoteWithItsAttributionAndPermalink()
    {
        var topics = app.Query(db => db.Topics.Select(t => t.Slug).ToList());
        foreach (var slug in topics)
        {
            var quotes = app.Query(db => db.Quotes.Where(q => q.Topic!.Slug == slug)
                .Include(q => q.Attribution).Include(q => q.DialogueLines).ToList());
            var page = await app.GetPageAsync("/wiki/" + Slugs.ToUrlPath(slug));

            Assert.Equal(quotes.Count, page.QuerySelectorAll("figure.quote").Length);
            foreach (var quote in quotes)
            {
                var figure = page.GetElementById("q-" + quote.Id);
                Assert.True(figure is not null, $"{slug}: quote {quote.Id} is missing");
                Assert.Equal("FIGURE", figure.TagName);
                Assert.Equal(Html.Squash(quote.Text), Html.Squash(figure.QuerySelector("blockquote")!.TextContent));
                var permalink = figure.QuerySelector("figcaption .permalink a");
                Assert.Equal("/q/" + quote.Id, permalink?.GetAttribute("href"));

                var expected = quote.Attribution.OrderBy(a => a.Position).ToList();
                var shown = Html.AttributionLines(figure);
                Assert.Equal(expected.Select(a => Html.Squash(a.Text)), shown.Select(l => Html.Squash(l.Text)));
                Assert.All(expected.Zip(shown), pair => Assert.Equal(pair.First.Depth > 1, pair.Second.Depth > 1));
            }
        }
    }

    [Fact]
    public async Task TopicPageShowsTitleDescriptionLeadAndFeaturedQuote()
    {
        var page = await app.GetPageAsync("/wiki/China%E2%80%93Russia_relations");

        Assert.Equal("China–Russia relations", page.QuerySelector("article.topic h1")?.TextContent);
        Assert.Equal("bilateral relations between China and Russia", page.QuerySelector(".topic-header .description")?.TextContent);
        Assert.StartsWith("China–Russia relations, also known as Sino-Russian relations", page.QuerySelector(".lead p")?.TextContent);
        var featured = page.QuerySelector(".featured figure.quote");
        Assert.NotNull(featured);
        Assert.StartsWith("The sides believe that peace", featured.QuerySelector("blockquote")!.TextContent.Trim());
        Assert.Contains("Joint Statement of the Russian Federation", featured.QuerySelector("figcaption")!.TextContent);
    }

    [Fact]
    public async Task TableOfContentsLinksToEverySectionHeading()
    {
        var page = await app.GetPageAsync("/wiki/Friedrich_Nietzsche");
        var headings = app.Query(db => db.Sections.Where(s => s.Topic!.Slug == "Friedrich_Nietzsche" && s.Heading != null).Count());

        var links = page.QuerySelectorAll("nav.toc a").ToList();
        Assert.Equal(headings, links.Count);
        foreach (var link in links)
        {
            var anchor = Uri.UnescapeDataString(link.GetAttribute("href")![1..]);
            var target = page.GetElementById(anchor);
            Assert.True(target is not null, $"no element has the id {anchor}");
            Assert.Matches("^H[2-6]$", target.TagName);
            Assert.Equal(link.TextContent, target.TextContent);
        }
    }

    [Fact]
    public async Task DisputedAndMisattributedQuotesCarryAStatusBadge()
    {
        var statuses = app.Query(db => db.Quotes.Where(q => q.Topic!.Slug == "Friedrich_Nietzsche")
            .Select(q => new { q.Id, q.Status }).ToList());
        Assert.Contains(statuses, q => q.Status == QuoteStatus.Disputed);
        Assert.Contains(statuses, q => q.Status == QuoteStatus.Misattributed);
        var page = await app.GetPageAsync("/wiki/Friedrich_Nietzsche");

        foreach (var quote in statuses)
        {
            var badge = page.GetElementById("q-" + quote.Id)!.QuerySelector(".status");
            if (quote.Status is QuoteStatus.Sourced or QuoteStatus.About)
                Assert.Null(badge);
            else
                Assert.Equal(quote.Status.ToString(), badge?.TextContent);
        }
    }

    [Fact]
    public async Task DialogueShowsItsSpeakers()
    {
        var page = await app.GetPageAsync("/wiki/The_Half_of_It");
        var speakers = page.QuerySelectorAll("figure.dialogue .speaker").Select(s => s.TextContent).Distinct().ToList();
        Assert.Contains("Ellie Chu:", speakers);
        Assert.Contains("Paul Munsky:", speakers);
    }

    [Fact]
    public async Task ListSectionsAreShownAsPlainListsNotQuotes()
    {
        var page = await app.GetPageAsync("/wiki/The_Half_of_It");
        var cast = page.QuerySelectorAll("section.list-section").Single(s => s.QuerySelector("h2")?.TextContent == "Cast");
        Assert.Empty(cast.QuerySelectorAll("figure"));
        Assert.Contains("Leah Lewis as Ellie Chu", cast.QuerySelectorAll("ul.items li").Select(li => li.TextContent));
    }

    [Fact]
    public async Task TopicPageNamesItsSourceAndLicence()
    {
        var page = await app.GetPageAsync("/wiki/Love");
        var notice = page.QuerySelector(".source-notice");
        Assert.NotNull(notice);
        var links = notice.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("https://en.wikiquote.org/wiki/Love", links);
        Assert.Contains("https://en.wikiquote.org/w/index.php?title=Love&action=history", links);
        Assert.Contains("CC BY-SA", notice.TextContent);
    }

    [Fact]
    public async Task ASectionsParagraphsStandAmongItsQuotesWhereThePageHasThem()
    {
        // Love's paragraphs between quotes: quotes written without a bullet, a source line that lost its bullet.
        var sections = app.Query(db => db.Sections.Where(s => s.Topic!.Slug == "Love" && s.Heading != null).Select(s => new
        {
            s.Anchor,
            Parts = s.Notes.Select(p => new { p.Line, Key = "note:" + p.Text }).ToList(),
            Quotes = s.Quotes.Where(q => !q.IsFeatured).Select(q => new { q.Line, Key = "quote:" + q.Id }).ToList(),
        }).ToList());
        var page = await app.GetPageAsync("/wiki/Love");

        var between = 0;
        foreach (var section in sections.Where(s => s.Parts.Count > 0))
        {
            var expected = section.Parts.Concat(section.Quotes).OrderBy(p => p.Line).Select(p => p.Key).ToList();
            var element = page.GetElementById(section.Anchor)!.ParentElement!;
            var shown = element.Children.Where(c => c.ClassList.Contains("note") || c.LocalName == "figure")
                .Select(c => c.LocalName == "figure" ? "quote:" + c.Id![2..] : "note:" + c.TextContent.Trim()).ToList();
            Assert.Equal(expected.Select(Html.Squash), shown.Select(Html.Squash));
            between += expected.Where((key, i) => key.StartsWith("note:") && i > 0 && expected[i - 1].StartsWith("quote:")).Count();
        }
        Assert.True(between >= 10, $"{between} paragraphs stand after a quote of their section");
        // "Vincent van Gogh, Letter to Theo van Gogh from Nuenen, (c. 9 March 1884)": a source line that lost its bullet is
        // a paragraph under the quote, not a heading that would take the section's later quotes.
        Assert.DoesNotContain(sections, s => s.Anchor.Contains("Nuenen"));
        Assert.Contains(sections.Single(s => s.Anchor == "V").Parts, p => p.Key.Contains("from Nuenen"));
    }

    [Fact]
    public async Task TopicPageLinksItsSisterProjects()
    {
        var sisters = app.Query(db => db.SisterLinks.Where(l => l.TopicId == db.Topics.Single(t => t.Slug == "Warmness").Id).ToList());
        Assert.NotEmpty(sisters);
        var page = await app.GetPageAsync("/wiki/Warmness");
        var shown = page.QuerySelectorAll(".sister-links li").Select(li => li.TextContent).ToList();
        Assert.All(sisters, link => Assert.Contains(shown, s => s.Contains(link.Project) && s.Contains(link.Article)));
    }

    [Fact]
    public async Task FrenchTopicIsMarkedFrenchAndQuotesFindTheirOwnDirection()
    {
        var french = await app.GetPageAsync("/wiki/Intelligence");
        var article = french.QuerySelector("article.topic")!;
        Assert.Equal("fr", article.GetAttribute("lang"));
        Assert.Equal("ltr", article.GetAttribute("dir"));
        Assert.All(french.QuerySelectorAll("blockquote"), quote => Assert.Equal("auto", quote.GetAttribute("dir")));

        var english = await app.GetPageAsync("/wiki/Love");
        Assert.Equal("en", english.QuerySelector("article.topic")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task QuotePermalinkShowsTheQuoteWithAttributionAndLinksBack()
    {
        var quote = app.Query(db => db.Quotes.Include(q => q.Attribution).Include(q => q.Topic)
            .Single(q => q.Text.StartsWith("At first, in the 1950s")));
        var page = await app.GetPageAsync("/q/" + quote.Id);

        var figure = page.GetElementById("q-" + quote.Id)!;
        Assert.Equal(Html.Squash(quote.Text), Html.Squash(figure.QuerySelector("blockquote")!.TextContent));
        Assert.Equal("Odd Arne Westad, The Cold War: A World History (2017)", Html.AttributionLines(figure).Single().Text);
        var back = "/wiki/China%E2%80%93Russia_relations#q-" + quote.Id;
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == back);
        Assert.Contains(page.QuerySelectorAll(".context a"), a => a.TextContent == "Quotes about");
        var notice = page.QuerySelector(".source-notice")!;
        Assert.Contains(notice.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://en.wikiquote.org/wiki/China%E2%80%93Russia_relations");
        Assert.Contains(notice.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://en.wikiquote.org/w/index.php?title=China%E2%80%93Russia_relations&action=history");
    }

    [Fact]
    public async Task QuotePermalinkInUpperCaseRedirectsToTheIdAsWritten()
    {
        var id = app.Query(db => db.Quotes.Select(q => q.Id).First());
        using var response = await app.Browser().GetAsync("/q/" + id.ToUpperInvariant());
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/q/" + id, response.Headers.Location?.OriginalString);
    }

    // Page text has no categories: no page links an empty list of them.
    [Fact]
    public async Task TheFooterLeavesOutCategoriesWhereThereAreNone()
    {
        var page = await app.GetPageAsync("/wiki/Love");

        Assert.Equal(["/", "/authors", "/random", "/api/topics"], page.QuerySelectorAll(".site-footer a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task AnUnknownPermalinkInUpperCaseIsMissingAtOnceNotRedirectedToAMiss()
    {
        using var response = await app.Browser().GetAsync("/q/ZZZZZZZZ");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("/wiki/China%E2%80%93Russia%20relations")]
    [InlineData("/wiki/China–Russia relations")]
    [InlineData("/wiki/China%E2%80%93Russia__relations")]
    [InlineData("/wiki/_China%E2%80%93Russia_relations_")]
    public async Task NonCanonicalSlugRedirectsPermanentlyToTheTopic(string path)
    {
        using var response = await app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/wiki/China%E2%80%93Russia_relations", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/wiki/China%E2%80%93Russia_relations")]
    [InlineData("/wiki/China–Russia_relations")]
    [InlineData("/wiki/Le_Pacha")]
    [InlineData("/wiki/Le%5FPacha")]
    public async Task CanonicalSlugInAnyEncodingServesTheTopic(string path)
    {
        using var response = await app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownTopicGetsANotFoundPageThatHelps()
    {
        var page = await app.GetPageAsync("/wiki/Nietzsche", HttpStatusCode.NotFound);
        Assert.Equal("Not found", page.QuerySelector("h1")?.TextContent);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/wiki/Friedrich_Nietzsche");
    }

    [Fact]
    public async Task UnknownQuoteGetsTheNotFoundPage()
    {
        var page = await app.GetPageAsync("/q/aaaaaaaa", HttpStatusCode.NotFound);
        Assert.Contains("No quote of this archive is at this address", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/search");
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
    }

    [Fact]
    public async Task UnknownCategoryInAnArchiveWithoutAnyGetsANotFoundPageThatSaysSo()
    {
        var page = await app.GetPageAsync("/categories/No_such_category", HttpStatusCode.NotFound);
        Assert.Contains("There is no category called “No such category”", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("sources that name none", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/categories");
    }

    // Not "%00": Kestrel refuses a NUL in a path with 400 before the app sees it (the test server throws).
    public static TheoryData<string> OddAddresses() =>
    [
        "/wiki/%",
        "/wiki/%%",
        "/wiki/..%2f..",
        "/wiki/..%2F..%2F..%2Fetc%2Fpasswd",
        "/wiki/",
        "/wiki/_",
        "/wiki/%20",
        "/wiki/%ED%A0%80",
        "/wiki/%F0%9F%98",
        "/wiki/%FF%FE",
        "/wiki/%C0%AF",
        "/wiki/%E2%80%AE%E2%80%8B",
        "/wiki/%25ED%25A0%2580",
        "/wiki/" + new string('x', 3000),
        "/wiki/" + string.Concat(Enumerable.Repeat("%E2%80%93", 400)),
        "/wiki/Love/extra",
        "/q/",
        "/q/%",
        "/q/..%2f..",
        "/q/" + new string('a', 3000),
        "/q/%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80",
        "/q/AAAAAAA%C3%80",
        "/nothing-here",
    ];

    [Theory]
    [MemberData(nameof(OddAddresses))]
    public async Task OddAddressIsNotFoundRatherThanAnError(string path)
    {
        using var response = await app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PagesUseNoInlineScriptOrStyle()
    {
        var quote = app.Query(db => db.Quotes.Select(q => q.Id).First());
        foreach (var path in new[] { "/", "/wiki/Love", "/q/" + quote, "/wiki/No_such_topic" })
        {
            var page = await app.GetPageAsync(path, path.Contains("No_such") ? HttpStatusCode.NotFound : HttpStatusCode.OK);
            // JSON-LD is a data block, never run: the Content-Security-Policy has nothing to allow for it.
            Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json']), style, [style]"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }

    [Theory]
    [InlineData("/?letter=L", "Topics: L · QuoteArchive")]
    [InlineData("/?letter=L&page=2", "Topics: L, page 2 · QuoteArchive")]
    [InlineData("/authors?letter=F&page=3", "Authors: F, page 3 · QuoteArchive")]
    public async Task EachPageOfAListHasATitleOfItsOwn(string path, string title)
    {
        var page = await app.GetPageAsync(path);
        Assert.Equal(title, page.Title);
    }

    [Theory]
    [InlineData("/wiki/Love")]
    [InlineData("/wiki/Warmness")]
    public async Task EveryTopicPageHasADescription(string path)
    {
        var page = await app.GetPageAsync(path);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")?.GetAttribute("content")));
    }
}
