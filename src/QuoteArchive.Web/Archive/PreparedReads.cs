using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.ObjectPool;

namespace QuoteArchive.Web.Archive;

/// <summary>
/// For each archive file being served, connections that keep their prepared statements between requests
/// (<see cref="ArchiveStatements"/>), found by the connection string a request's context has: a file opened through a
/// link of its own has a connection string no other one shares. Opened with the file, closed with it, once its
/// requests are done.
/// </summary>
internal static class PreparedReads
{
    private static readonly ConcurrentDictionary<string, ObjectPool<ArchiveStatements>> Pools = new(StringComparer.Ordinal);

    // Requests read on the thread pool's threads, synchronously (Microsoft.Data.Sqlite): about as many at once as there
    // are cores, more when the pool has added threads under load. Those kept beyond that would only hold more of
    // SQLite's page caches; one made anew prepares its statements anew.
    private static readonly DefaultObjectPoolProvider Provider = new() { MaximumRetained = 4 * Environment.ProcessorCount };

    public static void Open(string connectionString) =>
        Pools.TryAdd(connectionString, Provider.Create(new Policy(connectionString)));

    /// <summary>Closes the connections kept, if the file has any; one still in use is closed when it is given back.</summary>
    public static void Close(string connectionString)
    {
        if (Pools.TryRemove(connectionString, out var pool))
            (pool as IDisposable)?.Dispose();
    }

    /// <summary>
    /// Called with each connection opened here, before its first statement: tests trace what it runs. One for the
    /// process, as the pools are.
    /// </summary>
    internal static Action<SqliteConnection>? Opened { get; set; }

    public static ObjectPool<ArchiveStatements>? For(string? connectionString) =>
        connectionString is not null && Pools.TryGetValue(connectionString, out var pool) ? pool : null;

    /// <summary>A connection of the file's pool, to give back to it; null when the file has none, or no longer has.</summary>
    public static (ObjectPool<ArchiveStatements> Pool, ArchiveStatements Statements)? Rent(string? connectionString)
    {
        if (For(connectionString) is not { } pool)
            return null;
        try
        {
            return (pool, pool.Get());
        }
        catch (ObjectDisposedException)
        {
            return null; // closed while the app stops, with requests still running
        }
    }

    private sealed class Policy(string connectionString) : IPooledObjectPolicy<ArchiveStatements>
    {
        public ArchiveStatements Create()
        {
            var statements = ArchiveStatements.Open(connectionString);
            try
            {
                Opened?.Invoke(statements.Connection);
            }
            catch
            {
                statements.Dispose();
                throw;
            }
            return statements;
        }

        public bool Return(ArchiveStatements statements) => true;
    }
}
