using System.Runtime.InteropServices;

namespace QuoteArchive.Web.Archive;

/// <summary>
/// The hard links (<c>.{archive}.{guid}.open</c>) that processes killed before they could delete theirs left beside
/// the archive. While one leads to the current file it costs nothing; once another file is renamed over the archive's
/// name it keeps the old one on disk, unseen, as large as ever. Each time a generation is opened, links to any other
/// file than the one at the archive's name or the one just opened go, except those of this process's own generations.
/// </summary>
internal static class StaleLinks
{
    // Links to the file being served are left alone: they keep nothing else on disk, and may be another live
    // replica's that shares the folder; they go at a later sweep, once they lead to an old file. The cost of removing
    // an old file's link that a live replica still uses (it is finishing requests on its previous generation, or has
    // not yet seen the new file): that replica can open no new pooled connection to its old file; those it has open
    // keep working, and it switches to the new file within a look.
    public static void Sweep(string archivePath, string openedLink, IReadOnlySet<string> ownLinks, ILogger logger)
    {
        // statx, whose buffer has one layout on every architecture, is Linux's; elsewhere links stay as they are.
        if (!OperatingSystem.IsLinux())
            return;
        var folder = System.IO.Path.GetDirectoryName(archivePath)!;
        var prefix = "." + System.IO.Path.GetFileName(archivePath) + ".";
        try
        {
            var candidates = Directory.EnumerateFiles(folder, prefix + "*.open")
                .Where(path => IsLinkName(System.IO.Path.GetFileName(path), prefix) && !ownLinks.Contains(path))
                .Select(path => (Path: path, Identity: FileIdentity.Of(path)))
                .Where(candidate => candidate.Identity is not null)
                .ToList();
            // Read after the candidates: a link to a file renamed into place since is then one to the file at the name.
            var served = FileIdentity.Of(openedLink);
            if (served is null)
                return;
            var named = FileIdentity.Of(archivePath);
            var removed = 0;
            var oldFiles = new Dictionary<(ulong Device, ulong Inode), long>();
            var failed = new List<string>();
            foreach (var (path, identity) in candidates)
            {
                var file = identity!.Value;
                if (file.IsSameFile(served) || file.IsSameFile(named))
                    continue;
                try
                {
                    File.Delete(path);
                    removed++;
                    oldFiles[(file.Device, file.Inode)] = file.Length;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    failed.Add(ex.Message);
                }
            }
            if (removed > 0)
                logger.LogInformation("Stale links beside {DatabasePath} removed: {Links}, left by processes stopped before they could remove them; they kept {Bytes} bytes of old archives on disk",
                    archivePath, removed, oldFiles.Values.Sum());
            if (failed.Count > 0)
                logger.LogWarning("Stale links beside {DatabasePath} not removed: {Links} ({Detail}); they keep old archives on disk",
                    archivePath, failed.Count, failed[0]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            // A folder we may not list, or a C library without statx (glibc before 2.28): the archive is served all the same.
            logger.LogDebug(ex, "Stale links beside {DatabasePath} were not swept", archivePath);
        }
    }

    // Exactly the names CurrentArchive gives its links: another archive's in the same folder (archive.db.bak) differs.
    private static bool IsLinkName(string name, string prefix) =>
        name.Length == prefix.Length + 32 + ".open".Length
        && name.EndsWith(".open", StringComparison.Ordinal)
        && name.AsSpan(prefix.Length, 32).ContainsAnyExcept("0123456789abcdef") is false;
}

/// <summary>Which file a name leads to (the device and inode of the name itself, as <c>link</c> does not follow a
/// symbolic link), and its length.</summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode, long Length)
{
    private const int AtCurrentDirectory = -100, AtSymlinkNoFollow = 0x100;
    private const uint StatxInode = 0x100, StatxSize = 0x200;
    private const int InodeOffset = 32, SizeOffset = 40, DeviceMajorOffset = 136, DeviceMinorOffset = 140, BufferSize = 256;

    public bool IsSameFile(FileIdentity? other) => other is { } file && file.Device == Device && file.Inode == Inode;

    /// <summary>Null when nothing is at the path (it vanished meanwhile).</summary>
    public static FileIdentity? Of(string path)
    {
        var buffer = new byte[BufferSize];
        if (statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxInode | StatxSize, buffer) != 0)
            return null;
        var device = (ulong)BitConverter.ToUInt32(buffer, DeviceMajorOffset) << 32 | BitConverter.ToUInt32(buffer, DeviceMinorOffset);
        return new FileIdentity(device, BitConverter.ToUInt64(buffer, InodeOffset), (long)BitConverter.ToUInt64(buffer, SizeOffset));
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
