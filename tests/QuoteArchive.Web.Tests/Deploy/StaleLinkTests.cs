using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>
/// A process killed before it could delete its hard link to the archive (<c>.archive.db.{guid}.open</c>) leaves it
/// behind; once the archive is replaced, such a link keeps the old file on disk. The app removes them when it opens
/// a file, and leaves links to the file it serves.
/// </summary>
[Collection(DeployCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class StaleLinkTests
{
    [Fact]
    public async Task AtStartAStaleLinkToAnOldArchiveIsRemovedAndOneToTheServedArchiveKept()
    {
        using var folder = new TemporaryFolder();
        var path = DeployArchive.CreateMarked(Path.Combine(folder.Path, "archive.db"), "aaaaaaaaaaaaaaaa", "markerone");
        var old = DeployArchive.CreateMarked(Path.Combine(folder.Path, "old", "archive.db"), "cccccccccccccccc", "markerold", topics: 20);
        var toOld = LinkOfADeadProcess(old, path);
        var toServed = LinkOfADeadProcess(path, path);
        // A link of another archive in the same folder (archive.db.bak) is not this archive's to remove.
        var ofAnotherArchive = Path.Combine(folder.Path, $".archive.db.bak.{Guid.NewGuid():N}.open");
        Assert.Equal(0, CurrentArchive.HardLink(old, ofAnotherArchive));
        var oldLength = new FileInfo(old).Length;
        File.Delete(old);

        await using var app = new DeployApp(path);
        using var client = app.CreateClient();
        Assert.Contains("markerone", await client.GetStringAsync("/api/topics/Test_topic_1"));

        Assert.False(File.Exists(toOld), "the link to the old archive is left");
        Assert.True(File.Exists(toServed), "the link to the archive served is removed");
        Assert.True(File.Exists(ofAnotherArchive), "another archive's link is removed");
        Assert.Single(app.Log.Messages(), m => m.StartsWith("Stale links beside", StringComparison.Ordinal)
            && m.Contains("removed: 1,", StringComparison.Ordinal) && m.Contains($"kept {oldLength} bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AtASwitchAStaleLinkToTheReplacedArchiveIsRemovedAndTheAppsOwnGoesWithItsLastLease()
    {
        using var folder = new TemporaryFolder();
        var path = DeployArchive.CreateMarked(Path.Combine(folder.Path, "archive.db"), "aaaaaaaaaaaaaaaa", "markerone");
        var next = DeployArchive.CreateMarked(Path.Combine(folder.Path, "next", "archive.db"), "bbbbbbbbbbbbbbbb", "markertwo", topics: 20);
        await using var app = new DeployApp(path);
        using var client = app.CreateClient();
        Assert.Contains("markerone", await client.GetStringAsync("/api/topics/Test_topic_1"));
        var own = Assert.Single(Directory.GetFiles(folder.Path, ".archive.db.*.open"));
        // Left by a process that was killed while it served the same file: harmless until the file is replaced.
        var dead = LinkOfADeadProcess(path, path);
        var replacedLength = new FileInfo(path).Length;

        // A request that began before the switch still reads the replaced archive, through the app's own link.
        using (var request = app.Services.CreateScope())
        {
            Assert.NotNull(request.ServiceProvider.GetRequiredService<ArchiveLease>().Generation);
            File.Move(next, path, overwrite: true);
            app.Archive.Refresh();

            Assert.Contains("markertwo", await client.GetStringAsync("/api/topics/Test_topic_1"));
            Assert.False(File.Exists(dead), "the dead process's link to the replaced archive is left");
            Assert.True(File.Exists(own), "the link a request still reads through is removed");
            Assert.Equal(2, Directory.GetFiles(folder.Path, ".archive.db.*.open").Length);
            Assert.Single(app.Log.Messages(), m => m.StartsWith("Stale links beside", StringComparison.Ordinal)
                && m.Contains("removed: 1,", StringComparison.Ordinal) && m.Contains($"kept {replacedLength} bytes", StringComparison.Ordinal));
        }

        Assert.False(File.Exists(own), "the app's link to the replaced archive outlived its last request");
        Assert.Single(Directory.GetFiles(folder.Path, ".archive.db.*.open"));
        Assert.Contains("markertwo", await client.GetStringAsync("/api/topics/Test_topic_2"));
    }

    // As CurrentArchive names its links, beside the archive.
    private static string LinkOfADeadProcess(string target, string archive)
    {
        var link = Path.Combine(Path.GetDirectoryName(archive)!, $".{Path.GetFileName(archive)}.{Guid.NewGuid():N}.open");
        Assert.Equal(0, CurrentArchive.HardLink(target, link));
        return link;
    }
}
