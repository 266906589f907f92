using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage.Search;

namespace QuoteArchive.Importer;

/// <summary>
/// The quotes' search index, built on a thread and in a database file of its own while the writer writes the
/// archive: the writer hands over each quote's row as it writes it, then the rows the author index named otherwise,
/// and the index is merged while the writer builds the archive's indexes. Built after them, from the archive, it took a third of a
/// full-shape import on one core while the other had nothing to do.
/// </summary>
internal sealed class BackgroundSearchIndex : IDisposable
{
    // Rows go over in batches: handed over one by one, each quote woke the index's thread that had caught up. Now and
    // then FTS5 merges the segments it wrote (crisismerge) and keeps its thread for a while: the writer goes
    // on meanwhile, up to this many batches (65,536 quotes) ahead; at 16 it waited, and the parsers behind it
    // (bench/README.md, "Import of a dump").
    private const int BatchesAhead = 128;
    private readonly Channel<SearchRowBatch> rows = Channel.CreateBounded<SearchRowBatch>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
    private readonly ConcurrentQueue<SearchRowBatch> emptied = new();
    private SearchRowBatch batch = new();
    private readonly TaskCompletionSource<IReadOnlyList<QuoteIndexedAgain>> indexedAgain = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource abandon = new();
    private readonly Task building;

    /// <summary>The database file the index is built in; deleted by the caller with the archive's temporary file.</summary>
    public string Path { get; }

    public BackgroundSearchIndex(string path)
    {
        Path = path;
        building = Task.Factory.StartNew(Build, TaskCreationOptions.LongRunning);
    }

    /// <summary>Adds a quote, as QuotesFtsContent will show it, by the rowid it was written with.</summary>
    public void Add(long rowId, string text, List<ParsedAttributionLine> attribution, string? author, string title)
    {
        batch.Add(rowId, text, attribution, author, title);
        if (batch.IsFull)
            HandOver();
    }

    private void HandOver()
    {
        var full = batch;
        batch = emptied.TryDequeue(out var empty) ? empty : new();
        if (!rows.Writer.TryWrite(full))
            rows.Writer.WriteAsync(full).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Says that every quote has been added.</summary>
    public void Complete()
    {
        HandOver();
        rows.Writer.TryComplete();
    }

    /// <summary>
    /// Hands over the quotes to be indexed with another author than they were added with; the index is then merged,
    /// on its thread.
    /// </summary>
    public void IndexAgain(IReadOnlyList<QuoteIndexedAgain> quotes)
    {
        // What went wrong on its thread while the rows went in is reported now, not after the archive's indexes.
        if (building.IsFaulted)
            Wait();
        indexedAgain.TrySetResult(quotes);
    }

    /// <summary>Waits for the index to be complete and merged; rethrows what went wrong on its thread.</summary>
    public void Wait() => building.GetAwaiter().GetResult();

    private void Build()
    {
        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            // Abandoned while it merges (the import stopped): the merge stops too, rather than running on for seconds.
            using var interrupt = abandon.Token.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
            using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;";
                pragmas.ExecuteNonQuery();
            }
            SearchIndex.CreateApart(connection);
            using var transaction = connection.BeginTransaction();
            using (var insert = new PreparedStatement(connection, "QuotesFts", "INSERT INTO QuotesFts(rowid, text, attribution, author, title) VALUES (?, ?, ?, ?, ?)"))
            {
                while (rows.Reader.WaitToReadAsync(abandon.Token).AsTask().GetAwaiter().GetResult())
                {
                    while (rows.Reader.TryRead(out var added))
                    {
                        abandon.Token.ThrowIfCancellationRequested();
                        for (var row = 0; row < added.Count; row++)
                        {
                            added.Bind(row, insert);
                            insert.Run();
                        }
                        added.Clear();
                        emptied.Enqueue(added);
                    }
                }
            }
            // An interrupt reaches only a statement that runs: between statements the thread looks for itself.
            abandon.Token.ThrowIfCancellationRequested();
            SearchIndex.ListWordsApart(connection, transaction);
            SearchIndex.IndexAgainApart(connection, transaction, indexedAgain.Task.WaitAsync(abandon.Token).GetAwaiter().GetResult(), abandon.Token);
            abandon.Token.ThrowIfCancellationRequested();
            SearchIndex.MergeApart(connection, transaction);
            transaction.Commit();
        }
        catch (Exception ex)
        {
            // The writer learns of it at its next quote.
            rows.Writer.TryComplete(ex);
            throw;
        }
    }

    public void Dispose()
    {
        abandon.Cancel();
        rows.Writer.TryComplete();
        try
        {
            building.Wait();
        }
        catch (AggregateException)
        {
            // Abandoned (the import stopped or failed), or already rethrown by Wait.
        }
        abandon.Dispose();
    }
}
