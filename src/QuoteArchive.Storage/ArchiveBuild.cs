namespace QuoteArchive.Storage;

/// <summary>The single row describing the import that produced this archive file.</summary>
public sealed class ArchiveBuild
{
    public int Id { get; set; }
    /// <summary>Changes whenever the archive's content changes; the basis of HTTP ETags on every replica.</summary>
    public required string BuildId { get; set; }
    public DateTimeOffset BuiltAt { get; set; }
    public int Topics { get; set; }
    public int Sections { get; set; }
    public int Quotes { get; set; }
    public int Warnings { get; set; }
    public int Errors { get; set; }
    /// <summary>The options the import was given (default language, source base URL): other options, another archive.</summary>
    public string? ImportOptions { get; set; }
}

/// <summary>A problem the importer reported, kept so the web app can show what did not import.</summary>
public sealed class ImportDiagnostic
{
    public int Id { get; set; }
    public required string File { get; set; }
    public int Line { get; set; }
    public int Column { get; set; }
    public required string Severity { get; set; }
    public required string Message { get; set; }
}

/// <summary>
/// One entry of the content folder as the import found it: the archive's manifest. An archive whose manifest differs
/// from the folder in any way (a file added, changed, renamed or deleted) is rebuilt.
/// </summary>
public sealed class ManifestFile
{
    /// <summary>Relative to the content folder, with <c>/</c> separators.</summary>
    public required string Path { get; set; }
    /// <summary>Bytes of the file read; -1 for an entry the import skipped (a link out of the folder, a pipe).</summary>
    public long Size { get; set; }
    public DateTime LastWriteUtc { get; set; }
}
