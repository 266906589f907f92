using QuoteArchive.Importer;

namespace QuoteArchive.Importer.Tests.Markdown;

/// <summary>Topic fields that depend on where the file is, which the spec files (all in one folder) cannot show.</summary>
public sealed class MarkdownTopicFieldTests
{
    [Fact]
    public void LanguageFolderSetsLanguageAndHosts()
    {
        var (topic, diagnostics) = MarkdownImport.Parse("fr/Amour.md", "---\ntitle: Amour\nwikipedia: Amour\n---\nTexte.\n");

        Assert.Empty(diagnostics);
        Assert.Equal("fr", topic!.Language);
        Assert.Equal("https://fr.wikiquote.org/wiki/Amour", topic.SourceUrl);
        Assert.Equal("https://fr.wikipedia.org/wiki/Amour", topic.SisterLinks.Single().Url);
        Assert.Equal("fr/Amour.md", topic.SourcePath);
    }

    [Fact]
    public void FrontMatterLanguageOverridesTheFolder()
    {
        var (topic, _) = MarkdownImport.Parse("fr/Love.md", "---\ntitle: Love\nlanguage: en\nwikipedia: Love\n---\n");

        Assert.Equal("en", topic!.Language);
        Assert.Equal("https://en.wikiquote.org/wiki/Love", topic.SourceUrl);
        Assert.Equal("https://en.wikipedia.org/wiki/Love", topic.SisterLinks.Single().Url);
    }

    [Fact]
    public void DiagnosticsPrintFileLineAndColumnOfTheMarkdownNode()
    {
        var (_, diagnostics) = MarkdownImport.Parse("topics/x.md", "# X\n\n## Quotes\n\n- A quote with [a link](javascript:alert(1)).\n");

        Assert.Equal(
            "topics/x.md:5:16: warning: link to 'javascript:alert(1)' dropped: only http, https and mailto links are kept; its text is kept",
            Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void TopicFromAMarkdownFileHasTheSameIdsAsFromTheSameText()
    {
        var (first, _) = MarkdownImport.Parse("a.md", "# T\n\n- *Emphasis* is markup, not text.\n");
        var (second, _) = MarkdownImport.Parse("b/a.md", "---\ntitle: T\n---\n## Moved\n\n- Emphasis is markup, not text.\n");

        Assert.Equal(first!.Sections.Single().Quotes.Single().Id, second!.Sections.Single().Quotes.Single().Id);
    }
}
