using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

/// <summary>Parses page text (<c>*.txt</c>), as FORMAT.md specifies it.</summary>
public static class PageTextParser
{
    public static Topic? Parse(ContentFile file, ImportOptions options, List<Diagnostic> diagnostics) =>
        throw new NotImplementedException();
}
