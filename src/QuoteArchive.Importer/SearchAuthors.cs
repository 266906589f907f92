using System.Text;

namespace QuoteArchive.Importer;

/// <summary>
/// The author column of a quote's row in the search index, which is filled as the quotes are written, before the
/// author index exists: a quote on a person's page is by the person (the page's title), any other by the name it
/// gives, cleaned as the author index cleans names. The author index may then name that author with another spelling
/// (the first it met of names equal but for case): those quotes are indexed again with the name QuotesFtsContent shows.
/// </summary>
internal static class SearchAuthors
{
    public static string? Of(string? author, int? personAuthorId, string topicTitle) =>
        personAuthorId is not null ? topicTitle : (author is null ? null : AuthorIndex.CleanName(author) ?? author);

    /// <summary>
    /// The quotes indexed with a spelling of their author that gives other words than the author index's name, each
    /// with the spelling it was indexed with.
    /// </summary>
    /// <param name="nameByRaw">the author index's name of each raw author name it spells otherwise</param>
    public static List<(long RowId, string? IndexedAuthor)> Respelled(IReadOnlyDictionary<string, string> nameByRaw, WrittenAuthors written)
    {
        // A quote on its person's page was indexed with the page's title, which is the author index's name: the rows
        // of a name are those written without a person.
        var respelled = new List<(long RowId, string? IndexedAuthor)>();
        foreach (var (raw, name) in nameByRaw)
        {
            var indexed = Of(raw, null, "");
            if (!SameWords(indexed!, name))
                respelled.AddRange(written.RowsOf(raw).Select(row => (row, indexed)));
        }
        respelled.Sort((a, b) => a.RowId.CompareTo(b.RowId));
        return respelled;
    }

    // FTS5's tokenizer folds case as Unicode's simple mappings do, but from tables of its own version: only ASCII
    // letters are sure to fold alike.
    private static bool SameWords(string a, string b) => Ascii.IsValid(a) && Ascii.IsValid(b) && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
