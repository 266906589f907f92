using System.Diagnostics;
using System.Runtime.Versioning;

namespace QuoteArchive.Importer.Tests;

/// <summary>
/// Only regular files under the content folder are read: a link is followed only to a place inside the folder, a
/// link back up ends, a pipe is never opened, and a file that cannot be read is that file's error alone.
/// </summary>
public sealed class ContentWalkTests
{
    private const string Page = "A\n\nQuotes\n\n  • One.\n";

    [Fact]
    public void ALinkToAFileOutsideTheFolderIsSkippedAndSaysSo()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/a.txt", Page);
        var secret = folder.Write("secret.txt", "Secret\n\nQuotes\n\n  • Do not publish.\n");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "content", "leak.txt"), secret);
        File.CreateSymbolicLink(Path.Combine(folder.Path, "content", "passwd.txt"), "/etc/passwd");

        var (summary, reported) = Check(Path.Combine(folder.Path, "content"));

        Assert.Equal([$"leak.txt:1:1: error: symbolic link to '{secret}', outside the content folder: skipped",
            "passwd.txt:1:1: error: symbolic link to '/etc/passwd', outside the content folder: skipped"], reported);
        Assert.Equal((1, 2), (summary.Topics, summary.Errors));
    }

    [Fact]
    public void LinksBackUpTheTreeEndAndTheFolderIsReadOnce()
    {
        using var folder = new TemporaryFolder();
        folder.Write("a.txt", Page);
        folder.Write("sub/b.txt", "B\n\nQuotes\n\n  • Two.\n");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "sub", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "loop.txt"), "loop.txt");

        var (summary, reported) = Check(folder.Path);

        Assert.Equal(["loop.txt:1:1: error: symbolic link to 'loop.txt', which goes round in a loop or to nothing: skipped",
            "self:1:1: warning: symbolic link to '.', a folder read already: not followed",
            "sub/up:1:1: warning: symbolic link to '..', a folder read already: not followed"], reported);
        Assert.Equal((2, 1), (summary.Topics, summary.Errors));
    }

    [Fact]
    public void ALinkToAFolderOutsideIsNotFollowed()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/a.txt", Page);
        folder.Write("elsewhere/b.txt", "B\n\nQuotes\n\n  • Two.\n");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "content", "out"), Path.Combine(folder.Path, "elsewhere"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "content", "etc"), "/etc");

        var (summary, reported) = Check(Path.Combine(folder.Path, "content"));

        Assert.Equal(["etc:1:1: error: symbolic link to '/etc', a folder outside the content folder: not followed",
            $"out:1:1: error: symbolic link to '{Path.Combine(folder.Path, "elsewhere")}', a folder outside the content folder: not followed"], reported);
        Assert.Equal(1, summary.Topics);
    }

    [Fact]
    public void LinksInsideTheFolderAreFollowedAsAKubernetesVolumeLaysThemOut()
    {
        // A ConfigMap volume: the files live in a hidden, dated folder; ..data links to it, and each name links into ..data.
        using var folder = new TemporaryFolder();
        folder.Write("..2026_01_01/a.txt", Page);
        folder.Write("..2026_01_01/fr/b.txt", "B\n\nCitations\n\n  • Deux.\n");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "..data"), "..2026_01_01");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "a.txt"), "..data/a.txt");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "fr"), "..data/fr");

        var (summary, reported) = Check(folder.Path);

        Assert.Empty(reported);
        Assert.Equal(2, summary.Topics);
        Assert.Equal(["a.txt", "fr/b.txt"], ArchiveBuilder.ContentFiles(folder.Path).Select(p => Path.GetRelativePath(folder.Path, p)));
    }

    [Fact]
    public void ContentFolderThatIsItselfALinkIsRead()
    {
        using var folder = new TemporaryFolder();
        folder.Write("real/a.txt", Page);
        File.CreateSymbolicLink(Path.Combine(folder.Path, "real", "b.txt"), Path.Combine(folder.Path, "content", "a.txt"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "content"), Path.Combine(folder.Path, "real"));

        var (summary, reported) = Check(Path.Combine(folder.Path, "content"));

        // b.txt leads to a.txt through the linked folder's name: inside, so read (and then a duplicate of a.txt).
        Assert.Equal(["b.txt:1:1: error: duplicate slug 'A': another file already has this title; this file is skipped"], reported);
        Assert.Equal(1, summary.Topics);
    }

    [Fact]
    public void APipeNamedLikeAPageIsNeverOpened()
    {
        using var folder = new TemporaryFolder();
        folder.Write("a.txt", Page);
        MakePipe(Path.Combine(folder.Path, "pipe.txt"));

        var (summary, reported) = Check(folder.Path);

        Assert.Equal(["pipe.txt:1:1: error: not a regular file (a pipe, socket or device): skipped"], reported);
        Assert.Equal((1, 1), (summary.Topics, summary.Errors));
    }

    [Fact]
    public void AFileThatCannotBeReadIsThatFilesErrorAndTheOthersImport()
    {
        // Root reads a file whatever its mode, and tests run as root in CI: here the file becomes unreadable after the
        // folder was listed (replaced by a folder of the same name, which open refuses whoever asks), as a file removed
        // or made unreadable during an import does. The next test adds the permission case where it means something.
        using var folder = new TemporaryFolder();
        folder.Write("a.txt", "A\n\nQuotes\n\n* One.\n");   // a warning: reported before b.txt is read
        folder.Write("b.txt", Page.Replace('A', 'B'));
        folder.Write("c.txt", Page.Replace('A', 'C'));
        var reported = new List<string>();

        var summary = new ArchiveBuilder(new ImportOptions()).Build(folder.Path, Path.Combine(folder.Path, "archive.db"), d =>
        {
            reported.Add(d.ToString());
            if (d.Position.File == "a.txt")
            {
                File.Delete(Path.Combine(folder.Path, "b.txt"));
                Directory.CreateDirectory(Path.Combine(folder.Path, "b.txt"));
            }
        });

        Assert.Equal("b.txt:1:1: error: cannot read the file: ", reported[1][..40]);
        Assert.Equal((2, 1), (summary.Topics, summary.Errors));
    }

    [Fact, UnsupportedOSPlatform("windows")]
    public void AFileWithoutReadPermissionIsThatFilesError()
    {
        using var folder = new TemporaryFolder();
        folder.Write("a.txt", Page);
        var locked = folder.Write("b.txt", Page.Replace('A', 'B'));
        File.SetUnixFileMode(locked, UnixFileMode.None);
        if (CanRead(locked))
            return;   // root: permissions do not stop reads; the test above covers a read that fails

        var (summary, reported) = Check(folder.Path);

        Assert.StartsWith("b.txt:1:1: error: cannot read the file: ", Assert.Single(reported), StringComparison.Ordinal);
        Assert.Equal((1, 1), (summary.Topics, summary.Errors));
    }

    private static bool CanRead(string path)
    {
        try
        {
            File.ReadAllBytes(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal static void MakePipe(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        mkfifo.WaitForExit();
        Assert.True(mkfifo.ExitCode == 0, mkfifo.StandardError.ReadToEnd());
    }

    private static (ImportSummary Summary, List<string> Reported) Check(string folder)
    {
        var reported = new List<string>();
        var summary = new ArchiveBuilder(new ImportOptions()).Check(folder, d => reported.Add(d.ToString()));
        return (summary, reported);
    }
}
