using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
    private const string Sql = """
        SELECT q.Id, q.Kind, q.Status, q.Text, q.Html, q.Author, q.Work, q.Year, a.Slug, a.Name, q.IsFeatured,
               t.Slug, t.Title, t.Language, t.SourceUrl, t.License, t.RevisionId, t.RevisionTimestamp, s.Heading, s.Anchor
        FROM Quotes q JOIN Topics t ON t.Id = q.TopicId JOIN Sections s ON s.Id = q.SectionId
        LEFT JOIN Authors a ON a.Id = q.AuthorId
        WHERE q.Id = $id;
        SELECT Depth, Text, Html FROM AttributionLines WHERE QuoteId = $id ORDER BY Position;
        SELECT Speaker, PlayedBy, Text FROM DialogueLines WHERE QuoteId = $id ORDER BY Position;
        SELECT Text, Html FROM QuoteNotes WHERE QuoteId = $id ORDER BY Position;
        """;

    public static async Task<QuoteView?> ReadAsync(ArchiveDbContext db, string id, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
            command.CommandText = Sql;
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!reader.Read())
                return null;
            var license = reader.GetStringOrNull(15);
            var quote = new QuoteView
            {
                Id = reader.GetString(0),
                Kind = (QuoteKind)reader.GetInt32(1),
                Status = (QuoteStatus)reader.GetInt32(2),
                Text = reader.GetString(3),
                Html = reader.GetStringOrNull(4),
                Author = reader.GetStringOrNull(5),
                Work = reader.GetStringOrNull(6),
                Year = reader.GetStringOrNull(7),
                AuthorSlug = reader.GetStringOrNull(8),
                AuthorName = reader.GetStringOrNull(9),
                IsFeatured = reader.GetBoolean(10),
                Topic = new TopicRef
                {
                    Slug = reader.GetString(11),
                    Title = reader.GetString(12),
                    Language = reader.GetString(13),
                    SourceUrl = reader.GetString(14),
                    License = license,
                    Revision = reader.IsDBNull(16) ? null : new RevisionView
                    {
                        Id = reader.GetInt64(16),
                        Timestamp = reader.IsDBNull(17) ? default : reader.GetDateTimeOffset(17),
                        License = license ?? "CC BY-SA",
                    },
                },
                Section = new SectionRef { Heading = reader.GetStringOrNull(18), Anchor = reader.GetString(19) },
                Attribution = [],
            };
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
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
