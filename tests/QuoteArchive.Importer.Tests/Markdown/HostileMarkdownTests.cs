using System.Text;
using QuoteArchive.Importer;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests.Markdown;

/// <summary>
/// Content can never inject markup or script (FORMAT.md), and no input makes the importer crash. Every piece of HTML
/// the importer stores is parsed with a real HTML parser and must hold only the inline elements Markdown makes, with
/// links that go to http, https or mailto addresses.
/// </summary>
public sealed class HostileMarkdownTests
{
    private static readonly HashSet<string> SafeElements = ["A", "EM", "STRONG", "CODE", "BR"];

    // The wikitext reader writes superscripts and subscripts too (E = mc<sup>2</sup>), each closed around its content.
    private static readonly HashSet<string> WikitextElements = [.. SafeElements, "SUP", "SUB"];

    public static TheoryData<string, string> HostilePages() => new()
    {
        { "raw script block", "<script>alert(1)</script>\n\n- <script>alert(1)</script>\n  - <script>alert(2)</script>\n" },
        { "img onerror", "<img src=x onerror=alert(1)>\n\n- a quote <img src=x onerror=alert(1)> inline\n  - <IMG SRC=x OnError=alert(1)//\n" },
        { "svg and iframe", "- <svg onload=alert(1)> <iframe src=javascript:alert(1)></iframe> <a href=javascript:alert(1)>x</a>\n" },
        { "javascript links", "- [a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c]( javascript:alert(1) ) [d](<javascript:alert(1)>)\n" +
            "  - [e](javascript&#58;alert(1)) [f](&#106;avascript:alert(1)) [g](java%0ascript:alert(1)) <javascript:alert(1)>\n" },
        { "other schemes", "- [a](data:text/html,<script>alert(1)</script>) [b](vbscript:x) [c](file:///etc/passwd) [d](//evil.example/x)\n" },
        { "link attribute breakout", "- [a](https://en.wikiquote.org/\"onmouseover=\"alert(1)) [b](https://x.org \"t\\\" onmouseover=\\\"alert(1)\")\n" },
        { "html entities", "- &lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62; &amp;lt;b&amp;gt; &#0; &#x110000;\n" },
        { "image", "- ![x\" onerror=\"alert(1)](https://x.org/a.png) ![](javascript:alert(1))\n" },
        { "nested lists, 50 deep", "## Quotes\n\n" + string.Concat(Enumerable.Range(0, 50).Select(i => new string(' ', 2 * i) + $"- level {i}\n")) },
        { "nested block quotes, 50 deep", new string('>', 50) + " deep\n" },
        { "nested emphasis, 50 deep", "- " + new string('*', 50) + "deep" + new string('*', 50) + "\n" },
        { "nested brackets, 50 deep", "- " + new string('[', 50) + "x" + string.Concat(Enumerable.Repeat("](https://x.org)", 50)) + "\n" },
        { "nested block quotes, 5000 deep", new string('>', 5000) + " deep\n" },
        { "nested lists, 200 deep", string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', 2 * i) + "- x\n")) },
        { "nested lists, 1000 deep", string.Concat(Enumerable.Range(0, 1000).Select(i => new string(' ', 2 * i) + "- x\n")) },
        { "nested emphasis, 100000 deep", "- " + new string('*', 100_000) + "deep" + new string('*', 100_000) + "\n" },
        { "front matter attack", "---\ntitle: &a [\"<script>\", *a]\nsource: *b\nwikipedia: !!binary AAAA\n---\n- x\n" },
        { "control characters", "- a\u0000b \u0008 \u202Eevil\u202C \uFEFF\n" },
    };

    [Theory]
    [MemberData(nameof(HostilePages))]
    public void HostileMarkdownRendersInert(string name, string markdown)
    {
        var (topic, diagnostics) = MarkdownImport.Parse($"{name}.md", markdown);

        Assert.True(topic is not null || diagnostics.Any(d => d.Severity == Severity.Error), $"{name}: no topic and no error");
        if (topic is not null)
            AssertSafe(topic);
    }

    // YamlDotNet reports some slips (an unclosed bracket with a line after it) by an exception of another kind: still
    // a warning with the line, the front matter ignored, the page imported.
    [Theory]
    [InlineData("---\ntitle: [Draft My topic\nsource: https://x.org/\n---\n## Quotes\n\n- A line.\n")]
    [InlineData("---\ntitle: {Draft My topic\nsource: https://x.org/\n---\n## Quotes\n\n- A line.\n")]
    public void BrokenFrontMatterIsAWarningAndThePageImports(string markdown)
    {
        var (topic, diagnostics) = MarkdownImport.Parse("draft.md", markdown);

        Assert.NotNull(topic);
        var warning = Assert.Single(diagnostics, d => d.Message.Contains("front matter is not valid YAML", StringComparison.Ordinal));
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.InRange(warning.Position.Line, 1, 4);
    }

    [Fact]
    public void AnEmptyFrontMatterIsNoWarning()
    {
        var (topic, diagnostics) = MarkdownImport.Parse("empty.md", "---\n---\n# A topic\n\n## Quotes\n\n- A line.\n");
        Assert.Equal("A topic", topic?.Title);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void OneMegabyteParagraphCostsWorkInProportionToItsSize()
    {
        // Every kilobyte holds each inline construct once. (Markdig's emphasis matching grows with the square of the
        // delimiters in one paragraph: a megabyte of nothing but *emphasis* is refused with an error after seconds.)
        // The work is measured as memory allocated, which does not depend on the machine's speed: four times the
        // text may cost at most five times the work, where a quadratic reading would cost sixteen.
        var quarter = AllocatedWhileParsing(250_000, out _);
        var whole = AllocatedWhileParsing(1_000_000, out var topic);

        var quote = Assert.Single(topic.Sections.SelectMany(s => s.Quotes));
        Assert.True(quote.Text.Length > 500_000, $"the quote kept {quote.Text.Length} characters");
        AssertSafe(topic);
        Assert.True(whole < 5 * quarter, $"250 KB allocated {quarter:N0} bytes, 1 MB {whole:N0}");
    }

    private static long AllocatedWhileParsing(int size, out ParsedTopic topic)
    {
        var filler = string.Concat(Enumerable.Repeat("words of plain prose ", 45));
        var paragraph = new StringBuilder("- ");
        while (paragraph.Length < size)
            paragraph.Append(filler).Append("*emphasis* [link](https://en.wikiquote.org/wiki/Love) `code` &amp; <b onclick=x> ");
        var text = paragraph.ToString();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (parsed, diagnostics) = MarkdownImport.Parse("big.md", text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        topic = parsed!;
        return allocated;
    }

    [Fact]
    public void HostileFolderImportsIntoAnArchive()
    {
        var folder = Directory.CreateTempSubdirectory("quotearchive-hostile-");
        try
        {
            foreach (var (name, markdown) in HostilePages().Select(row => ((string)row[0], (string)row[1])))
                File.WriteAllText(Path.Combine(folder.FullName, $"{name}.md"), markdown);
            var reported = new List<Diagnostic>();

            var summary = new ArchiveBuilder(new ImportOptions()).Build(folder.FullName, Path.Combine(folder.FullName, "archive.db"), reported.Add);

            Assert.True(File.Exists(Path.Combine(folder.FullName, "archive.db")));
            Assert.Equal(HostilePages().Count(), summary.Topics + summary.Errors);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void RandomMarkdownNeverCrashesAndStaysInert()
    {
        // A fixed seed: the same thousand pages every run, built from the pieces Markdown and YAML give meaning to.
        string[] pieces =
        [
            "\n", "\n\n", "  ", "\t", "- ", "* ", "1. ", "> ", "— ", "~ ", "# ", "## ", "### ", "---\n", "```", "    ", "\\",
            "*", "**", "_", "`", "[", "]", "(", ")", "<", ">", "!", "&amp;", "&#0;", "&#x1F600;", "javascript:alert(1)",
            "https://en.wikiquote.org/wiki/Love", "mailto:a@b.c", "<script>", "onerror=", "\"", "'", "title: ", ": ", "|",
            "word ", "Quotes about", "See also", "Disputed", "\u202E", "\uFFFD", "\r",
        ];
        var random = new Random(4);
        for (var page = 0; page < 1000; page++)
        {
            var text = new StringBuilder(page % 3 == 0 ? "---\ntitle: " : "");
            for (var i = random.Next(1, 200); i > 0; i--)
                text.Append(pieces[random.Next(pieces.Length)]);

            var (topic, diagnostics) = MarkdownImport.Parse($"random-{page}.md", text.ToString());

            Assert.True(topic is not null || diagnostics.Any(d => d.Severity == Severity.Error), $"page {page}: no topic and no error");
            if (topic is not null)
                AssertSafe(topic);
        }
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"https://x.org\" onclick=\"alert(1)\">x</a>")]
    public void SafetyCheckRejectsLiveMarkup(string html)
    {
        var topic = new ParsedTopic { Slug = "T", Title = "T", Language = "en", SourceUrl = "https://x.org", SourcePath = "t.md" };
        topic.Lead.Add(new ParsedParagraph { Text = "x", Html = html });

        Assert.ThrowsAny<Exception>(() => AssertSafe(topic));
    }

    [Fact]
    public void FiftyDeepNestingKeepsEveryLevel()
    {
        var lists = string.Concat(Enumerable.Range(0, 50).Select(i => new string(' ', 2 * i) + $"- level {i}\n"));
        var (topic, _) = MarkdownImport.Parse("deep.md", $"# Deep\n\n## Quotes\n\n{lists}\n> {new string('>', 49)} deep quote\n");

        var quotes = topic!.Sections.SelectMany(s => s.Quotes).ToList();
        Assert.Equal("level 0", quotes[0].Text);
        Assert.Equal(Enumerable.Range(1, 49), quotes[0].Attribution.Select(a => a.Depth));
        Assert.Equal(Enumerable.Range(1, 49).Select(i => $"level {i}"), quotes[0].Attribution.Select(a => a.Text));
        Assert.Contains("deep quote", quotes[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HeadingLevelsAreKept()
    {
        var (topic, _) = MarkdownImport.Parse("levels.md", "# T\n\n## A\n\n### B\n\n#### C\n\n##### D\n\n###### E\n\n## F\n");

        Assert.Equal([("A", 1), ("B", 2), ("C", 3), ("D", 4), ("E", 5), ("F", 1)],
            topic!.Sections.Select(s => (s.Heading!, s.Level)));
    }

    [Fact]
    public void QuoteIdsSurviveReorderingAndEditsElsewhere()
    {
        var (before, _) = MarkdownImport.Parse("a.md", "# T\n\n## A\n\n- First.\n- Second.\n\n## B\n\n- Third.\n");
        var (after, _) = MarkdownImport.Parse("a.md", "# T\n\nA new lead.\n\n## B\n\n- Third.\n  - Now attributed.\n\n## A renamed\n\n- Second.\n- First.\n");

        Assert.Equal(IdsByText(before!), IdsByText(after!));
    }

    /// <param name="wikitext">the topic is the wikitext reader's, which also writes <c>&lt;sup&gt;</c> and <c>&lt;sub&gt;</c>;
    /// links to this wiki's pages (<c>/wiki/…</c>, as wikitext makes them) are allowed either way</param>
    internal static void AssertSafe(ParsedTopic topic, bool wikitext = false) =>
        HostileContentTests.AssertInert(topic, wikitext ? WikitextElements : SafeElements);

    private static Dictionary<string, string> IdsByText(ParsedTopic topic) =>
        topic.Sections.SelectMany(s => s.Quotes).ToDictionary(q => q.Text, q => q.Id);

}
