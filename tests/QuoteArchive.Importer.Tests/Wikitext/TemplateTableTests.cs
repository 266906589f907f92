using QuoteArchive.Importer.Wikitext;

namespace QuoteArchive.Importer.Tests.Wikitext;

public sealed class TemplateTableTests
{
    /// <summary>Issue 9's templates "at least", each with a documented rendering, in the language of the wiki that uses it.</summary>
    [Theory]
    [InlineData("en", "cite book"), InlineData("en", "cite web"), InlineData("en", "cite news"), InlineData("en", "cite journal"),
     InlineData("en", "citation"), InlineData("en", "Quote"), InlineData("en", "Wikipedia"), InlineData("en", "Wikisource"),
     InlineData("en", "Commons"), InlineData("en", "Commonscat"), InlineData("en", "Wiktionary"), InlineData("en", "w"), InlineData("en", "lang"),
     InlineData("en", "Disputed begin"), InlineData("en", "Disputed end"), InlineData("en", "Misattributed begin"), InlineData("en", "Misattributed end"),
     InlineData("en", "italic title"), InlineData("en", "DEFAULTSORT"),
     InlineData("fr", "citation"), InlineData("fr", "Réf Livre"), InlineData("fr", "Réf Article"), InlineData("fr", "Réf Chanson"),
     InlineData("fr", "Réf Film"), InlineData("fr", "Personnage"), InlineData("fr", "Autres projets")]
    public void TheTemplatesWikiquoteUsesMostAreInTheTable(string language, string name)
    {
        var rule = TemplateTable.Find(name, language);

        Assert.NotNull(rule);
        Assert.False(string.IsNullOrWhiteSpace(rule.Renders));
    }

    [Fact]
    public void CitationIsASourceInEnglishAndAQuoteInFrench()
    {
        Assert.Equal(TemplateRole.Inline, TemplateTable.Find("citation", "en")!.Role);
        Assert.Equal(TemplateRole.Quote, TemplateTable.Find("Citation", "fr")!.Role);
    }
}
