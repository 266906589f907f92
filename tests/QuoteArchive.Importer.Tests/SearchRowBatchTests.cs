using Microsoft.Data.Sqlite;
using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer.Tests;

/// <summary>
/// The quotes the writer hands to the search index in UTF-8 batches reach SQLite as the same values the strings
/// themselves would bind to: the same text, NULL where there is none, an empty text where it is empty.
/// </summary>
public sealed class SearchRowBatchTests
{
    private static readonly (long RowId, string Text, string[] Attribution, string? Author, string Title)[] Quotes =
    [
        (1, "plain words", [], null, "Title"),
        (2, "être ou ne pas être", ["", "second line"], "", "Été"),
        (5, "lone \uD800 surrogate, \U0001F600 and \u0301", ["one\nline with a break"], "Name \uDC00", "\uFB01"),
        (9, new string('x', 300_000) + "é", [new string('y', 70_000), "z"], "Author", "Long"),
        (10, "", ["after the long one"], "Author", "T"),
    ];

    [Fact]
    public void RowsBindAsTheirStringsWould()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE FromBatch (text, attribution, author, title); CREATE TABLE FromStrings (text, attribution, author, title);");

        var batch = new SearchRowBatch();
        // Filled, emptied and filled again, as the batches go back and forth.
        batch.Add(99, "dropped", [Line("dropped")], "dropped", "dropped");
        batch.Clear();
        foreach (var quote in Quotes)
            batch.Add(quote.RowId, quote.Text, quote.Attribution.Select(Line).ToList(), quote.Author, quote.Title);
        using (var insert = new PreparedStatement(connection, "FromBatch", "INSERT INTO FromBatch(rowid, text, attribution, author, title) VALUES (?, ?, ?, ?, ?)"))
        {
            for (var row = 0; row < batch.Count; row++)
            {
                batch.Bind(row, insert);
                insert.Run();
            }
        }
        using (var insert = new PreparedInsert(connection, "FromStrings", "rowid", "text", "attribution", "author", "title"))
        {
            foreach (var quote in Quotes)
                insert.Run(quote.RowId, quote.Text, quote.Attribution.Length == 0 ? null : string.Join('\n', quote.Attribution), quote.Author, quote.Title);
        }

        var fromBatch = Read(connection, "FromBatch");
        Assert.Equal(Quotes.Length, fromBatch.Count);
        Assert.Equal(Read(connection, "FromStrings"), fromBatch);
        Assert.Equal(["null", "null"], fromBatch[0][2..4]);
        Assert.Equal(["text:\nsecond line", "text:"], fromBatch[1][2..4]);
    }

    private static ParsedAttributionLine Line(string text) => new() { Text = text };

    // Each row as its values, each with its type: NULL and an empty text differ.
    private static List<string[]> Read(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid, text, attribution, author, title FROM {table} ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, 5).Select(i => reader.IsDBNull(i) ? "null" : $"{reader.GetDataTypeName(i).ToLowerInvariant()}:{reader.GetValue(i)}").ToArray());
        return rows;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
