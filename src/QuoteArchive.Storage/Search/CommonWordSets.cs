using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace QuoteArchive.Storage.Search;

/// <summary>
/// The matches of an archive's common words (each held by at least one quote in <see cref="Share"/>), read from the
/// index on first use and kept as <see cref="RowidSet"/>s. Where a search's words are all that common, FTS5 steps
/// through every entry of each of them on every search (sixteen common words: 63-114 ms on the full shape), and their
/// sets are intersected in well under a millisecond. One per archive file, bounded in memory.
/// </summary>
public sealed class CommonWordSets(long maxBytes)
{
    public CommonWordSets() : this(DefaultMaxBytes)
    {
    }

    public const int Share = 32;

    /// <summary>
    /// 224 words' sets at the generated full shape (292 KB each), whose 169 common words take 49 MB; what is not kept is
    /// read again by each search that needs it.
    /// </summary>
    public const long DefaultMaxBytes = 64L << 20;

    private readonly ConcurrentDictionary<string, RowidSet> kept = new(StringComparer.Ordinal);
    private long keptBytes;
    private long lastRowid = -1;

    /// <summary>How many words' sets are kept.</summary>
    public int Kept => kept.Count;

    internal async Task<long> LastRowidAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref lastRowid) < 0)
            Volatile.Write(ref lastRowid, await db.Database.SqlQueryRaw<long>("SELECT coalesce(max(rowid), 0) AS Value FROM Quotes")
                .SingleAsync(cancellationToken));
        return lastRowid;
    }

    /// <summary>How many quotes a word must be in to be common here.</summary>
    internal async Task<long> CommonQuotesAsync(ArchiveDbContext db, CancellationToken cancellationToken) =>
        Math.Max(await LastRowidAsync(db, cancellationToken) / Share, 1);

    /// <summary>
    /// The matches of one word (<paramref name="match"/>, as <see cref="SearchTerm.ToMatch"/> writes it): kept once read
    /// when the word is common, read for this search alone when it is not.
    /// </summary>
    internal async Task<RowidSet> MatchesAsync(ArchiveDbContext db, string match, bool common, CancellationToken cancellationToken)
    {
        if (kept.TryGetValue(match, out var known))
            return known;
        var set = new RowidSet(await LastRowidAsync(db, cancellationToken));
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT rowid FROM QuotesFts WHERE QuotesFts MATCH $match";
            command.Parameters.Add(new SqliteParameter("$match", match));
            // Read synchronously: a row is a step of SQLite's, which ReadAsync only wraps in a task.
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (reader.Read())
                set.Add(reader.GetInt64(0));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        if (common)
        {
            if (Interlocked.Add(ref keptBytes, set.Bytes) > maxBytes || !kept.TryAdd(match, set))
                Interlocked.Add(ref keptBytes, -set.Bytes);
        }
        return set;
    }
}
