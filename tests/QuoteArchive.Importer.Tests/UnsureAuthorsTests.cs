using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

/// <summary>A name its page could not confirm becomes the quote's author where the archive has a person's page of it.</summary>
public sealed class UnsureAuthorsTests
{
    [Fact]
    public void OnlyAQuoteByNoOneIsGivenTheNameAndIndexedAgain()
    {
        // As the importer writes: the authors are written after the quotes that name them.
        using var connection = new SqliteConnection("Data Source=:memory:;Foreign Keys=False");
        connection.Open();
        using (var context = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(connection).Options))
            context.Database.EnsureCreated();
        using var transaction = connection.BeginTransaction();
        using var writer = new ArchiveWriter(connection, new ImportOptions());

        writer.TryAdd(Topic("Poeta", TopicKind.Person));
        // On a person's page a quote is by the person: its search row was written with the page's title for author,
        // which the archive goes on showing; indexed again as a quote by no one, the search index would lose its words.
        writer.TryAdd(Topic("Sample Poet", TopicKind.Person, Unsure("Sample line of the poet.")));
        writer.TryAdd(Topic("Sample Theme", TopicKind.Theme, Unsure("Sample quote one.")));

        var confirmed = UnsureAuthors.Confirm(connection, transaction, writer);

        Assert.Equal([(2L, (string?)null)], confirmed);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(Text || ':' || coalesce(Author, '-') || ':' || coalesce(AuthorId, '-'), '|') FROM (SELECT * FROM Quotes ORDER BY rowid)";
        Assert.Equal("Sample line of the poet.:-:2|Sample quote one.:Poeta:-", command.ExecuteScalar());
    }

    private static ParsedQuote Unsure(string text) => new() { Text = text, UnsureFields = new("Poeta", "Carmina", null) };

    private static ParsedTopic Topic(string title, TopicKind kind, params ParsedQuote[] quotes) => new()
    {
        Slug = title.Replace(' ', '_'),
        Title = title,
        Language = "en",
        SourceUrl = $"https://en.wikiquote.org/wiki/{title.Replace(' ', '_')}",
        SourcePath = $"{title}.txt",
        Kind = kind,
        Sections = quotes.Length == 0 ? [] : [new ParsedSection { Heading = "Quotes", Quotes = [.. quotes] }],
    };
}
