using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

/// <summary>
/// The archive's manifest: every content file's path, size and modification time. An archive is up to date only while
/// the folder is exactly what it records, so that deleting a file (a takedown) re-imports as surely as editing one.
/// </summary>
public sealed class ManifestTests
{
    public static TheoryData<string> Changes => ["delete", "rename", "edit, same size", "edit, same time", "add", "add a skipped entry", "touch"];

    [Theory, MemberData(nameof(Changes))]
    public void AnyChangeToTheFolderMakesTheArchiveStale(string change)
    {
        using var folder = new TemporaryFolder();
        var a = folder.Write("content/a.txt", "A\n\nQuotes\n\n  • One.\n");
        var b = folder.Write("content/sub/b.txt", "B\n\nQuotes\n\n  • Two.\n");
        var content = Path.Combine(folder.Path, "content");
        var target = Path.Combine(folder.Path, "archive.db");
        var builder = new ArchiveBuilder(new ImportOptions());
        builder.Build(content, target, _ => { });
        Assert.True(builder.IsUpToDate(content, target));
        // Every change happens "before" the archive was built, as a copy that keeps modification times would make it.
        var before = File.GetLastWriteTimeUtc(b);

        switch (change)
        {
            case "delete":
                File.Delete(b);
                break;
            case "rename":
                File.Move(b, Path.Combine(content, "sub", "c.txt"));
                break;
            case "edit, same size":
                File.WriteAllText(b, "B\n\nQuotes\n\n  • Six.\n");
                File.SetLastWriteTimeUtc(b, before.AddSeconds(-10));
                break;
            case "edit, same time":
                File.WriteAllText(b, "B\n\nQuotes\n\n  • Twenty.\n");
                File.SetLastWriteTimeUtc(b, before);
                break;
            case "add":
                File.SetLastWriteTimeUtc(folder.Write("content/sub/c.txt", "C\n\nQuotes\n\n  • Three.\n"), before.AddDays(-1));
                break;
            case "add a skipped entry":
                File.CreateSymbolicLink(Path.Combine(content, "leak.txt"), "/etc/passwd");
                break;
            case "touch":
                File.SetLastWriteTimeUtc(a, File.GetLastWriteTimeUtc(a).AddTicks(1));
                break;
        }

        Assert.False(builder.IsUpToDate(content, target), change);
    }

    [Fact]
    public void TheManifestRecordsEveryEntryTheImportLookedAt()
    {
        using var folder = new TemporaryFolder();
        var a = folder.Write("content/a.txt", "A\n\nQuotes\n\n  • One.\n");
        folder.Write("content/fr/b.md", "# B\n\n- Deux.\n");
        folder.Write("content/README.md", "not a topic");
        folder.Write("content/notes.json", "{}");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "content", "leak.txt"), "/etc/passwd");
        var target = Path.Combine(folder.Path, "archive.db");

        new ArchiveBuilder(new ImportOptions()).Build(Path.Combine(folder.Path, "content"), target, _ => { });

        var manifest = ArchiveSchema.ReadManifest(target)!.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        Assert.Equal([("a.txt", new FileInfo(a).Length, File.GetLastWriteTimeUtc(a).Ticks), ("fr/b.md", 13, manifest[1].LastWriteUtc.Ticks),
            ("leak.txt", -1, 0)], manifest.Select(f => (f.Path, f.Size, f.LastWriteUtc.Ticks)));
    }
}
