namespace QuoteArchive.Importer.Files;

/// <summary>Where a path really leads, every symbolic link on the way followed, as the kernel would follow it.</summary>
internal static class RealPaths
{
    // Linux gives up (ELOOP) after 40 links: a chain longer than that is a loop.
    private const int MostLinks = 40;

    /// <summary>The absolute path with no link left in it; null when a link goes round in a loop or to nothing.</summary>
    public static string? Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Parts(full[current.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
                continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (IOException)
            {
                return null;
            }
            if (target is null)
            {
                if (!Path.Exists(next))
                    return null;
                current = next;
                continue;
            }
            if (++links > MostLinks)
                return null;
            if (Path.IsPathRooted(target))
                current = Path.GetPathRoot(target)!;
            foreach (var targetPart in Parts(target).Reverse())
                pending.Push(targetPart);
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies under it (both real paths).</summary>
    public static bool IsUnder(string path, string folder) =>
        path == folder || path.StartsWith(Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static IEnumerable<string> Parts(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
