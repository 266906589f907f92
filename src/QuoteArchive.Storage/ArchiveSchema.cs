using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
    public const int Version = 1583385606;

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

    /// <summary>
    /// The script that creates the archive's tables and their indexes: EF Core's, but for the quotes' key, a unique
    /// index rather than the table's primary key. A quote's id is a hash: kept in order as the rows are written, it was
    /// a random insert into a growing index for every quote of an import, and the most of the writer's time in SQLite
    /// (bench/README.md, "Import of a dump"). Created with the other indexes, it is built once, over the rows written,
    /// and the importer keeps the ids unique meanwhile. Queries and foreign keys use it as they used the key.
    /// </summary>
    public static string CreateScript(DatabaseFacade database)
    {
        var script = database.GenerateCreateScript().ReplaceLineEndings("\n");
        const string QuoteKey = "\"Id\" TEXT NOT NULL CONSTRAINT \"PK_Quotes\" PRIMARY KEY,";
        if (!script.Contains(QuoteKey, StringComparison.Ordinal))
            throw new InvalidOperationException($"EF Core no longer creates the quotes' key as {QuoteKey}");
        return script.Replace(QuoteKey, "\"Id\" TEXT NOT NULL,", StringComparison.Ordinal)
               + "CREATE UNIQUE INDEX \"PK_Quotes\" ON \"Quotes\" (\"Id\");\n";
    }

    /// <summary>The hash <see cref="Version"/> must equal: of the script that creates the schema, tables and search index.</summary>
    public static int VersionOfTheModel()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        using var context = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(connection).Options);
        // One line ending on every platform, so that a Windows build computes the same version.
        var script = (CreateScript(context.Database) + SearchIndex.Schema).ReplaceLineEndings("\n");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(script));
        return BinaryPrimitives.ReadInt32LittleEndian(hash) & int.MaxValue;
    }
}
