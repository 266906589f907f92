using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests.Exports;

/// <summary>MediaWiki XML exports in a content folder: every article a topic, the rest skipped and counted.</summary>
public sealed class ExportImportTests
{
    // A small export in the shape Special:Export writes (schema 0.11), made up for these tests.
    private const string Export = """
        <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="fr">
          <siteinfo>
            <sitename>Wikiquote</sitename>
            <base>https://fr.wikiquote.org/wiki/Accueil</base>
            <namespaces>
              <namespace key="0" case="first-letter" />
              <namespace key="10" case="first-letter">Modèle</namespace>
            </namespaces>
          </siteinfo>
          <page>
            <title>Accueil</title>
            <ns>0</ns>
            <id>1</id>
            <revision><id>10</id><timestamp>2014-04-11T21:00:34Z</timestamp><text xml:space="preserve">{{Début cadre}}</text></revision>
          </page>
          <page>
            <title>Ancien</title>
            <ns>0</ns>
            <id>2</id>
            <revision><id>20</id><timestamp>2023-06-06T23:59:59Z</timestamp><text xml:space="preserve">== Citations ==
        * Une première phrase.
        ** Quelqu'un, ''Un livre'', 1900
        [[Catégorie:Essais]]
        [[en:Old]]</text></revision>
          </page>
          <page>
            <title>Nouveau</title>
            <ns>0</ns>
            <id>3</id>
            <revision><id>30</id><timestamp>2023-06-07T00:00:00Z</timestamp><text xml:space="preserve">== Citations ==
        * Une phrase qui renvoie à [[Ancien]] et à [[Absent]].</text></revision>
          </page>
          <page>
            <title>Vieux</title>
            <ns>0</ns>
            <id>4</id>
            <redirect title="Ancien" />
            <revision><id>40</id><timestamp>2020-01-01T00:00:00Z</timestamp><text xml:space="preserve">#REDIRECTION [[Ancien]]</text></revision>
          </page>
          <page>
            <title>Modèle:Attention</title>
            <ns>10</ns>
            <id>5</id>
            <revision><id>50</id><timestamp>2020-01-01T00:00:00Z</timestamp><text xml:space="preserve">Attention !</text></revision>
          </page>
        </mediawiki>
        """;

    [Fact]
    public void EveryArticleIsATopicWithItsRevisionARedirectIsAnotherTitleAndTheRestIsSkippedAndCounted()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/export.xml", Export);
        var (summary, db) = Import(folder);
        using var _ = db;

        Assert.Equal((2, 0), (summary.Topics, summary.Errors));
        Assert.Equal(new Dictionary<string, int> { ["main page"] = 1, ["namespace 10"] = 1 }, summary.Skipped);
        // A redirect is another title of the topic it names.
        Assert.Equal(1, summary.Redirects);
        Assert.Equal([("Vieux", "Ancien")], db.Redirects.Select(r => new { r.Title, Topic = r.Topic!.Title }).AsEnumerable().Select(r => (r.Title, r.Topic)));
        var topics = db.Topics.OrderBy(t => t.PageId).ToList();
        Assert.Equal(["Ancien", "Nouveau"], topics.Select(t => t.Title));
        Assert.All(topics, t => Assert.Equal("fr", t.Language));
        Assert.Equal("https://fr.wikiquote.org/wiki/Ancien", topics[0].SourceUrl);
        Assert.Equal((2L, 20L, new DateTimeOffset(2023, 6, 6, 23, 59, 59, TimeSpan.Zero)), (topics[0].PageId!.Value, topics[0].RevisionId!.Value, topics[0].RevisionTimestamp!.Value));
        // Text saved before 7 June 2023 is under CC BY-SA 3.0, from that day on under 4.0.
        Assert.Equal(["CC BY-SA 3.0", "CC BY-SA 4.0"], topics.Select(t => t.License));
        Assert.Equal(["Essais"], db.Categories.Select(c => c.Name));
        Assert.Equal([("en", "Old")], db.LanguageLinks.AsEnumerable().Select(l => (l.Language, l.Title)));
    }

    [Fact]
    public void WikiLinksPointAtTheArchivesTopicOrElseAtTheWiki()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/export.xml", Export);
        var (_, db) = Import(folder);
        using var _db = db;

        var html = db.Quotes.Single(q => q.Topic!.Title == "Nouveau").Html!;
        Assert.Contains("href=\"/wiki/Ancien\"", html);
        Assert.Contains("href=\"https://fr.wikiquote.org/wiki/Absent\"", html);
    }

    [Fact]
    public void ALinkToATopicLaterInTheExportPointsAtTheTopicOnceEveryTopicIsWritten()
    {
        // Every kind of link in the rows of the first page: to a later page (with a part of it, and again in the
        // attribution), to a page the export lacks, to its own page, and an external link that is the later page's
        // address on the wiki, which stays as written.
        using var folder = new TemporaryFolder();
        folder.Write("content/export.xml", """
            <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="fr">
              <siteinfo><base>https://fr.wikiquote.org/wiki/Accueil</base></siteinfo>
              <page><title>Premier</title><ns>0</ns><id>1</id><revision><id>10</id><timestamp>2023-06-07T00:00:00Z</timestamp><text xml:space="preserve">== Citations ==
            * Voir [https://fr.wikiquote.org/wiki/Dernier le wiki], [[Dernier#Citations|la suite]], [[Absent]], [[Premier]] et [[Dernier]].
            ** [[Dernier]], ''Un livre'', 1900
            * Puis [[L'été#Citations|l'été]] et [[L'hiver#Citations|l'hiver]], et [[Café#Citations|un café]].
            </text></revision></page>
              <page><title>L'été</title><ns>0</ns><id>3</id><revision><id>30</id><timestamp>2023-06-07T00:00:00Z</timestamp><text xml:space="preserve">== Citations ==
            * Une autre.</text></revision></page>
              <page><title>Café</title><ns>0</ns><id>4</id><revision><id>40</id><timestamp>2023-06-07T00:00:00Z</timestamp><text xml:space="preserve">== Citations ==
            * Une dernière.</text></revision></page>
              <page><title>Dernier</title><ns>0</ns><id>2</id><revision><id>20</id><timestamp>2023-06-07T00:00:00Z</timestamp><text xml:space="preserve">== Citations ==
            * Une phrase.</text></revision></page>
            </mediawiki>
            """);
        var (_, db) = Import(folder);
        using var _db = db;

        var quotes = db.Quotes.Include(q => q.Attribution).Where(q => q.Topic!.Title == "Premier").OrderBy(q => q.Position).ToList();
        var quote = quotes[0];
        Assert.Equal("Voir <a href=\"https://fr.wikiquote.org/wiki/Dernier\">le wiki</a>, <a href=\"/wiki/Dernier#Citations\">la suite</a>, "
            + "<a href=\"https://fr.wikiquote.org/wiki/Absent\">Absent</a>, <a href=\"/wiki/Premier\">Premier</a> et <a href=\"/wiki/Dernier\">Dernier</a>.", quote.Html);
        Assert.Equal("<a href=\"/wiki/Dernier\">Dernier</a>, <em>Un livre</em>, 1900", Assert.Single(quote.Attribution).Html);
        // Titles and parts of pages with characters HTML encodes: the one of the archive, and one it lacks; and a title
        // written decomposed ("Cafe" and U+0301), linked as the wiki spells the page it names ("Café", composed).
        Assert.Equal("Puis <a href=\"/wiki/L&#39;%C3%A9t%C3%A9#Citations\">l&#39;été</a> et "
            + "<a href=\"https://fr.wikiquote.org/wiki/L&#39;hiver#Citations\">l&#39;hiver</a>, "
            + "et <a href=\"/wiki/Caf%C3%A9#Citations\">un café</a>.", quotes[1].Html);
    }

    [Fact]
    public void BrokenXmlIsReportedWhereItBrokeAndThePreviousArchiveStays()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/export.xml", Export);
        var (_, previous) = Import(folder);
        previous.Dispose();
        var before = File.ReadAllBytes(Path.Combine(folder.Path, "archive.db"));
        var broken = Export[..Export.IndexOf("<title>Vieux</title>", StringComparison.Ordinal)] + "<title>Vieux</titel>";
        folder.Write("content/export.xml", broken);
        folder.Write("content/other.txt", "Other\n\nQuotes\n\n  • One.\n");
        var reported = new List<Diagnostic>();
        var (summary, db) = Import(folder, reported.Add);
        using var _ = db;

        var error = Assert.Single(reported, d => d.Severity == Severity.Error);
        Assert.Equal("export.xml", error.Position.File);
        Assert.Equal(broken.Split('\n').Length, error.Position.Line);
        Assert.True(error.Position.Column > 1, error.ToString());
        // The other file read, but nothing was written: the export's topics after the break would have gone.
        Assert.Equal((3, 1), (summary.Topics, summary.Errors));
        Assert.Equal(["export.xml"], summary.DamagedExports);
        Assert.Contains("damaged: export.xml (nothing written, the previous archive stays as it was)", summary.ToString());
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(folder.Path, "archive.db")));
        Assert.Equal(["Ancien", "Nouveau"], db.Topics.OrderBy(t => t.Title).Select(t => t.Title));
    }

    [Fact]
    public void AnOldExportWithoutNamespaceElementsIsReadByTitlePrefix()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/en/old.xml", """
            <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.4/" version="0.4" xml:lang="en">
              <siteinfo><base>https://en.wikiquote.org/wiki/Main_Page</base>
                <namespaces><namespace key="0" /><namespace key="14">Category</namespace></namespaces></siteinfo>
              <page><title>Category:Films</title><id>7</id><revision><id>70</id><timestamp>2009-01-01T00:00:00Z</timestamp><text>A category.</text></revision></page>
              <page><title>Patience</title><id>8</id><revision><id>80</id><timestamp>2009-01-01T00:00:00Z</timestamp><text>== Quotes ==
            * One more.</text></revision></page>
            </mediawiki>
            """);
        var (summary, db) = Import(folder);
        using var _ = db;

        Assert.Equal(["Patience"], db.Topics.Select(t => t.Title));
        Assert.Equal(new Dictionary<string, int> { ["namespace 14"] = 1 }, summary.Skipped);
    }

    [Fact]
    public void AnExportsLanguageIsItsFoldersElseItsOwnElseTheDefault()
    {
        using var folder = new TemporaryFolder();
        static string Dump(string? language, string title) => $"""
            <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11"{(language is null ? "" : $" xml:lang=\"{language}\"")}>
              <siteinfo><base>https://example.org/wiki/Main_Page</base></siteinfo>
              <page><title>{title}</title><ns>0</ns><id>1</id><revision><id>10</id><timestamp>2020-01-01T00:00:00Z</timestamp><text>== Quotes ==
            * A made-up line.</text></revision></page>
            </mediawiki>
            """;
        folder.Write("content/fr/marked-de.xml", Dump("de", "In the French folder"));
        folder.Write("content/marked-de.xml", Dump("de", "Marked German"));
        folder.Write("content/unmarked.xml", Dump(null, "Unmarked"));
        var (_, db) = Import(folder);
        using var _ = db;

        Assert.Equal([("In the French folder", "fr"), ("Marked German", "de"), ("Unmarked", "en")],
            db.Topics.OrderBy(t => t.Title).AsEnumerable().Select(t => (t.Title, t.Language)));
    }

    private static (ImportSummary Summary, ArchiveDbContext Db) Import(TemporaryFolder folder, Action<Diagnostic>? report = null)
    {
        var target = Path.Combine(folder.Path, "archive.db");
        var summary = new ArchiveBuilder(new ImportOptions()).Build(Path.Combine(folder.Path, "content"), target, report ?? (_ => { }));
        var db = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>()
            .UseSqlite(ArchiveDbContext.ReadOnlyConnectionString(target)).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options);
        return (summary, db);
    }
}
