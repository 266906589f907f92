using System.Net;
using System.Runtime.Versioning;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>
/// Replicas share one archive file on a read-only mount (or inside a read-only image): the app must open it
/// without writing anything beside it, and serve an archive built in advance when no own content is mounted.
/// </summary>
[Collection(DeployCollection.Name)]
public sealed class ReadOnlyArchiveTests
{
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task AppStartsAndServesFromAReadOnlyArchiveInAReadOnlyFolder()
    {
        using var folder = new TemporaryFolder();
        var archiveFolder = Path.Combine(folder.Path, "archive");
        var archive = DeployArchive.Create(archiveFolder);
        File.SetUnixFileMode(archive, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(archiveFolder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var before = File.GetLastWriteTimeUtc(archive);

        await using (var app = new DeployApp(archive, ("Archive:ImportOnStart", "true")))
        {
            var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        }

        // No -journal, -wal or -shm file appeared, and the archive was not touched.
        Assert.Equal(["archive.db"], Directory.GetFiles(archiveFolder).Select(Path.GetFileName));
        Assert.Equal(before, File.GetLastWriteTimeUtc(archive));
    }

    // An import at start that cannot write its archive (here its folder is a file) is logged; the app still starts,
    // and says it has no archive rather than crashing.
    [Fact]
    public async Task AnImportAtStartThatCannotBeWrittenIsLoggedAndTheAppStarts()
    {
        using var folder = new TemporaryFolder();
        var content = Directory.CreateDirectory(Path.Combine(folder.Path, "content")).FullName;
        File.WriteAllText(Path.Combine(content, "A topic.txt"), "A topic\n\nQuotes\n\n  • A synthetic line.\n");
        File.WriteAllText(Path.Combine(folder.Path, "not-a-folder"), "");

        await using var app = new DeployApp(Path.Combine(folder.Path, "not-a-folder", "archive.db"),
            ("Archive:ImportOnStart", "true"), ("Archive:ContentPath", content));
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/")).StatusCode);
        Assert.Contains(app.Log.Messages(), m => m.Contains("could not be written", StringComparison.Ordinal));
    }

    // An archive imported ahead of time and mounted where the app keeps its own is served, not the image's.
    [Fact]
    public async Task AnArchiveOfOnesOwnIsServedRatherThanTheBundledOne()
    {
        using var folder = new TemporaryFolder();
        var bundled = DeployArchive.Create(Path.Combine(folder.Path, "app", "archive"), topics: 4);
        var own = DeployArchive.Create(Path.Combine(folder.Path, "data"), topics: 7);
        var content = Directory.CreateDirectory(Path.Combine(folder.Path, "content")).FullName;

        await using var app = new DeployApp(own,
            ("Archive:ImportOnStart", "true"), ("Archive:ContentPath", content), ("Archive:BundledDatabasePath", bundled));
        var response = await app.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var archive = (await HealthTests.ReadJsonAsync(response)).GetProperty("checks").GetProperty("archive");
        Assert.Equal(7, archive.GetProperty("data").GetProperty("topics").GetInt32());
    }

    [Fact]
    public async Task BundledArchiveIsServedWhenTheContentFolderIsEmpty()
    {
        using var folder = new TemporaryFolder();
        var bundled = DeployArchive.Create(Path.Combine(folder.Path, "app", "archive"), topics: 4);
        var content = Directory.CreateDirectory(Path.Combine(folder.Path, "content")).FullName;
        File.WriteAllText(Path.Combine(content, "README.md"), "A README describes the folder and is no topic.");
        var data = Path.Combine(folder.Path, "data", "archive.db");

        await using var app = new DeployApp(data,
            ("Archive:ImportOnStart", "true"), ("Archive:ContentPath", content), ("Archive:BundledDatabasePath", bundled));
        var response = await app.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var archive = (await HealthTests.ReadJsonAsync(response)).GetProperty("checks").GetProperty("archive");
        Assert.Equal(4, archive.GetProperty("data").GetProperty("topics").GetInt32());
        Assert.False(Directory.Exists(Path.GetDirectoryName(data)), "nothing is imported or written when no content is mounted");
    }
}
