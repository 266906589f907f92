using QuoteArchive.Importer;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>
/// A Kubernetes ConfigMap volume holds each key three times: a symlink per file pointing into <c>..data</c>,
/// which points at a timestamped <c>..2026_…</c> folder. The importer must see each topic once.
/// </summary>
public sealed class ConfigMapContentTests
{
    [Fact]
    public void ContentFilesOfAConfigMapVolumeAreEachSeenOnce()
    {
        using var folder = new TemporaryFolder();
        var version = Directory.CreateDirectory(Path.Combine(folder.Path, "..2026_11_27_23_00_00.123456789")).FullName;
        File.WriteAllText(Path.Combine(version, "First.md"), "# First\n");
        File.WriteAllText(Path.Combine(version, "Second.txt"), "Second\n");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "..data"), Path.GetFileName(version));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "First.md"), "..data/First.md");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "Second.txt"), "..data/Second.txt");
        Directory.CreateDirectory(Path.Combine(folder.Path, ".git"));
        File.WriteAllText(Path.Combine(folder.Path, ".git", "Notes.md"), "# not content\n");

        var files = ArchiveBuilder.ContentFiles(folder.Path).Select(f => Path.GetRelativePath(folder.Path, f));

        Assert.Equal(["First.md", "Second.txt"], files);
    }
}
