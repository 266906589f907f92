namespace QuoteArchive.Importer.Tests;

/// <summary>
/// The spec-file habit of the importer's tests (Markdig's): an input file, and beside it the expected dump of what it
/// imports to. Set <c>UPDATE_SPECS=1</c> to rewrite the expected files after a deliberate change (the run passes),
/// then review the diff.
/// </summary>
internal static class SpecFile
{
    /// <summary>The specs of a folder (and its sub-folders), by relative path without the input's extension, as a theory's cases.</summary>
    public static TheoryData<string> Names(string folder, string extension)
    {
        var specs = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*" + extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            specs.Add(Path.GetRelativePath(folder, path).Replace('\\', '/')[..^extension.Length]);
        return specs;
    }

    /// <summary>
    /// Imports <c>&lt;spec&gt;&lt;extension&gt;</c> of <paramref name="folder"/> (beside the test binary) and compares its
    /// <see cref="Markdown.ModelDump"/> with <c>&lt;spec&gt;.expected</c>; the source tree's copy is in <c>Specs/</c> beside
    /// the calling test's file.
    /// </summary>
    public static void AssertImportsAsExpected(string folder, string spec, string extension,
        Func<string, byte[], (ParsedTopic? Topic, List<Diagnostic> Diagnostics)> import,
        [System.Runtime.CompilerServices.CallerFilePath] string caller = "")
    {
        var (topic, diagnostics) = import(spec + extension, File.ReadAllBytes(Path.Combine(folder, spec + extension)));
        var found = Markdown.ModelDump.Of(topic, diagnostics);
        AssertMatches(Path.Combine(folder, $"{spec}.expected"), Path.Combine(Path.GetDirectoryName(caller)!, "Specs", $"{spec}.expected"), found);
    }

    /// <param name="expectedPath">the expected file beside the test binary: what this run reads</param>
    /// <param name="sourcePath">the same file in the source tree: the one to review and commit</param>
    public static void AssertMatches(string expectedPath, string sourcePath, string found)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SPECS") == "1")
        {
            File.WriteAllText(sourcePath, found);
            File.WriteAllText(expectedPath, found);
        }
        Assert.True(File.Exists(expectedPath), $"missing {Path.GetFileName(expectedPath)}; found:\n{found}");
        Assert.Equal(File.ReadAllText(expectedPath), found);
    }
}

/// <summary>Decodes a content file and parses it as the importer does, with the parser of its format.</summary>
internal static class ContentImport
{
    public delegate ParsedTopic? Parser(ContentFile file, ImportOptions options, List<Diagnostic> diagnostics);

    public static (ParsedTopic? Topic, List<Diagnostic> Diagnostics) Parse(string relativePath, byte[] bytes, Parser parser, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        var diagnostics = new List<Diagnostic>();
        var file = ContentFile.Decode(relativePath, bytes, ContentFile.LanguageOf(relativePath, options.DefaultLanguage), diagnostics);
        var topic = file is null ? null : parser(file, options, diagnostics);
        return (topic, diagnostics);
    }
}
