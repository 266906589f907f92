using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer;

/// <summary>Chooses the parser for a content file by its extension.</summary>
public static class ContentParser
{
    /// <summary>The topic of the file, or null when an error (in <paramref name="diagnostics"/>) makes it unusable.</summary>
    public static ParsedTopic? Parse(ContentFile file, ImportOptions options, List<Diagnostic> diagnostics) =>
        Path.GetExtension(file.RelativePath).Equals(".md", StringComparison.OrdinalIgnoreCase)
            ? MarkdownPageParser.Parse(file, options, diagnostics)
            : PageTextParser.Parse(file, options, diagnostics);
}
