using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer;

/// <summary>Chooses the parser for a content file by its extension.</summary>
public static class ContentParser
{
    /// <summary>The topic of the file, or null when an error (in <paramref name="diagnostics"/>) makes it unusable.</summary>
    public static ParsedTopic? Parse(ContentFile file, ImportOptions options, List<Diagnostic> diagnostics) =>
        Path.GetExtension(file.RelativePath).ToLowerInvariant() switch
        {
            ".md" => MarkdownPageParser.Parse(file, options, diagnostics),
            // Issue 9: "the title is the file name (content/Mark Twain.wiki)".
            ".wiki" => WikitextPageParser.Parse(file, Path.GetFileNameWithoutExtension(file.RelativePath), options, diagnostics),
            _ => PageTextParser.Parse(file, options, diagnostics),
        };
}
