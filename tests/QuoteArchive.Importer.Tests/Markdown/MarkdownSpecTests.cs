using QuoteArchive.Importer;

namespace QuoteArchive.Importer.Tests.Markdown;

/// <summary>
/// One spec per Markdown feature: <c>Specs/&lt;feature&gt;.md</c> is the input, <c>&lt;feature&gt;.expected</c> the
/// structure the importer must produce, as <see cref="ModelDump"/> prints it (diagnostics first).
/// Set <c>UPDATE_SPECS=1</c> to rewrite the expected files after a deliberate change, then review the diff.
/// </summary>
public sealed class MarkdownSpecTests
{
    public static string SpecFolder => Path.Combine(AppContext.BaseDirectory, "Markdown", "Specs");

    public static TheoryData<string> Specs() => SpecFile.Names(SpecFolder, ".md");

    [Theory]
    [MemberData(nameof(Specs))]
    public void SpecFileImportsAsExpected(string spec) =>
        SpecFile.AssertImportsAsExpected(SpecFolder, spec, ".md", (path, bytes) => MarkdownImport.Parse(path, bytes));
}

/// <summary>Decodes and parses one Markdown file as the importer does.</summary>
internal static class MarkdownImport
{
    public static (ParsedTopic? Topic, List<Diagnostic> Diagnostics) Parse(string relativePath, byte[] bytes, ImportOptions? options = null) =>
        ContentImport.Parse(relativePath, bytes, MarkdownPageParser.Parse, options);

    public static (ParsedTopic? Topic, List<Diagnostic> Diagnostics) Parse(string relativePath, string text) =>
        Parse(relativePath, System.Text.Encoding.UTF8.GetBytes(text));
}
