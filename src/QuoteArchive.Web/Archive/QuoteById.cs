using Microsoft.Data.Sqlite;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Archive;

/// <summary>
/// One quote with its lines, its topic and its section, read with a data reader in one command: the permalink of every
/// quote, random quotes and the quote of the day read it. EF's split query sent the same four statements at several
/// times their cost (as for a topic: <see cref="TopicOutline"/>): misses of permalinks in <c>bench/miss-walk.sh</c>
/// went from 222–385 to 1,013–1,233 pages/s on the full shape.
/// </summary>
internal static class QuoteById
{
    private const string Sql = $"""
        SELECT {QuoteColumns.Select},
               t.Slug, t.Title, t.Language, t.SourceUrl, t.License, t.RevisionId, t.RevisionTimestamp, s.Heading, s.Anchor
        FROM Quotes q JOIN Topics t ON t.Id = q.TopicId JOIN Sections s ON s.Id = q.SectionId
        LEFT JOIN Authors a ON a.Id = q.AuthorId
        WHERE q.Id = $id;
        SELECT Depth, Text, Html FROM AttributionLines WHERE QuoteId = $id ORDER BY Position;
        SELECT Speaker, PlayedBy, Text FROM DialogueLines WHERE QuoteId = $id ORDER BY Position;
        SELECT Text, Html FROM QuoteNotes WHERE QuoteId = $id ORDER BY Position;
        """;

    public static Task<QuoteView?> ReadAsync(ArchiveDbContext db, string id, CancellationToken cancellationToken) =>
        db.ReadAsync(statements => ReadAsync(statements, id, cancellationToken), cancellationToken);

    private static async Task<QuoteView?> ReadAsync(ArchiveStatements statements, string id, CancellationToken cancellationToken)
    {
        var command = statements.Command(Sql);
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!reader.Read())
            return null;
        // The topic's and the section's columns follow the quote's.
        var license = reader.GetStringOrNull(QuoteColumns.Count + 4);
        var topic = new TopicRef
        {
            Slug = reader.GetString(QuoteColumns.Count),
            Title = reader.GetString(QuoteColumns.Count + 1),
            Language = reader.GetString(QuoteColumns.Count + 2),
            SourceUrl = reader.GetString(QuoteColumns.Count + 3),
            License = license,
            Revision = reader.GetRevisionOrNull(QuoteColumns.Count + 5, license),
        };
        var section = new SectionRef { Heading = reader.GetStringOrNull(QuoteColumns.Count + 7), Anchor = reader.GetString(QuoteColumns.Count + 8) };
        var quote = QuoteColumns.Read(reader, 0, topic, section);
        reader.NextResult();
        var attribution = new List<AttributionView>();
        while (reader.Read())
            attribution.Add(new AttributionView { Depth = reader.GetInt32(0), Text = reader.GetString(1), Html = reader.GetStringOrNull(2) });
        reader.NextResult();
        var dialogue = new List<DialogueLineView>();
        while (reader.Read())
            dialogue.Add(new DialogueLineView { Speaker = reader.GetStringOrNull(0), PlayedBy = reader.GetStringOrNull(1), Text = reader.GetString(2) });
        reader.NextResult();
        var notes = new List<RichText>();
        while (reader.Read())
            notes.Add(new RichText { Text = reader.GetString(0), Html = reader.GetStringOrNull(1) });
        return quote with { Attribution = attribution, DialogueLines = dialogue, Notes = notes };
    }
}
