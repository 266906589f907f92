using System.Collections.Concurrent;
using System.Net;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>
/// The archive file as operators and accidents leave it: missing, random bytes, half copied, replaced under a
/// running server, or imported by two replicas at once.
/// </summary>
[Collection(DeployCollection.Name)]
public sealed class ArchiveFileTests
{
    [Theory]
    [InlineData("missing")]
    [InlineData("random bytes")]
    [InlineData("unreadable")]
    public async Task WithoutAnArchivePagesAndApiAnswer503SteadilyAndItIsLoggedOnce(string state)
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "archive.db");
        if (state == "random bytes")
            File.WriteAllBytes(path, Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7919 % 251)).ToArray());
        if (state == "unreadable")
        {
            File.Copy(DeployArchive.Create(Path.Combine(folder.Path, "good")), path);
            if (OperatingSystem.IsWindows() || Environment.UserName == "root")
                return; // root reads any file
            File.SetUnixFileMode(path, UnixFileMode.None);
        }
        await using var app = new DeployApp(path);
        using var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            await UnavailableAnswers.AssertAsync(client, "/wiki/Test_topic_1", "/api/topics");
            using var ready = await client.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var alive = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
            app.Archive.Refresh();
        }

        var expected = state switch { "missing" => "missing", "random bytes" => "corrupt", _ => "unreadable" };
        Assert.Equal(expected, app.Archive.Problem);
        Assert.Single(app.Log.Messages(), m => m.StartsWith("No archive to serve", StringComparison.Ordinal));
        // Each 503 is a warning of the request log: the cause is the one line above, not an error per request.
        var answered = app.Log.LastRequest("/wiki/Test_topic_1");
        Assert.Equal(Serilog.Events.LogEventLevel.Warning, answered?.Level);
        Assert.DoesNotContain(app.Log.Messages(), m => m.Contains("   at ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("random bytes")]
    [InlineData("another schema")]
    public async Task ABrokenReplacementIsRefusedAndTheArchiveItHadIsStillServed(string replacement)
    {
        using var folder = new TemporaryFolder();
        var path = DeployArchive.CreateMarked(Path.Combine(folder.Path, "archive.db"), "aaaaaaaaaaaaaaaa", "markerone");
        await using var app = new DeployApp(path);
        using var client = app.CreateClient();
        Assert.Contains("markerone", await client.GetStringAsync("/api/topics/Test_topic_1"));

        var next = DeployArchive.CreateMarked(Path.Combine(folder.Path, "next", "archive.db"), "bbbbbbbbbbbbbbbb", "markertwo", topics: 200);
        var bytes = File.ReadAllBytes(next);
        var broken = Path.Combine(folder.Path, "next", "broken.db");
        if (replacement == "truncated")
            File.WriteAllBytes(broken, bytes[..(bytes.Length / 2)]);
        else if (replacement == "random bytes")
            File.WriteAllBytes(broken, Enumerable.Range(0, bytes.Length).Select(i => (byte)(i * 31 % 253)).ToArray());
        else
        {
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={next};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA user_version = 1";
                command.ExecuteNonQuery();
            }
            File.Copy(next, broken);
        }
        File.Move(broken, path, overwrite: true);
        app.Archive.Refresh();
        app.Archive.Refresh();

        using var topic = await client.GetAsync("/api/topics/Test_topic_1");
        Assert.Equal(HttpStatusCode.OK, topic.StatusCode);
        Assert.Contains("markerone", await topic.Content.ReadAsStringAsync());
        using var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var archive = (await HealthTests.ReadJsonAsync(ready)).GetProperty("checks").GetProperty("archive");
        Assert.Equal("Degraded", archive.GetProperty("status").GetString());
        Assert.Equal(replacement == "another schema" ? "outdated" : "corrupt", archive.GetProperty("reason").GetString());
        Assert.Single(app.Log.Messages(), m => m.Contains("still serving build", StringComparison.Ordinal) && m.Contains("aaaaaaaaaaaaaaaa", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASwapUnderLoadServesEveryResponseWhollyFromOneArchiveWithoutErrors()
    {
        using var folder = new TemporaryFolder();
        var path = DeployArchive.CreateMarked(Path.Combine(folder.Path, "archive.db"), "aaaaaaaaaaaaaaaa", "markerone", topics: 50);
        var next = DeployArchive.CreateMarked(Path.Combine(folder.Path, "next", "archive.db"), "bbbbbbbbbbbbbbbb", "markertwo", topics: 60);
        await using var app = new DeployApp(path);
        using var client = app.CreateClient();
        string[] paths = ["/wiki/Test_topic_7", "/api/topics/Test_topic_7", "/api/quotes/" + DeployArchive.QuoteId(3), "/", "/api/random?topic=Test_topic_3"];

        const int total = 2400, swapAfter = 800;
        var done = 0;
        var failures = new ConcurrentBag<string>();
        var seen = new ConcurrentDictionary<string, int>();
        using var swapNow = new SemaphoreSlim(0);
        var swap = Task.Run(async () =>
        {
            await swapNow.WaitAsync();
            File.Move(next, path, overwrite: true);
            app.Archive.Refresh();
        });
        await Parallel.ForAsync(0, total, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, cancellation) =>
        {
            // Half of the requests miss the output cache, so they read the database.
            var url = paths[i % paths.Length] + (i % 2 == 0 ? "" : (paths[i % paths.Length].Contains('?') ? "&" : "?") + "n=" + i);
            using var response = await client.GetAsync(url, cancellation);
            var body = await response.Content.ReadAsStringAsync(cancellation);
            var alpha = body.Contains("markerone", StringComparison.Ordinal);
            var beta = body.Contains("markertwo", StringComparison.Ordinal);
            var etag = response.Headers.ETag?.Tag ?? "";
            if (!response.IsSuccessStatusCode)
                failures.Add($"{url}: {(int)response.StatusCode}");
            else if (alpha == beta)
                failures.Add($"{url}: alpha {alpha}, beta {beta}");
            else if (etag.Length > 0 && etag.Contains(alpha ? "bbbbbbbbbbbbbbbb" : "aaaaaaaaaaaaaaaa", StringComparison.Ordinal))
                failures.Add($"{url}: {(alpha ? "markerone" : "markertwo")} with tag {etag}");
            seen.AddOrUpdate(alpha ? "markerone" : "markertwo", 1, (_, n) => n + 1);
            if (Interlocked.Increment(ref done) == swapAfter)
                swapNow.Release();
        });
        await swap;

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20)));
        Assert.True(seen.GetValueOrDefault("markerone") >= swapAfter / 2, $"alpha {seen.GetValueOrDefault("markerone")}");
        Assert.True(seen.GetValueOrDefault("markertwo") > 0, "no response from the new archive");
        // After the swap every new request, cached pages included, comes from the new archive with its tags.
        foreach (var url in paths)
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("markertwo", body);
            Assert.DoesNotContain("markerone", body);
        }
        using var page = await client.GetAsync("/wiki/Test_topic_55");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("bbbbbbbbbbbbbbbb", page.Headers.ETag?.Tag);
        // The old file's link went with its last request: only the current one is left beside the archive.
        Assert.Single(Directory.GetFiles(folder.Path, ".archive.db.*.open"));
    }

    [Fact]
    public async Task AnImportWaitsForAnotherProcessImportingIntoTheSameFileAndServesWhatIsThere()
    {
        using var folder = new TemporaryFolder();
        var path = DeployArchive.CreateMarked(Path.Combine(folder.Path, "data", "archive.db"), "aaaaaaaaaaaaaaaa", "markerone");
        var content = Directory.CreateDirectory(Path.Combine(folder.Path, "content")).FullName;
        File.Copy(Path.Combine(ArchiveApp.ContentPath, "Warmness.txt"), Path.Combine(content, "Warmness.txt"));
        var before = File.ReadAllBytes(path);

        // Another replica holds the lock, as ArchiveSetup takes it.
        await using (var other = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            await using var app = new DeployApp(path, ("Archive:ImportOnStart", "true"), ("Archive:ContentPath", content),
                ("Archive:ImportLockTimeout", "00:00:00"));
            using var client = app.CreateClient();

            Assert.Contains("markerone", await client.GetStringAsync("/api/topics/Test_topic_1"));
            Assert.Contains(app.Log.Messages(), m => m.StartsWith("Another process has been importing", StringComparison.Ordinal));
            Assert.Equal(before, File.ReadAllBytes(path));
        }

        // Once it is free, the import runs.
        await using var later = new DeployApp(path, ("Archive:ImportOnStart", "true"), ("Archive:ContentPath", content));
        Assert.Equal(HttpStatusCode.OK, (await later.CreateClient().GetAsync("/wiki/Warmness")).StatusCode);
    }
}
