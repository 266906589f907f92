namespace QuoteArchive.Importer.Tests;

/// <summary>
/// The spec-file habit of the importer's tests (Markdig's): an input file, and beside it the expected dump of what it
/// imports to. Set <c>UPDATE_SPECS=1</c> to rewrite the expected files after a deliberate change (the run passes),
/// then review the diff.
/// </summary>
internal static class SpecFile
{
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
