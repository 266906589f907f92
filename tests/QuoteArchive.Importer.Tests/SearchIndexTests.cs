using Microsoft.Data.Sqlite;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

/// <summary>The quotes' search index, built apart while the quotes are written, then copied into the archive.</summary>
public sealed class SearchIndexTests
{
    [Fact]
    public void TheSearchIndexHoldsEveryQuoteAsItsContentViewShowsIt()
    {
        using var folder = new TemporaryFolder();
        var target = Path.Combine(folder.Path, "archive.db");

        new ArchiveBuilder(new ImportOptions()).Build(SampleSpec.Folder, target, _ => { });

        // FTS5 compares its index with QuotesFtsContent, row by row.
        Assert.Equal(0L, Scalar(target, "INSERT INTO QuotesFts(QuotesFts, rank) VALUES('integrity-check', 1); SELECT 0"));
        Assert.Equal(Scalar(target, "SELECT count(*) FROM Quotes"), Scalar(target, "SELECT count(*) FROM QuotesFts_docsize"));
    }

    [Fact]
    public void AQuoteIsFoundByTheSpellingTheAuthorIndexGaveItsAuthor()
    {
        // "Ꭰꭱ" and "ᎠᎡ" are one name to the author index (equal but for case), which keeps the first in order, "ᎠᎡ";
        // FTS5's case tables predate Cherokee's small letters and keep both as they are: the quote indexed with its own
        // spelling of the name is indexed again with the index's.
        using var folder = new TemporaryFolder();
        folder.Write("content/a.txt", "A\n\nQuotes\n\n• One.\n  • Ꭰꭱ, Poems (1990)\n");
        folder.Write("content/b.txt", "B\n\nQuotes\n\n• Two.\n  • ᎠᎡ, Songs (1991)\n");
        var target = Path.Combine(folder.Path, "archive.db");

        new ArchiveBuilder(new ImportOptions()).Build(Path.Combine(folder.Path, "content"), target, _ => { });

        Assert.Equal("ᎠᎡ", Scalar(target, "SELECT group_concat(Name) FROM Authors"));
        Assert.Equal(2L, Scalar(target, "SELECT count(*) FROM QuotesFts WHERE QuotesFts MATCH 'author : ᎠᎡ'"));
        Assert.Equal(0L, Scalar(target, "SELECT count(*) FROM QuotesFts WHERE QuotesFts MATCH 'author : Ꭰꭱ'"));
        Assert.Equal(0L, Scalar(target, "INSERT INTO QuotesFts(QuotesFts, rank) VALUES('integrity-check', 1); SELECT 0"));
    }

    [Fact]
    public void ANameOnlyTheArchiveConfirmsIsTheAuthorOfItsQuoteAndFoundByIt()
    {
        // Page text has no links: "Poeta, Carmina, I. 3." alone on its page may be a title before its part; a person's
        // page "Poeta" in the archive makes it the author. "Sample Hero in Sample Epic" has no such page.
        using var folder = new TemporaryFolder();
        folder.Write("content/Poeta.txt", "Poeta\n\nPoeta (84–54 BC) was a sample poet.\n\nQuotes\n\n• Sample line of the poet.\n");
        folder.Write("content/Sample Theme.txt",
            "Sample Theme\n\nQuotes\n\n• Sample quote one.\n  • Poeta, Carmina, I. 3.\n\n• Sample quote two.\n  • Sample Hero in Sample Epic (1850)\n");
        folder.Write("content/Sample Poet.txt", "Sample Poet\n\nSample Poet (1800–1880) was a sample poet.\n\nQuotes\n\n• Sample line of a poet.\n");
        folder.Write("content/Sample Film.txt",
            "Sample Film\n\nSample Film is a 2020 sample film.\n\nQuotes\n\n• Sample quote three.\n  • Sample Poet as quoted by Sample Critic\n\nCast\n\n• Sample Actor as Sample Hero\n");
        var target = Path.Combine(folder.Path, "archive.db");

        new ArchiveBuilder(new ImportOptions()).Build(Path.Combine(folder.Path, "content"), target, _ => { });

        Assert.Equal("Poeta|Carmina|Poeta", Scalar(target,
            "SELECT q.Author || '|' || q.Work || '|' || a.Name FROM Quotes q JOIN Authors a ON a.Id = q.AuthorId WHERE q.Text = 'Sample quote one.'"));
        Assert.Equal(0L, Scalar(target, "SELECT count(*) FROM Quotes WHERE Text = 'Sample quote two.' AND Author IS NOT NULL"));
        // A line naming no work leaves the quote the one its page gave it: a film's page, the film.
        Assert.Equal("Sample Poet|Sample Film|2020", Scalar(target,
            "SELECT q.Author || '|' || q.Work || '|' || q.Year FROM Quotes q WHERE q.Text = 'Sample quote three.'"));
        Assert.Equal(2L, Scalar(target, "SELECT count(*) FROM QuotesFts WHERE QuotesFts MATCH 'author : Poeta'"));
        Assert.Equal(0L, Scalar(target, "INSERT INTO QuotesFts(QuotesFts, rank) VALUES('integrity-check', 1); SELECT 0"));
    }

    [Fact]
    public void TheQueryPlannerHasTheTablesAsTheyEndedUp()
    {
        // The archive is analysed while the search index is merged, and the tables copied in after are analysed again.
        using var folder = new TemporaryFolder();
        var target = Path.Combine(folder.Path, "archive.db");

        new ArchiveBuilder(new ImportOptions()).Build(SampleSpec.Folder, target, _ => { });

        Assert.Equal(Scalar(target, "SELECT count(*) FROM Quotes"),
            Scalar(target, "SELECT CAST(substr(stat, 1, instr(stat, ' ') - 1) AS INTEGER) FROM sqlite_stat1 WHERE idx = 'IX_Quotes_TopicId_Position'"));
        foreach (var table in new[] { "SearchTerms", "QuotesFts_idx", "QuotesFts_data", "QuotesFts_docsize" })
        {
            var rows = (long)Scalar(target, $"SELECT count(*) FROM {table}")!;
            Assert.True(rows > 0, table);
            Assert.Equal(rows, Scalar(target, $"SELECT CAST(iif(instr(stat, ' ') > 0, substr(stat, 1, instr(stat, ' ') - 1), stat) AS INTEGER) FROM sqlite_stat1 WHERE tbl = '{table}'"));
        }
    }

    internal static object? Scalar(string archive, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = archive, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
