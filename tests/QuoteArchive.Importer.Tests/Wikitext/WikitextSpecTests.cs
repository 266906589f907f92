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

    public static TheoryData<string> Specs() => SpecFile.Names(SpecFolder, ".wiki");

    [Theory]
    [MemberData(nameof(Specs))]
    public void SpecFileImportsAsExpected(string spec) =>
        SpecFile.AssertImportsAsExpected(SpecFolder, spec, ".wiki", WikitextImport.Parse);
}

/// <summary>Decodes and parses one <c>.wiki</c> file as the importer does (through <see cref="ContentParser"/>).</summary>
internal static class WikitextImport
{
    public static (ParsedTopic? Topic, List<Diagnostic> Diagnostics) Parse(string relativePath, byte[] bytes) =>
        ContentImport.Parse(relativePath, bytes, ContentParser.Parse);

    public static (ParsedTopic? Topic, List<Diagnostic> Diagnostics) Parse(string relativePath, string text) =>
        Parse(relativePath, System.Text.Encoding.UTF8.GetBytes(text));
}
