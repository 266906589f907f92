using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>
/// Topic and quote pages read through connections that keep their prepared statements between requests. They belong
/// to the file being served: a replaced archive's go with its last request, and hold no descriptor of the old file.
/// </summary>
[Collection(DeployCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class PreparedReadsTests
{
    [Fact]
    public async Task TheReplacedArchivesConnectionsCloseWithItsLastRequestAndPagesReadTheNewFile()
    {
        using var folder = new TemporaryFolder();
        var path = DeployArchive.CreateMarked(Path.Combine(folder.Path, "archive.db"), "aaaaaaaaaaaaaaaa", "markerone");
        var next = DeployArchive.CreateMarked(Path.Combine(folder.Path, "next", "archive.db"), "bbbbbbbbbbbbbbbb", "markertwo");
        await using var app = new DeployApp(path);
        using var client = app.CreateClient();
        // Read twice, the second time with the statements the first prepared.
        Assert.Contains("markerone", await client.GetStringAsync("/api/topics/Test_topic_1"));
        Assert.Contains("markerone", await client.GetStringAsync("/api/topics/Test_topic_2"));
        var replaced = ConnectionStringServed(app);
        var link = Assert.Single(Directory.GetFiles(folder.Path, ".archive.db.*.open"));
        // The requests' connection, given back with the statements of a topic's read prepared on it (its slug's lookup,
        // its outline, its quotes).
        var (pool, statements) = PreparedReads.Rent(replaced)!.Value;
        Assert.InRange(statements.Prepared, 3, 10);
        pool.Return(statements);
        Assert.Contains(link, OpenFiles());

        File.Move(next, path, overwrite: true);
        app.Archive.Refresh();

        Assert.Contains("markertwo", await client.GetStringAsync("/api/topics/Test_topic_1"));
        Assert.Null(PreparedReads.For(replaced));
        Assert.DoesNotContain(OpenFiles(), f => f.StartsWith(link, StringComparison.Ordinal));
        Assert.NotNull(PreparedReads.For(ConnectionStringServed(app)));
    }

    [Fact]
    public void ACommandAskedForAgainIsTheOneMadeFirstWithoutItsParameters()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var statements = ArchiveStatements.On(connection))
        {
            var first = statements.Command("SELECT $a + 1");
            first.Parameters.AddWithValue("$a", 1);
            Assert.Equal(2L, first.ExecuteScalar());

            var again = statements.Command("SELECT $a + 1");
            Assert.Same(first, again);
            Assert.Empty(again.Parameters);
            again.Parameters.AddWithValue("$a", 41);
            Assert.Equal(42L, again.ExecuteScalar());
            Assert.NotSame(first, statements.Command("SELECT $a + 2"));
        }
        // Commands on a connection it did not open go with it; the connection stays open for its owner.
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
    }

    private static string ConnectionStringServed(DeployApp app)
    {
        using var request = app.Services.CreateScope();
        return request.ServiceProvider.GetRequiredService<ArchiveLease>().Generation!.ConnectionString;
    }

    // What this process's file descriptors point at (a deleted file's name ends in " (deleted)").
    private static List<string> OpenFiles() =>
        Directory.GetFiles("/proc/self/fd").Select(fd => new FileInfo(fd).LinkTarget).OfType<string>().ToList();
}
