using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>
/// A small real archive file written through EF Core with the production tables (the quotes' id its key rather than the
/// unique index the importer builds), so the deployment tests do not
/// depend on the content parsers. Synthetic strings only: no real quotation or attribution is made up here.
/// </summary>
internal static class DeployArchive
{
    public const string BuildId = "0123456789abcdef";

    /// <summary>The id of the quote of test topic <paramref name="topic"/>: eight characters of an id's alphabet, as real ids are.</summary>
    public static string QuoteId(int topic) =>
        "testq" + string.Concat(new[] { topic / 1024, topic / 32 % 32, topic % 32 }.Select(digit => "abcdefghijklmnopqrstuvwxyz234567"[digit % 32]));

    public static string Create(string directory, int topics = 2, params string[] errors) =>
        Write(Path.Combine(directory, "archive.db"), topics, errors, BuildId, "test");

    /// <summary>An archive whose every quote holds <paramref name="marker"/>, built as <paramref name="buildId"/>.</summary>
    public static string CreateMarked(string path, string buildId, string marker, int topics = 2) => Write(path, topics, [], buildId, marker);

    private static string Write(string path, int topics, string[] errors, string buildId, string marker)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        using var db = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(connectionString).Options);
        db.Database.EnsureCreated();
        for (var i = 1; i <= topics; i++)
        {
            var topic = new Topic
            {
                Slug = $"Test_topic_{i}",
                Title = $"Test topic {i}",
                Language = "en",
                SourceUrl = $"https://example.org/Test_topic_{i}",
                SourcePath = $"Test topic {i}.txt",
            };
            var section = new Section { Topic = topic, Anchor = "Quotes", Heading = "Quotes" };
            section.Quotes.Add(new Quote { Id = QuoteId(i), Topic = topic, Section = section, Text = $"Synthetic {marker} line {i}." });
            topic.Sections.Add(section);
            db.Topics.Add(topic);
        }
        foreach (var (error, line) in errors.Select((e, i) => (e, i + 1)))
            db.Diagnostics.Add(new ImportDiagnostic { File = "broken.txt", Line = line, Column = 1, Severity = "error", Message = error });
        db.Builds.Add(new ArchiveBuild
        {
            BuildId = buildId,
            BuiltAt = DateTimeOffset.UtcNow,
            Topics = topics,
            Sections = topics,
            Quotes = topics,
            Errors = errors.Length,
        });
        db.SaveChanges();
        // As the importer leaves it: EF Core creates SQLite files in WAL mode, which a reader cannot open
        // without writing -wal and -shm files beside the archive.
        // And with the schema version the web app checks before it serves a file.
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA journal_mode=DELETE; PRAGMA user_version={ArchiveSchema.Version};";
        command.ExecuteNonQuery();
        return path;
    }
}
