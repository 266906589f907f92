using Microsoft.EntityFrameworkCore;

namespace QuoteArchive.Storage;

/// <summary>
/// Someone quotes are by, found at import: a person page's own quotes, or the author parsed from an
/// attribution line (<c>Author, Work (Year)</c>). Filled by the importer's author index, never by hand.
/// </summary>
[Index(nameof(Slug), IsUnique = true)]
[Index(nameof(Letter), nameof(SortKey))]
[Index(nameof(TopicId))]
public sealed class Author
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    /// <summary>The name folded for ordering and prefix look-ups: lower case, without diacritics.</summary>
    public required string SortKey { get; set; }
    /// <summary>The A–Z group: the first letter of <see cref="SortKey"/> upper-cased, <c>#</c> for anything not a letter.</summary>
    public required string Letter { get; set; }
    /// <summary>The person page of this author, when the archive has one.</summary>
    public int? TopicId { get; set; }
    public int QuoteCount { get; set; }
}
