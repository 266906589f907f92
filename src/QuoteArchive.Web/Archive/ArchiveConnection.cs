using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Archive;

/// <summary>Reads with a data reader on the context's own connection, where EF's work per query cost more than the SQL.</summary>
internal static class ArchiveConnection
{
    /// <summary>Opens the context's connection for the read and closes it after, as EF does around each of its queries.</summary>
    public static async Task<T> ReadAsync<T>(this ArchiveDbContext db, Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await read((SqliteConnection)db.Database.GetDbConnection());
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
