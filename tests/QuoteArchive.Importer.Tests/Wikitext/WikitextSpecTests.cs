using QuoteArchive.Importer.Tests.Markdown;

namespace QuoteArchive.Importer.Tests.Wikitext;

/// <summary>
/// One spec per wikitext construct: <c>Specs/&lt;construct&gt;.wiki</c> is the input (its title the file name; those in
/// <c>Specs/fr/</c> are French pages), <c>&lt;construct&gt;.expected</c> what it imports to, as <see cref="ModelDump"/>
/// prints it (diagnostics first). <c>UPDATE_SPECS=1</c> rewrites the expected files.
/// </summary>
public sealed class WikitextSpecTests
{
    public static string SpecFolder => Path.Combine(AppContext.BaseDirectory, "Wikitext", "Specs");

    public static TheoryData<string> Specs()
    {
        var specs = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(SpecFolder, "*.wiki", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            specs.Add(Path.GetRelativePath(SpecFolder, path).Replace('\\', '/')[..^".wiki".Length]);
        return specs;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void SpecFileImportsAsExpected(string spec)
    {
        var (topic, diagnostics) = WikitextImport.Parse($"{spec}.wiki", File.ReadAllBytes(Path.Combine(SpecFolder, $"{spec}.wiki")));
        var found = ModelDump.Of(topic, diagnostics);

        SpecFile.AssertMatches(Path.Combine(SpecFolder, $"{spec}.expected"), SourceSpecPath($"{spec}.expected"), found);
    }

    private static string SourceSpecPath(string name, [System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Specs", name);
}

/// <summary>Decodes and parses one <c>.wiki</c> file as the importer does (through <see cref="ContentParser"/>).</summary>
internal static class WikitextImport
{
    public static (ParsedTopic? Topic, List<Diagnostic> Diagnostics) Parse(string relativePath, byte[] bytes)
    {
        var options = new ImportOptions();
        var diagnostics = new List<Diagnostic>();
        var file = ContentFile.Decode(relativePath, bytes, ContentFile.LanguageOf(relativePath, options.DefaultLanguage), diagnostics);
        var topic = file is null ? null : ContentParser.Parse(file, options, diagnostics);
        return (topic, diagnostics);
    }

    public static (ParsedTopic? Topic, List<Diagnostic> Diagnostics) Parse(string relativePath, string text) =>
        Parse(relativePath, System.Text.Encoding.UTF8.GetBytes(text));
}
