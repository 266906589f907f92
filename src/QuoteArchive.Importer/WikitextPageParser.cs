using QuoteArchive.Importer.Topics;
using QuoteArchive.Importer.Wikitext;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

/// <summary>Parses the wikitext of one wiki page (a <c>*.wiki</c> file, or a page of a MediaWiki export).</summary>
public static class WikitextPageParser
{
    /// <summary>
    /// The topic of the page, or null when an error (in <paramref name="diagnostics"/>) makes it unusable or the page
    /// is a redirect (with a warning).
    /// </summary>
    /// <param name="title">the page title: the file name of a <c>.wiki</c> file, the <c>&lt;title&gt;</c> of an exported page</param>
    /// <param name="firstLine">the file line of the wikitext's first line (1 for a <c>.wiki</c> file; for a page inside an
    /// XML export, the line where its text starts), so diagnostics point into the real file</param>
    public static ParsedTopic? Parse(ContentFile file, string title, ImportOptions options, List<Diagnostic> diagnostics, int firstLine = 1)
    {
        var slug = Slugs.FromTitle(title);
        if (slug.Length == 0)
        {
            diagnostics.Add(new(new(file.RelativePath, firstLine), Severity.Error, "the title has no characters a slug can keep"));
            return null;
        }
        if (RedirectPage.TryParse(file.Text, out var target))
        {
            diagnostics.Add(new(new(file.RelativePath, firstLine), Severity.Warning, $"a redirect to '{target}', not a topic: skipped"));
            return null;
        }
        var topic = new ParsedTopic
        {
            Slug = slug,
            Title = title.Trim(),
            Language = file.Language,
            SourceUrl = options.SourceUrlFor(file.Language, slug),
            SourcePath = file.RelativePath,
            License = "CC BY-SA",
        };
        var found = new List<Diagnostic>();
        var page = new PageContext(file, topic, found);
        var lines = LogicalLines.Split(file.Text, firstLine, (line, column, message) => page.Report(line, column, Severity.Warning, message));
        new PageBuilder(page).Build(lines);
        PagesOfLinks.ListTheirLinks(topic);
        RepeatedCaptions.Fold(topic);
        QuoteIdAssignment.Assign(topic, found);
        // Reported in file order, as a compiler does, whichever construct noticed the problem first.
        diagnostics.AddRange(found.OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column));
        return topic;
    }
}
