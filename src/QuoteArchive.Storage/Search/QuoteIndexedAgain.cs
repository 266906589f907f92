namespace QuoteArchive.Storage.Search;

/// <summary>
/// A quote's row in the search index as it is to be (QuotesFtsContent's columns), and the author it was indexed with
/// before the author index named it otherwise.
/// </summary>
public sealed record QuoteIndexedAgain(long RowId, string Text, string? Attribution, string? IndexedAuthor, string? Author, string Title);
