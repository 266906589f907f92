using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Archive;

/// <summary>Reads with data readers, where EF's work per query cost more than the SQL.</summary>
internal static class ArchiveConnection
{
    /// <summary>
    /// Reads with a connection of the archive file the context reads that keeps its prepared statements
    /// (<see cref="PreparedReads"/>); else (a file opened without a link of its own, a context on a connection string of
    /// its own, an archive closed while the app stops) on the context's connection, opened for the read and closed
    /// after, as EF does around each of its queries.
    /// </summary>
    public static async Task<T> ReadAsync<T>(this ArchiveDbContext db, Func<ArchiveStatements, Task<T>> read, CancellationToken cancellationToken)
    {
        if (PreparedReads.Rent(db.ConnectionString) is ({ } pool, { } rented))
        {
            try
            {
                var result = await read(rented);
                pool.Return(rented);
                return result;
            }
            catch (OperationCanceledException)
            {
                pool.Return(rented); // thrown before a statement ran, or after its reader was disposed: nothing left half-read
                throw;
            }
            catch
            {
                rented.Dispose(); // not given back in a state no one knows
                throw;
            }
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            using var statements = ArchiveStatements.On((SqliteConnection)db.Database.GetDbConnection());
            return await read(statements);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static string? GetStringOrNull(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A topic's revision from its <c>RevisionId</c> and, next to it, <c>RevisionTimestamp</c>; null when it has none.</summary>
    public static RevisionView? GetRevisionOrNull(this SqliteDataReader reader, int revisionIdOrdinal, string? license) =>
        reader.IsDBNull(revisionIdOrdinal) ? null : new RevisionView
        {
            Id = reader.GetInt64(revisionIdOrdinal),
            Timestamp = reader.IsDBNull(revisionIdOrdinal + 1) ? default : reader.GetDateTimeOffset(revisionIdOrdinal + 1),
            License = license ?? RevisionView.DefaultLicense,
        };
}
