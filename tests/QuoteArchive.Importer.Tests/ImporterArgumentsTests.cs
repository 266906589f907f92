using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

/// <summary>The import options reach the importer's command line, and an archive remembers the ones it was built with.</summary>
public sealed class ImporterArgumentsTests
{
    [Fact]
    public void LanguageAndSourceBaseUrlComeFromTheCommandLine()
    {
        Assert.True(ImporterArguments.TryParse(["--language", "fr", "--source-base-url", "https://quotes.example.org/{lang}/", "content", "a.db"],
            out var arguments, out _));
        Assert.Equal(new ImporterArguments("content", "a.db", new ImportOptions { DefaultLanguage = "fr", SourceBaseUrl = "https://quotes.example.org/{lang}/" }),
            arguments);
    }

    [Theory]
    [InlineData("--language", "French")]
    [InlineData("--source-base-url", "javascript:alert(1)")]
    [InlineData("--source-base-url", "not a url")]
    public void BadOptionValuesAreUsageErrorsThatSayWhy(string option, string value)
    {
        Assert.False(ImporterArguments.TryParse([option, value, "content", "a.db"], out _, out var problem));
        Assert.Contains(value, problem);
    }

    [Fact]
    public void ImportedTopicsTakeTheLanguageAndSourceGivenOnTheCommandLine()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/Amour.txt", "Amour\n\nCitations\n\n  • Une.\n");
        folder.Write("content/de/Liebe.txt", "Liebe\n\nZitate\n\n  • Eins.\n");
        var target = Path.Combine(folder.Path, "archive.db");

        var exit = (int)typeof(ArchiveBuilder).Assembly.EntryPoint!.Invoke(null,
            [new[] { "--language", "fr", "--source-base-url", "https://quotes.example.org/{lang}/", Path.Combine(folder.Path, "content"), target }])!;

        Assert.Equal(0, exit);
        using var context = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>()
            .UseSqlite(ArchiveDbContext.ReadOnlyConnectionString(target)).Options);
        Assert.Equal([("Amour", "fr", "https://quotes.example.org/fr/Amour"), ("Liebe", "de", "https://quotes.example.org/de/Liebe")],
            context.Topics.OrderBy(t => t.Slug).Select(t => new { t.Slug, t.Language, t.SourceUrl }).AsEnumerable()
                .Select(t => (t.Slug, t.Language, t.SourceUrl)));
    }

    [Fact]
    public void AnArchiveBuiltWithOtherOptionsIsNotUpToDate()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/a.txt", "A\n\nQuotes\n\n  • One.\n");
        var content = Path.Combine(folder.Path, "content");
        var target = Path.Combine(folder.Path, "archive.db");
        new ArchiveBuilder(new ImportOptions()).Build(content, target, _ => { });

        Assert.True(new ArchiveBuilder(new ImportOptions()).IsUpToDate(content, target));
        Assert.False(new ArchiveBuilder(new ImportOptions { DefaultLanguage = "fr" }).IsUpToDate(content, target));
        Assert.False(new ArchiveBuilder(new ImportOptions { SourceBaseUrl = "https://quotes.example.org/" }).IsUpToDate(content, target));
    }
}
