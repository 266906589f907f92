namespace QuoteArchive.Importer.Wikitext;

/// <summary>
/// MediaWiki's behaviour switches, <c>__NOTOC__</c> and kin: double-underscore words that set how the page is shown
/// (table of contents, section edit links, indexing) and show nothing themselves, wherever they stand. Only the
/// upper-case spellings MediaWiki and the extensions Wikiquote runs define, English and French: <c>__init__</c> in a
/// quote about Python stays text.
/// </summary>
internal static class BehaviourSwitches
{
    private const int MaxNameLength = 30;

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "NOTOC", "FORCETOC", "TOC", "NOEDITSECTION", "NEWSECTIONLINK", "NONEWSECTIONLINK", "NOGALLERY", "HIDDENCAT",
        "EXPECTUNUSEDCATEGORY", "EXPECTUNUSEDTEMPLATE", "INDEX", "NOINDEX", "STATICREDIRECT", "NOCONTENTCONVERT", "NOCC",
        "NOTITLECONVERT", "NOTC", "NOHEADER", "DISAMBIG", "NOGLOBAL", "ARCHIVEDTALK", "NOTALK", "EXPECTED_UNCONNECTED_PAGE",
        // fr.wikiquote's names for the same switches.
        "AUCUNSOMMAIRE", "AUCUNETDM", "FORCERSOMMAIRE", "FORCERTDM", "SOMMAIRE", "TDM", "SECTIONNONEDITABLE",
        "LIENNOUVELLESECTION", "AUCUNLIENNOUVELLESECTION", "AUCUNEGALERIE", "CATCACHEE", "INDEXER", "AUCUNINDEX",
        "REDIRECTIONSTATIQUE", "AUCUNENTETE", "HOMONYMIE",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NamesBySpan = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The switch from <paramref name="i"/> to <paramref name="end"/> says the page is a disambiguation page.</summary>
    public static bool MarksDisambiguation(string text, int i, int end) =>
        text.AsSpan(i + 2, end - i - 4) is "DISAMBIG" or "HOMONYMIE";

    /// <summary>A switch at <paramref name="i"/> (its first underscore): the index past its closing <c>__</c>.</summary>
    public static bool TryAt(string text, int i, int to, out int end)
    {
        end = i;
        if (i + 2 >= to || text[i] != '_' || text[i + 1] != '_')
            return false;
        // Upper-case letters, single underscores between them (EXPECTED_UNCONNECTED_PAGE): a bounded look.
        var n = i + 2;
        while (n < to && n - i - 2 < MaxNameLength && (char.IsAsciiLetterUpper(text[n]) || text[n] == '_' && n + 1 < to && char.IsAsciiLetterUpper(text[n + 1]) && text[n - 1] != '_'))
            n++;
        if (n == i + 2 || n + 1 >= to || text[n] != '_' || text[n + 1] != '_' || !NamesBySpan.Contains(text.AsSpan(i + 2, n - i - 2)))
            return false;
        end = n + 2;
        return true;
    }
}
