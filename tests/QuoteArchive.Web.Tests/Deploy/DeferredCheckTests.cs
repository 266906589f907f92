using System.Net;
using Microsoft.Data.Sqlite;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>
/// The archive found at start is served once its header, schema and build are read; its every page is checked right
/// after, in the background (<c>CurrentArchive.DeferredCheck</c>, which the tests await rather than sleep).
/// </summary>
[Collection(DeployCollection.Name)]
public sealed class DeferredCheckTests
{
    private static readonly TimeSpan CheckTime = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AHealthyArchiveIsStillServedOnceItsCheckHasPassed()
    {
        using var folder = new TemporaryFolder();
        var path = DeployArchive.Create(folder.Path, topics: 200);
        await using var app = new DeployApp(path);
        using var client = app.CreateClient();

        await app.Archive.DeferredCheck.WaitAsync(CheckTime);

        using var page = await client.GetAsync("/wiki/Test_topic_150");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(app.Archive.Problem);
        Assert.True(app.Archive.Generation?.LongestQuote > 0);
        Assert.DoesNotContain(app.Log.Messages(), m => m.StartsWith("No archive to serve", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnArchiveDamagedInsideIsServedAtStartAndWithdrawnOnceItsCheckFails()
    {
        using var folder = new TemporaryFolder();
        var path = DeployArchive.Create(folder.Path, topics: 200);
        DamagedArchive.Overwrite(path, DamagedArchive.PageCount(path));
        Assert.NotEqual("ok", DamagedArchive.QuickCheck(path));

        await using var app = new DeployApp(path);
        using var client = app.CreateClient();
        await app.Archive.DeferredCheck.WaitAsync(CheckTime);

        await UnavailableAnswers.AssertAsync(client, "/wiki/Test_topic_1", "/api/topics");
        using var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("corrupt", app.Archive.Problem);
        Assert.Null(app.Archive.Generation);
        // Served first (its header, schema and build read well), then withdrawn, each said once.
        var messages = app.Log.Messages().ToList();
        var served = messages.FindIndex(m => m.StartsWith("Serving archive build", StringComparison.Ordinal));
        var withdrawn = messages.FindIndex(m => m.StartsWith("No archive to serve", StringComparison.Ordinal));
        Assert.InRange(served, 0, withdrawn - 1);
        Assert.Single(messages, m => m.StartsWith("No archive to serve", StringComparison.Ordinal));
        // Its link went with it: nothing holds the damaged file open.
        Assert.Empty(Directory.GetFiles(folder.Path, ".archive.db.*.open"));
    }

    [Fact]
    public async Task AReadThatFindsTheFileDamagedAnswers503NotAnError()
    {
        using var folder = new TemporaryFolder();
        var path = DeployArchive.Create(folder.Path, topics: 200);
        await using var app = new DeployApp(path, ("Archive:CheckInterval", "01:00:00"));
        using var client = app.CreateClient();
        await app.Archive.DeferredCheck.WaitAsync(CheckTime);

        // Damage found by a read before the check gets to it (or, as here, after it): the quotes' table, in the file
        // the server has open, before any request has read it.
        DamagedArchive.Overwrite(path, DamagedArchive.RootPage(path, "Quotes"));

        for (var i = 0; i < 2; i++)
            await UnavailableAnswers.AssertAsync(client, "/wiki/Test_topic_1", "/api/quotes/" + DeployArchive.QuoteId(2));
        Assert.Single(app.Log.Messages(), m => m.StartsWith("A read from the archive", StringComparison.Ordinal));
    }
}

/// <summary>Damage inside a real archive file that leaves its header, schema and build row readable.</summary>
internal static class DamagedArchive
{
    /// <summary>Writes a fixed pattern over a whole page (numbered from 1) of the file, in place.</summary>
    public static void Overwrite(string path, long page)
    {
        var size = Convert.ToInt64(Scalar(path, "PRAGMA page_size"));
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        file.Position = (page - 1) * size;
        file.Write(Enumerable.Range(0, (int)size).Select(i => (byte)(i * 7919 % 251 + 3)).ToArray());
    }

    public static long PageCount(string path) => Convert.ToInt64(Scalar(path, "PRAGMA page_count"));

    public static long RootPage(string path, string table) =>
        Convert.ToInt64(Scalar(path, $"SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = '{table}'"));

    /// <summary>quick_check's answer: "ok", what it found, or the error it stopped on.</summary>
    public static string? QuickCheck(string path)
    {
        try
        {
            return Scalar(path, "PRAGMA quick_check(1)") as string;
        }
        catch (SqliteException ex)
        {
            return ex.Message;
        }
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
