using QuoteArchive.Importer.PageText;
using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer;

/// <summary>Parses page text (<c>*.txt</c>), as FORMAT.md specifies it.</summary>
public static class PageTextParser
{
    /// <summary>The topic of the file, or null when an error (in <paramref name="diagnostics"/>) makes it unusable.</summary>
    public static ParsedTopic? Parse(ContentFile file, ImportOptions options, List<Diagnostic> diagnostics) =>
        new TopicBuilder(file, options, diagnostics, LineReader.Read(file, diagnostics)).Build();
}
