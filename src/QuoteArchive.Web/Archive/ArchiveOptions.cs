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
}
