using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

/// <summary>Parses Markdown pages (<c>*.md</c>), as FORMAT.md specifies it.</summary>
public static class MarkdownPageParser
{
    public static Topic? Parse(ContentFile file, ImportOptions options, List<Diagnostic> diagnostics) =>
        throw new NotImplementedException();
}
