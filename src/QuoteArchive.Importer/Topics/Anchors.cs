using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Topics;

public static class Anchors
{
    /// <summary>The anchor of the section without heading that holds what stands before the first heading.</summary>
    public const string UnnamedSection = "top";

    /// <summary>
    /// FORMAT.md: "the heading with spaces as <c>_</c>, made unique in the page with <c>_2</c>, <c>_3</c>, as MediaWiki
    /// does". <paramref name="taken"/> holds the anchors of the sections above.
    /// </summary>
    public static string Unique(string? heading, UniqueNames taken) =>
        taken.Claim(heading is null ? UnnamedSection : Slugs.FromTitle(heading));
}
