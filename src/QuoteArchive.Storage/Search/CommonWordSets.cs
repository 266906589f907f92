using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace QuoteArchive.Storage.Search;

/// <summary>
/// The matches of an archive's common words (each held by at least one quote in <see cref="Share"/>), kept as
/// <see cref="RowidSet"/>s. Where a search's words are all that common, FTS5 steps through every entry of each of them
/// on every search (sixteen common words: 58.6 ms on the full shape), and their sets are intersected in 0.7 ms. A set
/// costs one read of the word's entry ("love" 30.9 ms, "the" 221 ms; bench/search-costs.cs): the first search that
/// needs it asks for it and takes FTS5's way, and the set is read behind it, one word after another, on a connection of
/// its own. One per archive file, bounded in memory.
/// </summary>
public sealed class CommonWordSets(string connectionString, long maxBytes) : IDisposable
{
    public const int Share = 32;

    /// <summary>
    /// A word held by one quote in this many or more is kept too once a search of common words has needed it (a
    /// prefix's less common words, say): read for each such search, the words of eight prefixes cost 58 ms on the
    /// full shape (bench/search-latency.cs).
    /// </summary>
    public const int KeptShare = 128;

    /// <summary>
    /// 224 words' sets at the full English shape (2.3 million quotes: 292 KB a set); a word that finds no room is
    /// left to FTS5. bench/search-latency.sh prints how many words an archive has that are common, and the app's memory
    /// after searching.
    /// </summary>
    public const long DefaultMaxBytes = 64L << 20;

    private readonly ConcurrentDictionary<string, RowidSet> kept = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> asked = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource closing = new();
    private readonly Lock gate = new();
    // A failed first read is not kept: the next search tries again.
    private readonly Lazy<long> lastRowid = new(() => LastRowid(connectionString), LazyThreadSafetyMode.PublicationOnly);
    private Task reading = Task.CompletedTask;
    private long claimedBytes;
    private int answered;

    public CommonWordSets(string connectionString) : this(connectionString, DefaultMaxBytes)
    {
    }

    /// <summary>How many words' sets are kept.</summary>
    public int Kept => kept.Count;

    /// <summary>How many searches the sets have answered.</summary>
    public int Answered => answered;

    internal void CountAnswer() => Interlocked.Increment(ref answered);

    /// <summary>How many quotes a word must be in to be common here.</summary>
    internal long CommonQuotes => Math.Max(lastRowid.Value / Share, 1);

    /// <summary>How many quotes a word must be in for its set to be kept once read.</summary>
    internal long KeptQuotes => Math.Max(lastRowid.Value / KeptShare, 1);

    /// <summary>Whether sets asked for are still being read: searches of their words take FTS5's way meanwhile.</summary>
    public bool Reading => !WhenReadAsync().IsCompleted;

    /// <summary>The sets asked for so far, read: what a test or a benchmark awaits rather than sleeping.</summary>
    public Task WhenReadAsync()
    {
        lock (gate)
            return reading;
    }

    internal bool TryGet(string match, out RowidSet set) => kept.TryGetValue(match, out set!);

    /// <summary>
    /// Asks for the sets of these common words (as <see cref="SearchTerm.ToMatch"/> writes them) to be read behind the
    /// search, while there is room for them.
    /// </summary>
    internal void Ask(IEnumerable<string> matches)
    {
        var bytes = RowidSet.BytesFor(lastRowid.Value);
        foreach (var match in matches)
        {
            if (!asked.TryAdd(match, true))
                continue;
            if (Interlocked.Add(ref claimedBytes, bytes) > maxBytes)
            {
                Interlocked.Add(ref claimedBytes, -bytes);
                asked.TryRemove(match, out _);
                return;
            }
            // Lazily cancelled: the chain ends when the read under way does, not when it is cancelled.
            lock (gate)
                reading = reading.ContinueWith(_ => Read(match, bytes), closing.Token, TaskContinuationOptions.LazyCancellation, TaskScheduler.Default);
        }
    }

    private void Read(string match, long bytes)
    {
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            kept[match] = Matches(connection, match, new RowidSet(lastRowid.Value), closing.Token);
        }
        catch (Exception)
        {
            // The file went, is being let go of, or could not be read: the word's room is given back, and a later
            // search may ask again. Nothing waits on this read to learn of it.
            Interlocked.Add(ref claimedBytes, -bytes);
            asked.TryRemove(match, out _);
        }
    }

    /// <summary>The matches of a word that is not common, read for one search, on its connection: to be disposed after it.</summary>
    internal async Task<RowidSet> ReadAsync(ArchiveDbContext db, string match, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return Matches((SqliteConnection)db.Database.GetDbConnection(), match, RowidSet.Rent(lastRowid.Value), cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static RowidSet Matches(SqliteConnection connection, string match, RowidSet set, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM QuotesFts WHERE QuotesFts MATCH $match";
        command.Parameters.Add(new SqliteParameter("$match", match));
        // Read synchronously: a row is a step of SQLite's, which ReadAsync only wraps in a task.
        using var reader = command.ExecuteReader();
        for (var rows = 1; reader.Read(); rows++)
        {
            set.Add(reader.GetInt64(0));
            if (rows % 65_536 == 0)
                cancellationToken.ThrowIfCancellationRequested();
        }
        return set;
    }

    private static long LastRowid(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(rowid), 0) FROM Quotes";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Its file is let go of: a read under way stops, none starts.</summary>
    public void Dispose() => closing.Cancel();
}
