namespace QuoteArchive.Web.Tests;

/// <summary>A topic in another language than the pages' own says so where it is listed and on its page.</summary>
[Collection(nameof(ArchiveApp))]
public sealed class TopicLanguageTests(ArchiveApp app)
{
    [Fact]
    public async Task TheTopicsListNamesTheLanguageOfATopicNotInEnglish()
    {
        var page = await app.GetPageAsync("/");
        var entries = page.QuerySelectorAll("li.topic-entry").ToDictionary(li => li.QuerySelector("a")!.TextContent.Trim());

        Assert.Equal("French", entries["Intelligence"].QuerySelector(".language")?.TextContent);
        Assert.Equal("fr", entries["Intelligence"].GetAttribute("lang"));
        Assert.Null(entries["Love"].QuerySelector(".language"));
    }

    [Fact]
    public async Task ATopicPageNotInEnglishNamesItsLanguage()
    {
        var french = await app.GetPageAsync("/wiki/Le_Pacha");
        var english = await app.GetPageAsync("/wiki/Love");

        Assert.Equal("French", french.QuerySelector(".meta .language")?.TextContent);
        Assert.Null(english.QuerySelector(".meta .language"));
    }

    [Fact]
    public async Task ALettersPageIsHeadedByItsLetter()
    {
        var page = await app.GetPageAsync("/?letter=L");
        Assert.Equal("Topics: L", page.QuerySelector("h1")?.TextContent);
    }
}
