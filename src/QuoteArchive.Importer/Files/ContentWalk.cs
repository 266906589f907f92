using QuoteArchive.Importer.Exports;

namespace QuoteArchive.Importer.Files;

/// <summary>
/// One entry of a content folder that the import looked at: a regular file to read (<see cref="Problem"/> null), or an
/// entry it skipped and why. <see cref="Size"/> and <see cref="LastWriteUtc"/> are those of the file read (the target
/// of a link), so that the archive's manifest sees a change made through a link.
/// </summary>
/// <param name="RelativePath">relative to the content folder, with <c>/</c> separators, as the walk reached it</param>
/// <param name="FullPath">the file's real path, every link resolved: what the import opens</param>
internal sealed record ContentEntry(string RelativePath, string FullPath, long Size, DateTime LastWriteUtc, Diagnostic? Problem = null);

/// <summary>
/// Walks a content folder: regular files with a content extension, in a stable order, under the folder and nowhere
/// else. A symbolic link is followed only where it leads to a place inside the folder; each folder is read once,
/// however many links lead to it, so a link back up (<c>self -> .</c>) ends. Pipes and devices are never opened:
/// opening a pipe waits for a writer forever.
/// </summary>
internal static class ContentWalk
{
    public static IEnumerable<ContentEntry> Entries(string contentFolder)
    {
        // A single file (a dump given on the command line) is a folder of that one file.
        if (File.Exists(contentFolder))
            return IsContentFile(Path.GetFileName(contentFolder)) && Stat(Path.GetFileName(contentFolder), Path.GetFullPath(contentFolder)) is { } file ? [file] : [];
        var root = RealPaths.Resolve(contentFolder) ?? Path.GetFullPath(contentFolder);
        var read = new HashSet<string>(StringComparer.Ordinal) { root };
        return Folder(root, "", root, read);
    }

    private static IEnumerable<ContentEntry> Folder(string folder, string relativeFolder, string root, HashSet<string> read)
    {
        List<FileSystemInfo> children = [];
        string? unreadable = null;
        try
        {
            children = [.. new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(c => c.Name, StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            unreadable = ex.Message;
        }
        if (unreadable is not null)
            yield return Skipped(relativeFolder.TrimEnd('/'), Severity.Error, $"cannot read the folder: {unreadable}");
        foreach (var child in children)
        {
            // Hidden entries (.git, and the ..data copies a Kubernetes ConfigMap volume holds beside each file) are
            // skipped; a folder's README.md describes it and is no topic.
            if (child.Name.StartsWith('.') || (child.Attributes & FileAttributes.Hidden) != 0)
                continue;
            var relative = relativeFolder + child.Name;
            var isLink = child.LinkTarget is not null;
            var real = isLink ? RealPaths.Resolve(child.FullName) : child.FullName;
            if (real is null)
            {
                yield return Skipped(relative, Severity.Error, $"symbolic link to '{child.LinkTarget}', which goes round in a loop or to nothing: skipped");
                continue;
            }
            var kind = FileKinds.Of(real);
            if (kind == FileKind.Directory)
            {
                if (!RealPaths.IsUnder(real, root))
                    yield return Skipped(relative, Severity.Error, $"symbolic link to '{child.LinkTarget}', a folder outside the content folder: not followed");
                else if (!read.Add(real))
                    yield return Skipped(relative, Severity.Warning, isLink
                        ? $"symbolic link to '{child.LinkTarget}', a folder read already: not followed"
                        : "a folder read already through a symbolic link: not read again");
                else
                {
                    foreach (var entry in Folder(real, relative + "/", root, read))
                        yield return entry;
                }
                continue;
            }
            if (!IsContentFile(child.Name))
                continue;
            if (!RealPaths.IsUnder(real, root))
                yield return Skipped(relative, Severity.Error, $"symbolic link to '{child.LinkTarget}', outside the content folder: skipped");
            else if (kind != FileKind.Regular)
                yield return Skipped(relative, Severity.Error, "not a regular file (a pipe, socket or device): skipped");
            else if (Stat(relative, real) is { } entry)
                yield return entry;
        }
    }

    private static ContentEntry? Stat(string relative, string real)
    {
        var info = new FileInfo(real);
        return info.Exists ? new(relative, real, info.Length, info.LastWriteTimeUtc) : null;
    }

    private static bool IsContentFile(string name) =>
        (ContentFile.Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase) || DumpStreams.IsExport(name))
        && !name.Equals("README.md", StringComparison.OrdinalIgnoreCase);

    private static ContentEntry Skipped(string relative, Severity severity, string message) =>
        new(relative, "", -1, default, new(new(relative, 1), severity, message));
}
