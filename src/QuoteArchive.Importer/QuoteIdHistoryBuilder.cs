using Microsoft.Data.Sqlite;
using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

/// <summary>
/// Keeps old links answering across re-imports. Reads the archive about to be replaced: each id it served that this
/// import does not is either a quote whose text changed a little (its id now names the new text: 301) or a removed
/// quote (410, with its topic). The previous archive's own history is carried forward and followed to today's ids,
/// so an id answers after any number of re-imports.
/// </summary>
internal static class QuoteIdHistoryBuilder
{
    public static void Build(string previousArchive, ArchiveWriter writer, SqliteConnection current, SqliteTransaction transaction,
        Action<Diagnostic> report)
    {
        if (!File.Exists(previousArchive))
            return;
        var currentIds = writer.WrittenIds;
        try
        {
            using var previous = new SqliteConnection(ArchiveDbContext.ReadOnlyConnectionString(previousArchive));
            previous.Open();
            var previousIds = Read(previous, "SELECT Id FROM Quotes", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
            // Ids alone first: after a usual re-import only a few are gone, and only their texts are read.
            var gone = previousIds.Where(id => !currentIds.Contains(id))
                .SelectMany(id => Read(previous, "SELECT q.Id, t.Slug, t.Title, q.Text FROM Quotes q JOIN Topics t ON t.Id = q.TopicId WHERE q.Id = $key",
                    r => new OldQuote(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)), key: id))
                .ToList();
            var moved = new Dictionary<string, Entry>(StringComparer.Ordinal);
            foreach (var topic in gone.GroupBy(q => q.Slug))
            {
                // The topic's quotes now: the one a repeat of a quote became (a caption folded into the quote it repeats:
                // the same words), else one this import added, the candidates an edited quote became.
                var now = Read(current, "SELECT q.Id, q.Text FROM Quotes q JOIN Topics t ON t.Id = q.TopicId WHERE t.Slug = $key ORDER BY q.IsFeatured, q.Line",
                    r => (Id: r.GetString(0), Words: QuoteWords.Of(r.GetString(1))), transaction: transaction, key: topic.Key).ToList();
                var added = now.Where(q => !previousIds.Contains(q.Id)).ToList();
                foreach (var old in topic)
                {
                    var words = QuoteWords.Of(old.Text);
                    var match = now.Where(q => q.Words.AsSpan().SequenceEqual(words)).Select(q => q.Id).FirstOrDefault() ?? added
                        .Select(a => (a.Id, Tolerance: Tolerance(words, a.Words), Distance: WordDistance(words, a.Words, Tolerance(words, a.Words))))
                        .Where(a => a.Distance <= a.Tolerance)
                        .OrderBy(a => a.Distance)
                        .Select(a => a.Id)
                        .FirstOrDefault();
                    moved[old.Id] = new(old.Id, match, old.Slug, old.Title);
                }
            }
            var carried = HasHistory(previous)
                ? Read(previous, "SELECT OldId, NewId, TopicSlug, TopicTitle FROM QuoteIdHistory",
                    r => new Entry(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetString(3)))
                : [];
            foreach (var entry in carried.Where(e => !currentIds.Contains(e.OldId)))
            {
                // An id that moved before and moved (or went) again now points where its successor went.
                var now = entry.NewId is null || currentIds.Contains(entry.NewId) ? entry
                    : moved.TryGetValue(entry.NewId, out var next) ? entry with { NewId = next.NewId, TopicSlug = next.TopicSlug, TopicTitle = next.TopicTitle }
                    : entry with { NewId = null };
                writer.AddIdHistory(now.OldId, now.NewId, now.TopicSlug, now.TopicTitle);
            }
            foreach (var entry in moved.Values)
                writer.AddIdHistory(entry.OldId, entry.NewId, entry.TopicSlug, entry.TopicTitle);
        }
        catch (SqliteException ex)
        {
            // Not an archive (damaged, or one too old to read): there is no history to keep, and its old links will not
            // answer 301 or 410. Said, so that whoever can restore the file before the next import knows.
            report(new(new(previousArchive, 1), Severity.Warning,
                $"the archive being replaced cannot be read ({ex.Message}): the old ids of its changed and removed quotes are not carried forward"));
        }
    }

    private sealed record OldQuote(string Id, string Slug, string Title, string Text);

    private sealed record Entry(string OldId, string? NewId, string TopicSlug, string TopicTitle);

    /// <summary>
    /// How many words may differ for two texts to be one quote edited: punctuation and case never count, a spelling
    /// or a word or two do; more in a long quote, but never more than a fifth of it.
    /// </summary>
    internal static int Tolerance(string[] a, string[] b) => Math.Max(a.Length, b.Length) is var n and >= 3 ? Math.Clamp(n / 5, 1, 3) : 0;

    /// <summary>Levenshtein distance over words, computed only within <paramref name="limit"/> of the diagonal; limit + 1 when further.</summary>
    internal static int WordDistance(string[] a, string[] b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
            return limit + 1;
        var previous = new int[b.Length + 1];
        var row = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            Array.Fill(row, limit + 1);
            row[0] = i;
            var best = row[0];
            for (var j = Math.Max(1, i - limit); j <= Math.Min(b.Length, i + limit); j++)
            {
                var substitution = previous[j - 1] + (string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? 0 : 1);
                row[j] = Math.Min(substitution, Math.Min(previous[j], row[j - 1]) + 1);
                best = Math.Min(best, row[j]);
            }
            if (best > limit)
                return limit + 1;
            (previous, row) = (row, previous);
        }
        return Math.Min(previous[b.Length], limit + 1);
    }

    private static bool HasHistory(SqliteConnection previous) =>
        Read(previous, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'QuoteIdHistory'", r => true).Any();

    private static List<T> Read<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> row,
        Func<SqliteDataReader, bool>? where = null, SqliteTransaction? transaction = null, string? key = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        if (key is not null)
            command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            if (where is null || where(reader))
                rows.Add(row(reader));
        }
        return rows;
    }
}
