using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Markdown;

internal static class Anchors
{
    /// <summary>
    /// FORMAT.md: "the heading with spaces as <c>_</c>, made unique in the page with <c>_2</c>, <c>_3</c>, as MediaWiki
    /// does". <paramref name="taken"/> holds the anchors of the sections above.
    /// </summary>
    public static string Unique(string heading, HashSet<string> taken)
    {
        var anchor = Slugs.FromTitle(heading);
        var unique = anchor;
        for (var n = 2; !taken.Add(unique); n++)
            unique = $"{anchor}_{n}";
        return unique;
    }
}
