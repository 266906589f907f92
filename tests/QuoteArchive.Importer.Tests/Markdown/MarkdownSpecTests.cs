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

    public static TheoryData<string> Specs()
    {
        var specs = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(SpecFolder, "*.md").Order(StringComparer.Ordinal))
            specs.Add(Path.GetFileNameWithoutExtension(path));
        return specs;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void SpecFileImportsAsExpected(string spec)
    {
        var (topic, diagnostics) = MarkdownImport.Parse($"{spec}.md", File.ReadAllBytes(Path.Combine(SpecFolder, $"{spec}.md")));
        var found = ModelDump.Of(topic, diagnostics);

        SpecFile.AssertMatches(Path.Combine(SpecFolder, $"{spec}.expected"), SourceSpecPath($"{spec}.expected"), found);
    }

    private static string SourceSpecPath(string name, [System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Specs", name);
}

/// <summary>Decodes and parses one Markdown file as the importer does.</summary>
internal static class MarkdownImport
{
    public static (ParsedTopic? Topic, List<Diagnostic> Diagnostics) Parse(string relativePath, byte[] bytes, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        var diagnostics = new List<Diagnostic>();
        var file = ContentFile.Decode(relativePath, bytes, ContentFile.LanguageOf(relativePath, options.DefaultLanguage), diagnostics);
        var topic = file is null ? null : MarkdownPageParser.Parse(file, options, diagnostics);
        return (topic, diagnostics);
    }

    public static (ParsedTopic? Topic, List<Diagnostic> Diagnostics) Parse(string relativePath, string text) =>
        Parse(relativePath, System.Text.Encoding.UTF8.GetBytes(text));
}
