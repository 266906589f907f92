namespace QuoteArchive.Importer.Tests.Wikitext;

/// <summary>"<c>*.wiki</c> files in the content folder … the title is the file name, the language comes from a language-code folder".</summary>
public sealed class WikitextContentTests
{
    [Fact]
    public void WikiFilesInTheContentFolderImportWithTheirTitleAndLanguage()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "content", "fr"));
        File.Copy(Path.Combine(WikitextSample.Folder, "The Half of It.wiki"), Path.Combine(folder.Path, "content", "The Half of It.wiki"));
        File.WriteAllText(Path.Combine(folder.Path, "content", "fr", "Amour.wiki"), "== Citations ==\n{{citation|Une citation.}}\n{{Réf Livre|titre=Un livre|auteur=Un Auteur}}\n");
        var reported = new List<Diagnostic>();

        var summary = new ArchiveBuilder(new ImportOptions()).Build(Path.Combine(folder.Path, "content"), Path.Combine(folder.Path, "archive.db"), reported.Add);

        Assert.Equal((2, 0, 6), (summary.Topics, summary.Errors, summary.Quotes));
    }

    [Fact]
    public void ContentParserReadsAWikiFileAsWikitext()
    {
        var (topic, diagnostics) = WikitextImport.Parse("fr/Amour.wiki", "== Citations ==\n{{citation|Une citation.}}\n{{Réf Livre|titre=Un livre|auteur=Un Auteur}}\n");

        Assert.Empty(diagnostics);
        Assert.Equal(("Amour", "fr", "https://fr.wikiquote.org/wiki/Amour"), (topic!.Title, topic.Language, topic.SourceUrl));
        var quote = Assert.Single(topic.Quotes);
        Assert.Equal(("Une citation.", "Un livre, Un Auteur"), (quote.Text, quote.Attribution.Single().Text));
    }

    [Fact]
    public void UnderscoresInAWikiFileNameAreSpacesOfItsTitle()
    {
        var (topic, _) = WikitextImport.Parse("Mark_Twain.wiki", "== Quotes ==\n* A line.\n");

        Assert.Equal(("Mark Twain", "https://en.wikiquote.org/wiki/Mark_Twain"), (topic!.Title, topic.SourceUrl));
    }

    [Fact]
    public void ARedirectFileThatNamesNoPageIsReportedNotImported()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "content"));
        File.WriteAllText(Path.Combine(folder.Path, "content", "Broken way.wiki"), "#REDIRECT [[]]\n");
        File.WriteAllText(Path.Combine(folder.Path, "content", "A page.wiki"), "== Quotes ==\n* A line.\n");
        var reported = new List<Diagnostic>();

        var summary = new ArchiveBuilder(new ImportOptions()).Build(Path.Combine(folder.Path, "content"), Path.Combine(folder.Path, "archive.db"), reported.Add);

        Assert.Equal((1, 1, 0), (summary.Topics, summary.Quotes, summary.Redirects));
        Assert.Equal("Broken way.wiki:1:1: warning: a redirect that names no page it can read ('#REDIRECT' without a [[link]]): not a topic, skipped",
            Assert.Single(reported).ToString());
    }

    [Fact]
    public void ANumberedLineThatStartsWithTheWordIsNoRedirect()
    {
        var (topic, diagnostics) = WikitextImport.Parse("Sample.wiki", "#Redirect your energy: a made-up numbered line.\n");

        Assert.Empty(diagnostics);
        Assert.Equal("Redirect your energy: a made-up numbered line.", Assert.Single(topic!.Quotes).Text);
    }

    [Fact]
    public void ARedirectIsNoTopic()
    {
        var (topic, diagnostics) = WikitextImport.Parse("Harry S Truman.wiki", File.ReadAllBytes(Path.Combine(WikitextSample.Folder, "Harry S Truman.wiki")));

        Assert.Null(topic);
        var warning = Assert.Single(diagnostics);
        Assert.Equal("Harry S Truman.wiki:1:1: warning: a redirect to 'Harry S. Truman', not a topic: skipped", warning.ToString());
    }
}
