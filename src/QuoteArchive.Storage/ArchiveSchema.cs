using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage.Search;

namespace QuoteArchive.Storage;

/// <summary>
/// Which schema an archive file was built with, kept in SQLite's <c>PRAGMA user_version</c>. It is derived from
/// the schema itself, so an archive built by an older QuoteArchive is recognised without anyone bumping a number.
/// </summary>
public static class ArchiveSchema
{
    public static int Version { get; } = Compute();

    /// <summary>The version stored in an archive file, or null when the file is missing or no SQLite archive.</summary>
    public static int? ReadVersion(string databasePath)
    {
        if (!File.Exists(databasePath))
            return null;
        try
        {
            using var connection = new SqliteConnection(ArchiveDbContext.ReadOnlyConnectionString(databasePath));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version";
            return Convert.ToInt32(command.ExecuteScalar());
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>The import options an archive file records (<see cref="ArchiveBuild.ImportOptions"/>), or null.</summary>
    public static string? ReadImportOptions(string databasePath)
    {
        try
        {
            using var connection = new SqliteConnection(ArchiveDbContext.ReadOnlyConnectionString(databasePath));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT ImportOptions FROM Builds ORDER BY Id LIMIT 1";
            return command.ExecuteScalar() as string;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>The content files an archive file was built from (<see cref="ManifestFile"/>), or null when it has no manifest.</summary>
    public static IReadOnlyList<ManifestFile>? ReadManifest(string databasePath)
    {
        try
        {
            using var context = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>()
                .UseSqlite(ArchiveDbContext.ReadOnlyConnectionString(databasePath)).Options);
            return context.Manifest.AsNoTracking().ToList();
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private static int Compute()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        using var context = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(connection).Options);
        var script = context.Database.GenerateCreateScript() + SearchIndex.Schema;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(script));
        return BinaryPrimitives.ReadInt32LittleEndian(hash) & int.MaxValue;
    }
}
