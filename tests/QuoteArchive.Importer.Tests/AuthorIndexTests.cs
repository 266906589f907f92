namespace QuoteArchive.Importer.Tests;

/// <summary>Who the author index names, and how it files them, once the whole archive is written.</summary>
public sealed class AuthorIndexTests
{
    // fr.wikiquote's themes head each author's quotes with a link to the author's page; a heading that links a work
    // ("[[Sample Livre]]") names no author, as no person's page has its name.
    [Fact]
    public void AHeadingThatLinksAPersonsPageNamesTheAuthorOfTheQuotesUnderIt()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/fr/Auteure Exemple.wiki",
            "'''Auteure Exemple''' (1900-1980) est une écrivaine d'exemple.\n\n== Citations ==\n{{citation|Une phrase d'exemple de l'auteure.}}\n\n[[Catégorie:Naissance en 1900]]\n");
        folder.Write("content/fr/Thème Exemple.wiki", """
            == Littérature ==
            ==== [[Auteure Exemple|Exemple]] ====
            {{citation|Première phrase d'exemple.}}{{Réf Livre|titre=Un Livre d'exemple|page=12}}

            ==== [[Livre Exemple]] ====
            {{citation|Deuxième phrase d'exemple.}}
            {{Réf Livre|titre=Livre Exemple|page=3}}
            """);
        var target = Path.Combine(folder.Path, "archive.db");

        new ArchiveBuilder(new ImportOptions()).Build(Path.Combine(folder.Path, "content"), target, _ => { });

        Assert.Equal("Auteure Exemple|Un Livre d'exemple|Auteure Exemple", SearchIndexTests.Scalar(target,
            "SELECT q.Author || '|' || q.Work || '|' || a.Name FROM Quotes q JOIN Authors a ON a.Id = q.AuthorId WHERE q.Text = 'Première phrase d''exemple.'"));
        Assert.Equal("Livre Exemple", SearchIndexTests.Scalar(target, "SELECT coalesce(Author, '') || Work FROM Quotes WHERE Text = 'Deuxième phrase d''exemple.'"));
        Assert.Equal(1L, SearchIndexTests.Scalar(target, "SELECT count(*) FROM QuotesFts WHERE QuotesFts MATCH 'author : exemple AND premiere'"));
    }

    // Issue 10: a page that holds no quote is still a topic, but the author index lists only those someone is quoted by.
    [Fact]
    public void APersonsPageWithoutQuotesIsATopicButNoEntryOfTheAuthorIndex()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/Sample Person.wiki",
            "'''Sample Person''' (1800–1880) was a sample writer.\n\n== Quotes ==\n* A sample line of the writer.\n** ''A Sample Book'' (1850)\n\n[[Category:1880 deaths]]\n");
        folder.Write("content/Other Person.wiki",
            "'''Other Person''' (1801–1881) was a sample painter.\n\n== See also ==\n* [[Sample Person]]\n\n[[Category:1881 deaths]]\n");
        var target = Path.Combine(folder.Path, "archive.db");

        new ArchiveBuilder(new ImportOptions()).Build(Path.Combine(folder.Path, "content"), target, _ => { });

        Assert.Equal("Other Person:Person:0|Sample Person:Person:1", SearchIndexTests.Scalar(target,
            "SELECT group_concat(Title || ':' || Kind || ':' || (SELECT count(*) FROM Quotes q WHERE q.TopicId = t.Id), '|') FROM (SELECT * FROM Topics ORDER BY Title) t"));
        Assert.Equal("Sample Person:1", SearchIndexTests.Scalar(target, "SELECT group_concat(Name || ':' || QuoteCount, '|') FROM Authors"));
    }

    // The author index files a person as their page files them in the wiki's lists ({{DEFAULTSORT:…}}: by surname); a
    // name with no page, by its own words.
    [Fact]
    public void APersonFilesUnderTheSortNameTheirPageGives()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/Sample Person.wiki",
            "'''Sample Person''' (1800–1880) was a sample writer.\n\n== Quotes ==\n* A sample line of the writer.\n** ''A Sample Book'' (1850)\n\n{{DEFAULTSORT:Person, Sample}}\n[[Category:1880 deaths]]\n");
        folder.Write("content/Sample Theme.wiki", "== Quotes ==\n* A sample quote.\n** Another Writer, ''Another Book'' (1900)\n");
        var target = Path.Combine(folder.Path, "archive.db");

        new ArchiveBuilder(new ImportOptions()).Build(Path.Combine(folder.Path, "content"), target, _ => { });

        Assert.Equal("Sample Person|person, sample|P", SearchIndexTests.Scalar(target, "SELECT Name || '|' || SortKey || '|' || Letter FROM Authors WHERE Slug = 'Sample_Person'"));
        Assert.Equal("Another Writer|another writer|A", SearchIndexTests.Scalar(target, "SELECT Name || '|' || SortKey || '|' || Letter FROM Authors WHERE Slug = 'Another_Writer'"));
    }
}
