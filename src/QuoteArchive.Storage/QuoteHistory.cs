namespace QuoteArchive.Storage;

/// <summary>
/// A quote id that an earlier import served and this one does not: the id its quote has now (its text changed a
/// little), or none (the quote was removed). Each import carries the table forward, so old links keep answering
/// after any number of re-imports.
/// </summary>
public sealed class QuoteIdHistory
{
    public required string OldId { get; set; }
    /// <summary>The quote's id in this archive; null when it was removed.</summary>
    public string? NewId { get; set; }
    /// <summary>The topic the quote stood in, so that a removed quote's page can point there.</summary>
    public required string TopicSlug { get; set; }
    public required string TopicTitle { get; set; }
}
