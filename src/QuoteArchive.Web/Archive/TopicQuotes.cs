using Microsoft.Data.Sqlite;

namespace QuoteArchive.Web.Archive;

/// <summary>
/// The quotes of a whole topic with their attribution, dialogue and note lines, read with a data reader in one command
/// rather than by EF: materialising some 3,200 rows through EF was a fifth of a cache miss of Love (1,530 quotes).
/// </summary>
internal static class TopicQuotes
{
    // Every statement reads the quotes in one order, (Position, SectionId), which the (TopicId, Position) index gives with
    // at most a sort of the quotes that share a position; so each quote's lines follow one another in the order of the
    // quotes, and are matched to them in one pass without a dictionary. The lines come first: a quote is made whole.
    private const string Sql = $"""
        SELECT q.rowid, l.Depth, l.Text, l.Html FROM Quotes q JOIN AttributionLines l ON l.QuoteId = q.Id
        WHERE q.TopicId = $topic ORDER BY q.Position, q.SectionId, l.Position;
        SELECT q.rowid, l.Speaker, l.PlayedBy, l.Text FROM Quotes q JOIN DialogueLines l ON l.QuoteId = q.Id
        WHERE q.TopicId = $topic ORDER BY q.Position, q.SectionId, l.Position;
        SELECT q.rowid, l.Text, l.Html FROM Quotes q JOIN QuoteNotes l ON l.QuoteId = q.Id
        WHERE q.TopicId = $topic ORDER BY q.Position, q.SectionId, l.Position;
        SELECT q.rowid, q.SectionId, q.Line, {QuoteColumns.Select}
        FROM Quotes q LEFT JOIN Authors a ON a.Id = q.AuthorId
        WHERE q.TopicId = $topic ORDER BY q.Position, q.SectionId;
        """;

    /// <summary>The topic's quotes by section id, each section's in their order.</summary>
    public static async Task<Dictionary<int, List<QuoteView>>> ReadAsync(ArchiveStatements statements, int topicId, TopicRef topic,
        IReadOnlyDictionary<int, SectionRef> sections, CancellationToken cancellationToken)
    {
        var command = statements.Command(Sql);
        command.Parameters.AddWithValue("$topic", topicId);
        // Microsoft.Data.Sqlite reads synchronously whatever the method: Read() spares a task per row.
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var attribution = ReadLines(reader, r => new AttributionView { Depth = r.GetInt32(1), Text = r.GetString(2), Html = r.GetStringOrNull(3) });
        reader.NextResult();
        var dialogue = ReadLines(reader, r => new DialogueLineView { Speaker = r.GetStringOrNull(1), PlayedBy = r.GetStringOrNull(2), Text = r.GetString(3) });
        reader.NextResult();
        var notes = ReadLines(reader, r => new RichText { Text = r.GetString(1), Html = r.GetStringOrNull(2) });
        reader.NextResult();
        var quotesOf = new Dictionary<int, List<QuoteView>>();
        while (reader.Read())
        {
            var rowId = reader.GetInt64(0);
            var sectionId = reader.GetInt32(1);
            if (!quotesOf.TryGetValue(sectionId, out var list))
                quotesOf[sectionId] = list = [];
            list.Add(QuoteColumns.Read(reader, 3, topic, sections[sectionId]) with
            {
                Line = reader.GetInt32(2),
                Attribution = attribution.Take(rowId),
                DialogueLines = dialogue.Take(rowId),
                Notes = notes.Take(rowId),
            });
        }
        return quotesOf;
    }

    private static LinesByQuote<TLine> ReadLines<TLine>(SqliteDataReader reader, Func<SqliteDataReader, TLine> line)
    {
        var lines = new List<(long QuoteRowId, TLine Line)>();
        while (reader.Read())
            lines.Add((reader.GetInt64(0), line(reader)));
        return new LinesByQuote<TLine>(lines);
    }

    /// <summary>Lines in the order of the quotes, handed out quote by quote as the quotes are read in that order.</summary>
    private sealed class LinesByQuote<TLine>(List<(long QuoteRowId, TLine Line)> lines)
    {
        private int next;

        public IReadOnlyList<TLine> Take(long quoteRowId)
        {
            if (next == lines.Count || lines[next].QuoteRowId != quoteRowId)
                return [];
            var taken = new List<TLine>();
            for (; next < lines.Count && lines[next].QuoteRowId == quoteRowId; next++)
                taken.Add(lines[next].Line);
            return taken;
        }
    }
}
