using System.Text;

namespace QuoteArchive.Importer.Tests;

/// <summary>FORMAT.md "Diagnostics": each problem as <c>file:line:col: warning|error: message</c>; a warning keeps the file.</summary>
public sealed class DiagnosticTests
{
    private const string Star = "a.txt:{0}:{1}: warning: bullet marker '{2}' instead of '•'";

    public static TheoryData<string, byte[], string[]> Cases => new()
    {
        { "empty file", [], ["a.txt:1:1: error: empty file: a topic needs at least a title"] },
        { "only white space", Utf8("  \n\t\n\n"), ["a.txt:1:1: error: empty file: a topic needs at least a title"] },
        { "binary garbage", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x0D],
            ["a.txt:3:1: error: binary file (NUL byte): not a text content file"] },
        { "invalid UTF-8", [.. Utf8("Title\n\nQuotes\n\n  • caf"), 0xE9, .. Utf8(" au lait\n")],
            ["a.txt:5:1: warning: invalid UTF-8: bad bytes replaced by U+FFFD"] },
        { "CRLF and BOM", [0xEF, 0xBB, 0xBF, .. Utf8("Title\r\n\r\nQuotes\r\n\r\n  • A quote.\r\n    • Someone\r\n")], [] },
        { "CR line ends", Utf8("Title\r\rQuotes\r\r  • A quote.\r    • Someone"), [] },
        { "tabs", Utf8("Title\n\nQuotes\n\n\t• A quote.\n\t\t• Someone\n"), [] },
        { "* bullets", Utf8("Title\n\nQuotes\n\n* A quote.\n  * Someone\n"), [string.Format(Star, 5, 1, '*'), string.Format(Star, 6, 3, '*')] },
        { "- bullets", Utf8("Title\n\nQuotes\n\n- A quote.\n  - Someone\n"), [string.Format(Star, 5, 1, '-'), string.Format(Star, 6, 3, '-')] },
        { "· bullets", Utf8("Title\n\nQuotes\n\n· A quote.\n  · Someone\n"), [string.Format(Star, 5, 1, '·'), string.Format(Star, 6, 3, '·')] },
        { "bullet with no quote above it", Utf8("Title\n\nQuotes\n\n  • Someone\n\nA quote.\n\nOther\n\n    • Nobody\n"),
            ["a.txt:11:7: warning: bullet with no quote above it: kept as a quote"] },
        { "same quote twice", Utf8("Title\n\nQuotes\n\n  • Twice.\n\n  • Twice.\n"),
            ["a.txt:7:1: warning: the same quote text appears 2 times in this page (first on line 5)"] },
        { "title without a slug", Utf8("___\n\n  • A quote.\n"), ["a.txt:1:1: error: the title has no characters a slug can keep"] },
    };

    [Theory, MemberData(nameof(Cases))]
    public void ProblemsAreReportedLikeACompiler(string name, byte[] bytes, string[] expected)
    {
        var (topic, diagnostics) = Parse(bytes);

        Assert.True(expected.SequenceEqual(diagnostics.Select(d => d.ToString())),
            $"{name}: expected\n  {string.Join("\n  ", expected)}\nfound\n  {string.Join("\n  ", diagnostics)}");
        // FORMAT.md: "A warning keeps the file (with the best reading); an error skips that file only."
        Assert.Equal(expected.Any(e => e.Contains(": error: ", StringComparison.Ordinal)), topic is null);
    }

    [Theory]
    [InlineData("CRLF and BOM")]
    [InlineData("CR line ends")]
    [InlineData("tabs")]
    [InlineData("* bullets")]
    [InlineData("- bullets")]
    [InlineData("· bullets")]
    public void OddLayoutsReadAsTheCleanOne(string name)
    {
        var bytes = (byte[])Cases.Single(row => (string)row[0] == name)[1];
        var (topic, _) = Parse(bytes);

        Assert.Equal("Title", topic!.Title);
        var quote = Assert.Single(Assert.Single(topic.Sections).Quotes);
        Assert.Equal(("A quote.", 5), (quote.Text, quote.Line));
        Assert.Equal((1, "Someone", 6), (quote.Attribution[0].Depth, quote.Attribution[0].Text, quote.Attribution[0].Line));
    }

    [Fact]
    public void InvalidBytesBecomeReplacementCharacters()
    {
        var (topic, _) = Parse((byte[])Cases.Single(row => (string)row[0] == "invalid UTF-8")[1]);

        Assert.Equal("caf\uFFFD au lait", Assert.Single(topic!.Sections.SelectMany(s => s.Quotes)).Text);
    }

    [Fact]
    public void DuplicateSlugSkipsTheSecondFileOnly()
    {
        using var folder = new TemporaryFolder();
        folder.Write("a.txt", "Same title\n\nQuotes\n\n  • First.\n");
        folder.Write("b.txt", "Same  title\n\nQuotes\n\n  • Second.\n");
        folder.Write("c.txt", "");
        folder.Write("d.txt", "Other\n\nQuotes\n\n  • Third.\n");
        var reported = new List<string>();

        var summary = new ArchiveBuilder(new ImportOptions()).Check(folder.Path, d => reported.Add(d.ToString()));

        Assert.Equal(["b.txt:1:1: error: duplicate slug 'Same_title': another file already has this title; this file is skipped",
            "c.txt:1:1: error: empty file: a topic needs at least a title"], reported.Order(StringComparer.Ordinal));
        Assert.Equal((2, 2, 0), (summary.Topics, summary.Errors, summary.Warnings));
    }

    [Fact]
    public void NoInputMakesTheParserCrash()
    {
        // FORMAT.md: "No input makes the importer crash, hang, or leave a half-written database." Pieces of page text
        // shuffled at random (seeded: a failure reproduces), with stray bytes among them.
        string[] pieces = ["\n", "\n\n", "  ", "\t", "• ", "* ", "- ", "· ", "~", "[ ", " ]", "(", ")", "Quotes about", "See also", "Cast",
            "Disputed", "Ann: ", "Wikipedia has an article about:", "Look up x in Wiktionary, the free dictionary.", "== a == b",
            "A · B · C", "text", "Word", ".", "?", ":", "\r", "\uFFFD", "\u0301", "\u0085", "\u2028", "___", "\""];
        var random = new Random(20261127);
        for (var run = 0; run < 500; run++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 80)).Select(_ => pieces[random.Next(pieces.Length)]));
            var bytes = Utf8(text);
            if (run % 5 == 0)
                bytes[random.Next(bytes.Length)] = (byte)random.Next(0x80, 0x100);

            var (topic, diagnostics) = Parse(bytes);

            Assert.True(topic is not null || diagnostics.Any(d => d.Severity == Severity.Error), $"run {run}: no topic and no error for {text}");
            if (topic is not null)
            {
                var lost = NothingIsLostTests.Lost(topic, Decoded(bytes).Split('\n'), diagnostics);
                Assert.True(lost.Count == 0, $"run {run}: {string.Join("; ", lost)} in {System.Text.Json.JsonSerializer.Serialize(Decoded(bytes))}");
            }
        }
    }

    private static string Decoded(byte[] bytes)
    {
        var file = ContentFile.Decode("a.txt", bytes, "en", []);
        return file!.Text;
    }

    private static (ParsedTopic? Topic, List<Diagnostic> Diagnostics) Parse(byte[] bytes)
    {
        var diagnostics = new List<Diagnostic>();
        var file = ContentFile.Decode("a.txt", bytes, "en", diagnostics);
        var topic = file is null ? null : ContentParser.Parse(file, new ImportOptions(), diagnostics);
        return (topic, diagnostics);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>A folder under the system temporary folder, deleted with everything in it.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("quotearchive-tests-").FullName;

    public string Write(string relative, string text)
    {
        var path = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
