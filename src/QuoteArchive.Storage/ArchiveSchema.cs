using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage.Search;

namespace QuoteArchive.Storage;

/// <summary>
/// Which schema an archive file was built with, kept in SQLite's <c>PRAGMA user_version</c>. It is a hash of the
/// schema itself (<see cref="VersionOfTheModel"/>), so an archive built by an older QuoteArchive is recognised
/// without anyone deciding to bump a number.
/// </summary>
public static class ArchiveSchema
{
    // Written down rather than hashed at start: hashing builds the EF model and its create script, a quarter of a
    // second before the web app could serve its first page (bench/README.md). A test fails with the new value
    // whenever the model or the search index's schema changes.
    public const int Version = 873323548;

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

    /// <summary>The hash <see cref="Version"/> must equal: of the script that creates the schema, tables and search index.</summary>
    public static int VersionOfTheModel()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        using var context = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(connection).Options);
        // One line ending on every platform, so that a Windows build computes the same version.
        var script = (context.Database.GenerateCreateScript() + SearchIndex.Schema).ReplaceLineEndings("\n");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(script));
        return BinaryPrimitives.ReadInt32LittleEndian(hash) & int.MaxValue;
    }
}
