using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace QuoteArchive.Storage.Search;

/// <summary>
/// The matches of an archive's common words (each held by at least one quote in <see cref="Share"/>), read from the
/// index on first use and kept as <see cref="RowidSet"/>s. Where a search's words are all that common, FTS5 steps
/// through every entry of each of them on every search (sixteen common words: 58.6 ms on the full shape), and their
/// sets are intersected in 0.7 ms; a set costs one read of the word's entry a process ("love" 30.9 ms, "the" 221 ms;
/// bench/search-costs.cs). One per archive file, bounded in memory.
/// </summary>
public sealed class CommonWordSets(long maxBytes)
{
    public CommonWordSets() : this(DefaultMaxBytes)
    {
    }

    public const int Share = 32;

    /// <summary>
    /// 224 words' sets at the full English shape (2.3 million quotes: 292 KB a set); what is not kept is read again by
    /// each search that needs it. bench/search-latency.sh prints how many words an archive has that are common, and
    /// the app's memory after searching.
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
    /// Whether the sets of these common words (as <see cref="SearchTerm.ToMatch"/> writes them) are kept or can be:
    /// when memory is spent, a common word's set read for one search would cost more than FTS5's walk of it.
    /// </summary>
    internal async Task<bool> CanHoldAsync(ArchiveDbContext db, IEnumerable<string> matches, CancellationToken cancellationToken)
    {
        var setBytes = new RowidSet(await LastRowidAsync(db, cancellationToken)).Bytes;
        return Volatile.Read(ref keptBytes) + matches.Count(match => !kept.ContainsKey(match)) * setBytes <= maxBytes;
    }

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
