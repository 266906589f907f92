namespace QuoteArchive.Web.Archive;

internal static class BundledArchive
{
    /// <summary>
    /// The container image ships an archive imported at build time (<c>Archive:BundledDatabasePath</c>).
    /// It is served as it is while no own content is mounted (the content folder is missing or holds no
    /// content file) and no archive of one's own is there either: an archive imported ahead of time and mounted at
    /// <c>Archive:DatabasePath</c> (under <c>/data</c>) is served without its content. Mounted content is imported
    /// into <c>Archive:DatabasePath</c>.
    /// </summary>
    public static void UseWhenNoContent(ArchiveOptions options)
    {
        if (options.BundledDatabasePath is { Length: > 0 } bundled && !File.Exists(options.DatabasePath)
            && (!Directory.Exists(options.ContentPath) || !QuoteArchive.Importer.ArchiveBuilder.ContentFiles(options.ContentPath).Any()))
            options.DatabasePath = bundled;
    }
}
