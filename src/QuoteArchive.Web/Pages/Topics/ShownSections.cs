using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Topics;

/// <summary>
/// The sections a topic page shows, nested by level. One with nothing to show (an "External links" whose links all
/// went to the Elsewhere box) shows no heading and has no entry in the contents, unless a part under it has content
/// (a "Season 1" over its episodes); the archive keeps it.
/// </summary>
internal static class ShownSections
{
    public static List<Nested<SectionView>> Outline(IReadOnlyList<SectionView> sections)
    {
        // The unnamed first section stands before every heading and is nobody's parent.
        var outline = ArchiveMarkup.Nest(sections.Where(s => s.Heading is not null || !s.IsEmpty), s => s.Heading is null ? int.MaxValue : s.Level);
        if (sections.Where(s => s.Heading is not null).Select(s => s.Level).Distinct().Count() > 1)
            return WithContent(outline);
        // All headings on one level, as page text has them (it keeps no levels): a heading with nothing under it may
        // head the parts that follow it (a play over its scenes), so only the empty ones after the last part with content go.
        return outline[..(outline.FindLastIndex(n => !n.Value.IsEmpty) + 1)];
    }

    private static List<Nested<SectionView>> WithContent(List<Nested<SectionView>> nodes) =>
        nodes.Select(n => n with { Children = WithContent(n.Children) }).Where(n => !n.Value.IsEmpty || n.Children.Count > 0).ToList();
}
