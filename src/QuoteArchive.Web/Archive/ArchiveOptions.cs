namespace QuoteArchive.Web.Archive;

/// <summary>The <c>Archive</c> configuration section.</summary>
public sealed class ArchiveOptions
{
    public string ContentPath { get; set; } = "content";
    public string DatabasePath { get; set; } = "data/archive.db";
    public string DefaultLanguage { get; set; } = "en";
    /// <summary>Where page-text topics came from, <c>{lang}</c> standing for the topic's language; none: Wikiquote.</summary>
    public string? SourceBaseUrl { get; set; }
    /// <summary>Import the content folder at start when the archive is missing or older than it.</summary>
    public bool ImportOnStart { get; set; } = true;
    /// <summary>An archive built in advance (the container image's), served when the content folder is missing or empty.</summary>
    public string? BundledDatabasePath { get; set; }
    /// <summary>How often the archive file is looked at (a stat) to pick up a replaced one.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// How long the integrity check of a file that replaces the served one may take before it is refused. The archive
    /// found at start is served first and checked after, in the background, without a limit.
    /// </summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long an import at start waits for another process (a replica) importing into the same file.</summary>
    public TimeSpan ImportLockTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
