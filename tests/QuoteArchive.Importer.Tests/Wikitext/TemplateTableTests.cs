using QuoteArchive.Importer.Wikitext;

namespace QuoteArchive.Importer.Tests.Wikitext;

public sealed class TemplateTableTests
{
    /// <summary>The templates Wikiquote uses most, each with a documented rendering, in the language of the wiki that uses it.</summary>
    [Theory]
    [InlineData("en", "cite book"), InlineData("en", "cite web"), InlineData("en", "cite news"), InlineData("en", "cite journal"),
     InlineData("en", "citation"), InlineData("en", "Quote"), InlineData("en", "Wikipedia"), InlineData("en", "Wikisource"),
     InlineData("en", "Commons"), InlineData("en", "Commonscat"), InlineData("en", "Wiktionary"), InlineData("en", "w"), InlineData("en", "lang"),
     InlineData("en", "Disputed begin"), InlineData("en", "Disputed end"), InlineData("en", "Misattributed begin"), InlineData("en", "Misattributed end"),
     InlineData("en", "italic title"), InlineData("en", "DEFAULTSORT"), InlineData("en", "IMDb title"), InlineData("en", "IMDb name"),
     InlineData("en", "Rotten Tomatoes"), InlineData("en", "Gutenberg author"), InlineData("en", "Main"), InlineData("en", "See also"),
     InlineData("en", "Anchor"), InlineData("en", "Div col"), InlineData("en", "Div col end"), InlineData("en", "Col-begin"), InlineData("en", "Sic"), InlineData("en", "TV-stub"), InlineData("en", "Infobox film"),
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

    private const string TableStart = "<!-- The template table, written from TemplateTable by TemplateTableTests (UPDATE_SPECS=1 rewrites it). -->";
    private const string TableEnd = "<!-- End of the template table. -->";

    /// <summary>docs/content-formats.md shows the table the reader uses, entry for entry: the two cannot drift apart.</summary>
    [Fact]
    public void TheDocsShowEveryTemplateOfTheTableWithItsRendering()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", "content-formats.md");
        var text = File.ReadAllText(docs);
        var table = TableStart + "\n\n| template | wiki | role | rendering |\n| --- | --- | --- | --- |\n"
            + string.Concat(TemplateTable.Entries.Select(e =>
                $"| `{e.Name}` | {(e.Language == "*" ? "all" : e.Language)} | {e.Role.ToString().ToLowerInvariant()} | {e.Renders.Replace("|", "\\|", StringComparison.Ordinal)} |\n"))
            + "\n" + TableEnd;
        var start = text.IndexOf(TableStart, StringComparison.Ordinal);
        var end = text.IndexOf(TableEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/content-formats.md needs the markers {TableStart} … {TableEnd}");
        if (Environment.GetEnvironmentVariable("UPDATE_SPECS") == "1")
        {
            File.WriteAllText(docs, text[..start] + table + text[(end + TableEnd.Length)..]);
            return;
        }
        Assert.Equal(table, text[start..(end + TableEnd.Length)]);
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}
