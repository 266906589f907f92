using Microsoft.Data.Sqlite;
using QuoteArchive.Bench.Corpus;

namespace QuoteArchive.Importer.Tests;

/// <summary>
/// The authors the writer notes as it writes the quotes stand for what the archive holds: the author index numbers,
/// counts and respells from them without reading the quotes back.
/// </summary>
public sealed class WrittenAuthorsTests
{
    // The author index numbers new names in this order: it must be the order in which SQLite sorts the same names.
    [Fact]
    public void NamesComeInTheOrderSqliteSortsThemAsItStoresThem()
    {
        string[] names = ["b", "B", "a", "é", "e\u0301", "\uE000x", "\U0001F600", "\U0001F600a", "\U0001F601", "\uFFFD", "\uFFFF", "z", "\uD800x", "Ab", "A",
            "\uDBFF\uDFFF", "\uFB01", "ab", "a b", ""];
        var written = new WrittenAuthors();
        foreach (var (name, row) in names.Select((n, i) => (n, (long)i + 1)))
            written.Add(row, name, personId: null);

        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE Names (Name TEXT)";
        command.ExecuteNonQuery();
        // Bound as the writer binds them.
        command.CommandText = "INSERT INTO Names VALUES ($name)";
        var parameter = command.Parameters.Add("$name", SqliteType.Text);
        foreach (var name in names)
        {
            parameter.Value = name;
            command.ExecuteNonQuery();
        }
        command.Parameters.Clear();
        command.CommandText = "SELECT DISTINCT Name FROM Names ORDER BY Name";
        var sorted = new List<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                sorted.Add(reader.GetString(0));

        Assert.Equal(sorted, written.Names);
        // The lone surrogate is stored as U+FFFD, and its rows are found by that name.
        Assert.Equal([13L], written.RowsOf("\uFFFDx"));
    }

    [Fact]
    public void APersonsQuotesCountForThePersonAndANamesRowsAreThoseWithoutOne()
    {
        var written = new WrittenAuthors();
        written.Add(1, "Sample Person", personId: 1);
        written.Add(2, null, personId: 1);
        written.Add(3, "Sample Person", personId: null);
        written.Add(4, "Other Name", personId: null);
        written.Named(5, "Other Name", personId: null);
        written.Named(6, "Third Name", personId: 1);

        Assert.Equal(2, written.QuotesOf(1));
        Assert.Equal(0, written.QuotesOf(2));
        Assert.Equal(["Other Name", "Sample Person", "Third Name"], written.Names);
        Assert.Equal([3L], written.RowsOf("Sample Person"));
        Assert.Equal([4L, 5L], written.RowsOf("Other Name"));
        Assert.Empty(written.RowsOf("Third Name"));
    }

    // The generated dump has person pages, quotes attributed to them and to names without a page, in several spellings.
    [Fact]
    public void EveryAuthorCountsTheQuotesTheArchiveGivesItAndEveryQuotesAuthorIsInTheIndex()
    {
        using var folder = new TemporaryFolder();
        var dump = Path.Combine(folder.Path, "content", "enwikiquote-generated-pages-articles.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(dump)!);
        using (var file = File.Create(dump))
            DumpWriter.Write(file, 300, seed: 5, DumpCompression.None);
        var target = Path.Combine(folder.Path, "archive.db");

        new ArchiveBuilder(new ImportOptions()).Build(Path.Combine(folder.Path, "content"), target, _ => { });

        Assert.True((long)SearchIndexTests.Scalar(target, "SELECT count(*) FROM Authors")! > 50);
        Assert.True((long)SearchIndexTests.Scalar(target, "SELECT count(*) FROM Authors WHERE TopicId IS NOT NULL")! > 5);
        Assert.Equal(0L, SearchIndexTests.Scalar(target,
            "SELECT count(*) FROM Authors a WHERE a.QuoteCount <> (SELECT count(*) FROM Quotes q WHERE q.AuthorId = a.Id) OR a.QuoteCount = 0"));
        Assert.Equal(0L, SearchIndexTests.Scalar(target,
            "SELECT count(*) FROM Quotes q WHERE q.AuthorId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM Authors a WHERE a.Id = q.AuthorId)"));
        Assert.Equal(0L, SearchIndexTests.Scalar(target, "INSERT INTO QuotesFts(QuotesFts, rank) VALUES('integrity-check', 1); SELECT 0"));
    }
}
