using System.Text.Json;

namespace QuoteArchive.Web.Tests;

/// <summary>A hand-written Markdown topic: levels, links and inline markup reach the page and the JSON.</summary>
[Collection(nameof(ArchiveApp))]
public sealed class MarkdownTopicTests(ArchiveApp app)
{
    private const string Path = "/wiki/Friedrich_Nietzsche_(selection)";

    [Fact]
    public async Task SubSectionsNestInTheTableOfContents()
    {
        var page = await app.GetPageAsync(Path);

        var human = page.QuerySelectorAll(".toc li").Single(li => li.QuerySelector("a")!.TextContent == "Human, All Too Human (1878)");
        var nested = human.QuerySelectorAll("li a").Select(a => a.TextContent).ToList();
        Assert.Contains("Helen Zimmern translation", nested);
        var quotes = page.QuerySelectorAll(".toc > ol > li").Single(li => li.QuerySelector("a")!.TextContent == "Quotes");
        Assert.Contains(quotes.QuerySelectorAll("li a"), a => a.TextContent == "Human, All Too Human (1878)");
    }

    [Fact]
    public async Task HeadingsKeepTheirLevels()
    {
        var page = await app.GetPageAsync(Path);

        Assert.Equal("H2", page.GetElementById("Quotes")!.TagName);
        Assert.Equal("H3", page.GetElementById("Human,_All_Too_Human_(1878)")!.TagName);
        Assert.Equal("H4", page.GetElementById("Helen_Zimmern_translation")!.TagName);
    }

    [Fact]
    public async Task InlineMarkdownRendersAsMarkupAndLinksKeepTheirAddress()
    {
        var page = await app.GetPageAsync(Path);

        var leadLink = page.QuerySelector(".lead a[href='https://en.wikiquote.org/wiki/Friedrich_Nietzsche']");
        Assert.NotNull(leadLink);
        Assert.Equal("Friedrich Nietzsche", leadLink.TextContent);
        Assert.Contains(page.QuerySelectorAll(".attribution em"), em => em.TextContent == "The Portable Nietzsche");
        Assert.Contains(page.QuerySelectorAll("a[href='https://en.wikiquote.org/wiki/Friedrich_Nietzsche']"),
            a => a.TextContent == "Friedrich Nietzsche on Wikiquote");
        Assert.Empty(page.QuerySelectorAll("main script, main [onerror], main [onclick]"));
    }

    [Fact]
    public async Task JsonCarriesHtmlLevelsAndLinkUrls()
    {
        using var client = app.Browser();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/topics/Friedrich_Nietzsche_(selection)"));
        var sections = json.RootElement.GetProperty("sections").EnumerateArray().ToList();

        var zimmern = sections.Single(s => s.GetProperty("heading").GetString() == "Helen Zimmern translation");
        Assert.Equal(3, zimmern.GetProperty("level").GetInt32());
        var quotes = sections.Single(s => s.GetProperty("heading").GetString() == "Quotes");
        Assert.Equal(1, quotes.GetProperty("level").GetInt32());
        Assert.Equal("https://en.wikiquote.org/wiki/Friedrich_Nietzsche", quotes.GetProperty("links")[0].GetProperty("url").GetString());

        var facts = quotes.GetProperty("quotes").EnumerateArray().Single(q => q.GetProperty("text").GetString() == "There are no facts, only interpretations.");
        // A text without markup has no html of its own (as page text never has): the text is all a client renders.
        Assert.Equal(JsonValueKind.Null, facts.GetProperty("html").ValueKind);
        var kaufmann = facts.GetProperty("attribution").EnumerateArray().Single(a => a.GetProperty("depth").GetInt32() == 2);
        Assert.Contains("<em>The Portable Nietzsche</em>", kaufmann.GetProperty("html").GetString());
        Assert.DoesNotContain("*", kaufmann.GetProperty("text").GetString());
    }
}
