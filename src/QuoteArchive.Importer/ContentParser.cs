using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer;

/// <summary>
/// Chooses the parser for a content file by its extension, holds every page to the import's limits, and completes
/// what every format's topic shares.
/// </summary>
public static class ContentParser
{
    /// <summary>The topic of the file, or null when an error (in <paramref name="diagnostics"/>) makes it unusable.</summary>
    public static ParsedTopic? Parse(ContentFile file, ImportOptions options, List<Diagnostic> diagnostics)
    {
        var extension = Path.GetExtension(file.RelativePath).ToLowerInvariant();
        // Markdown and wikitext give their headings levels; page text has none.
        return WithinLimits(file, 1, options, diagnostics, headingLevels: extension is ".md" or ".wiki", () => extension switch
        {
            ".md" => MarkdownPageParser.Parse(file, options, diagnostics),
            ".wiki" => WikitextPageParser.Parse(file, WikiTitleOf(file.RelativePath), options, diagnostics),
            _ => PageTextParser.Parse(file, options, diagnostics),
        });
    }

    /// <summary>
    /// The title of a page whose wikitext is a file of its own: the file name (content/Mark Twain.wiki), underscores
    /// read as spaces as MediaWiki reads them in a title (content/Mark_Twain.wiki, a name copied from the page's address).
    /// </summary>
    public static string WikiTitleOf(string relativePath) => Path.GetFileNameWithoutExtension(relativePath).Replace('_', ' ');

    /// <summary>The topic of one page of a MediaWiki export, whose text starts on line <paramref name="firstLine"/> of the export.</summary>
    public static ParsedTopic? ParseExportPage(ContentFile file, string title, int firstLine, ImportOptions options, List<Diagnostic> diagnostics) =>
        WithinLimits(file, firstLine, options, diagnostics, headingLevels: true, () => WikitextPageParser.Parse(file, title, options, diagnostics, firstLine));

    private static ParsedTopic? WithinLimits(ContentFile file, int firstLine, ImportOptions options, List<Diagnostic> diagnostics,
        bool headingLevels, Func<ParsedTopic?> parse)
    {
        // Lines are measured before any parser reads them; nesting and quotes are counted on what the parser made.
        if (!options.Limits.TryCheckLines(file, firstLine, diagnostics))
            return null;
        var topic = parse();
        if (topic is null || !options.Limits.TryCheckTopic(topic, diagnostics))
            return null;
        Complete(topic, headingLevels);
        return topic;
    }

    /// <summary>
    /// The rules that follow from a parsed topic whatever its format: who plays whom, what kind of page it is, whose a quote is
    /// and which work it comes from.
    /// </summary>
    private static void Complete(ParsedTopic topic, bool headingLevels)
    {
        CastList.Apply(topic);
        topic.Kind = TopicKinds.Of(topic);
        QuoteAuthors.Apply(topic);
        QuoteWorks.Apply(topic, headingLevels);
    }
}
