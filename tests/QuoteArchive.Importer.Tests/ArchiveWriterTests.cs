using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

/// <summary>How parsed topics become rows: every column written, and quote ids that never depend on file order.</summary>
public sealed class ArchiveWriterTests
{
    // Row ids the database assigns, and columns filled after the topics are written (the author index).
    private static readonly HashSet<string> NotWrittenByTheWriter = ["Id", "AuthorId"];

    [Fact]
    public void EveryColumnOfTheEntitiesTheWriterFillsIsWritten()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var context = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(connection).Options);
        context.Database.EnsureCreated();
        using var transaction = connection.BeginTransaction();

        using var writer = new ArchiveWriter(connection, new ImportOptions());
        foreach (var (table, columns) in writer.Inserts)
        {
            var entity = context.Model.GetEntityTypes().Single(e => e.GetTableName() == table);
            var mapped = entity.GetProperties().Select(p => p.GetColumnName()).Where(c => !NotWrittenByTheWriter.Contains(c) || columns.Contains(c));
            Assert.True(mapped.Order().SequenceEqual(columns.Order()),
                $"{table}: the entity maps {string.Join(", ", mapped.Order())}; the writer writes {string.Join(", ", columns.Order())}");
        }
    }

    [Fact]
    public void ALengthenedIdIsMoreOfTheQuotesOwnHashWithItsOccurrence()
    {
        // Found by search: the 8-character ids of these two quotes are the same (the second is a repeat in its page).
        const string first = "Quote number 50619.", repeated = "Saying number 701123.";
        Assert.Equal(QuoteIds.Create("A", first), QuoteIds.Create("B", repeated, occurrence: 2));

        using var folder = new TemporaryFolder();
        folder.Write("content/a.txt", $"A\n\nQuotes\n\n  • {first}\n");
        folder.Write("content/b.txt", $"B\n\nQuotes\n\n  • {repeated}\n\n  • {repeated}\n");
        var target = Path.Combine(folder.Path, "archive.db");
        new ArchiveBuilder(new ImportOptions()).Build(Path.Combine(folder.Path, "content"), target, _ => { });

        using var context = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>()
            .UseSqlite(ArchiveDbContext.ReadOnlyConnectionString(target)).Options);
        var ids = context.Quotes.OrderBy(q => q.TopicId).ThenBy(q => q.Position).Select(q => q.Id).ToList();
        Assert.Equal([QuoteIds.Create("A", first), QuoteIds.Create("B", repeated), QuoteIds.Create("B", repeated, occurrence: 2, length: 10)], ids);
    }
}
