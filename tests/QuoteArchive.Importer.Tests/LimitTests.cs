namespace QuoteArchive.Importer.Tests;

/// <summary>
/// Limits (<see cref="ImportLimits"/>): a file over one is reported like a compiler's error, at the place where it goes
/// over, and skipped whole; the other files import, and nothing takes the process down.
/// </summary>
public sealed class LimitTests
{
    private static readonly ImportLimits Small = new()
    {
        MaxFileBytes = 200, MaxLineLength = 40, MaxListDepth = 3, MaxFrontMatterBytes = 60, MaxFrontMatterDepth = 3, MaxQuotesPerTopic = 2,
    };

    private static string Quotes(int count) => string.Concat(Enumerable.Range(1, count).Select(i => $"  • Quote {i}.\n"));

    public static TheoryData<string, string, string> OverALimit => new()
    {
        { "big.txt", "Big\n\nQuotes\n\n" + Quotes(20),
            "big.txt:1:1: error: 324 bytes: more than the limit of 200 bytes (--max-file-size); skipped" },
        { "long.txt", "Long\n\nQuotes\n\n  • " + new string('x', 50) + "\n",
            "long.txt:5:41: error: a line of 54 characters: more than the limit of 40 characters (--max-line-length); skipped" },
        { "long.md", "# Long\n\n- " + new string('x', 50) + "\n",
            "long.md:3:41: error: a line of 52 characters: more than the limit of 40 characters (--max-line-length); skipped" },
        { "long.wiki", "== Quotes ==\n* " + new string('x', 50) + "\n",
            "long.wiki:2:41: error: a line of 52 characters: more than the limit of 40 characters (--max-line-length); skipped" },
        { "deep.txt", "Deep\n\nQuotes\n\n  • A.\n    • B.\n      • C.\n        • D.\n",
            "deep.txt:8:1: error: a list 4 levels deep: more than the limit of 3 levels (--max-list-depth); skipped" },
        { "deep.md", "# Deep\n\n- A.\n  - B.\n    - C.\n      - D.\n",
            "deep.md:6:1: error: a list 4 levels deep: more than the limit of 3 levels (--max-list-depth); skipped" },
        { "deep.wiki", "== Quotes ==\n* A.\n** B.\n*** C.\n**** D.\n",
            "deep.wiki:5:1: error: a list 4 levels deep: more than the limit of 3 levels (--max-list-depth); skipped" },
        { "many.txt", "Many\n\nQuotes\n\n" + Quotes(3),
            "many.txt:7:1: error: quote 3: more than the limit of 2 quotes (--max-quotes-per-topic); skipped" },
        { "many.wiki", "== Quotes ==\n* One.\n* Two.\n* Three.\n",
            "many.wiki:4:1: error: quote 3: more than the limit of 2 quotes (--max-quotes-per-topic); skipped" },
        { "fat.md", "---\ntitle: Fat\ndescription: one\nlicense: two\nsource: https://x.org/\n---\n- A.\n",
            "fat.md:2:1: error: front matter of 63 bytes: more than the limit of 60 bytes (--max-front-matter-size); skipped" },
        { "nested.md", "---\ntitle: [[[[x]]]]\n---\n- A.\n",
            "nested.md:2:10: error: front matter nested deeper: more than the limit of 3 levels (--max-front-matter-depth); skipped" },
        { "blocks.md", "---\na:\n b:\n  c:\n   d: x\n---\n- A.\n",
            "blocks.md:5:4: error: front matter nested deeper: more than the limit of 3 levels (--max-front-matter-depth); skipped" },
        { "compact.md", "---\n- - - - x\n---\n# Compact\n\n- A.\n",
            "compact.md:2:9: error: front matter nested deeper: more than the limit of 3 levels (--max-front-matter-depth); skipped" },
    };

    [Theory, MemberData(nameof(OverALimit))]
    public void AFileOverALimitIsReportedWhereItGoesOverAndSkippedWhole(string name, string text, string expected)
    {
        using var folder = new TemporaryFolder();
        folder.Write(name, text);
        folder.Write("fine.txt", "Fine\n\nQuotes\n\n  • One.\n");
        var reported = new List<string>();

        var summary = new ArchiveBuilder(new ImportOptions { Limits = Small }).Check(folder.Path, d => reported.Add(d.ToString()));

        Assert.Equal([expected], reported);
        Assert.Equal((1, 1), (summary.Topics, summary.Errors));
    }

    [Theory, MemberData(nameof(OverALimit))]
    public void TheSameFileImportsUnderTheDefaultLimits(string name, string text, string expected)
    {
        using var folder = new TemporaryFolder();
        folder.Write(name, text);

        var summary = new ArchiveBuilder(new ImportOptions()).Check(folder.Path, _ => { });

        Assert.True((1, 0) == (summary.Topics, summary.Errors), $"{name} ({expected}) under the default limits: {summary}");
    }

    [Fact]
    public void FrontMatterNestedThirtyThousandDeepIsAnErrorNotAStackOverflow()
    {
        // One 30 KB line: the YAML parser would recurse 30,000 times and overflow the stack, which ends the process.
        using var folder = new TemporaryFolder();
        folder.Write("bomb.md", "---\nk: " + new string('[', 30_000) + "\n---\n# Bomb\n\n- A.\n");
        folder.Write("fine.md", "# Fine\n\n- A.\n");
        var reported = new List<string>();

        var summary = new ArchiveBuilder(new ImportOptions()).Build(folder.Path, Path.Combine(folder.Path, "archive.db"), d => reported.Add(d.ToString()));

        Assert.Equal(["bomb.md:2:19: error: front matter nested deeper: more than the limit of 16 levels (--max-front-matter-depth); skipped"], reported);
        Assert.Equal((1, 1), (summary.Topics, summary.Errors));
    }

    [Theory]
    [InlineData("title: \"[[[[[[[[\"\ndescription: 'it''s [[[[[[[['\nsource: https://x.org/[[[[[[[[ # [[[[[[[[")]
    [InlineData("description: |\n  [[[[[[[[ {{{{{{{{\n  more text\ntitle: T")]
    [InlineData("title: T\nlicense: [a, [b, [c]]]")]
    public void BracketsInScalarsAndCommentsAreNoNesting(string yaml)
    {
        var (topic, diagnostics) = Markdown.MarkdownImport.Parse("fm.md", $"---\n{yaml}\n---\n- A.\n");

        Assert.NotNull(topic);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void APageOfAnExportOverALimitIsSkippedAndTheOtherPagesImport()
    {
        static string Page(string title, int line, string text) =>
            $"<page><title>{title}</title><ns>0</ns><id>{line}</id><revision><id>{line}</id><text xml:space=\"preserve\">{text}</text></revision></page>\n";
        using var folder = new TemporaryFolder();
        folder.Write("export.xml", "<mediawiki xml:lang=\"en\">\n"
            + Page("Fine", 2, "== Quotes ==\n* One.")
            + Page("Big", 4, "== Quotes ==\n* " + new string('x', 300))
            + Page("Long", 6, "== Quotes ==\n* " + new string('y', 60))
            + Page("Many", 8, "== Quotes ==\n* One.\n* Two.\n* Three.")
            + "</mediawiki>\n");
        var reported = new List<string>();

        var summary = new ArchiveBuilder(new ImportOptions { Limits = Small with { MaxFileBytes = 100 } })
            .Check(folder.Path, d => reported.Add(d.ToString()));

        Assert.Equal([
            "export.xml:4:1: error: 315 bytes: more than the limit of 100 bytes (--max-file-size); skipped",
            "export.xml:7:41: error: a line of 62 characters: more than the limit of 40 characters (--max-line-length); skipped",
            "export.xml:11:1: error: quote 3: more than the limit of 2 quotes (--max-quotes-per-topic); skipped"], reported);
        Assert.Equal((1, 3), (summary.Topics, summary.Errors));
    }

    [Fact]
    public void AnExportAsAWholeIsExemptFromTheFileSize()
    {
        using var folder = new TemporaryFolder();
        folder.Write("export.xml", "<mediawiki xml:lang=\"en\">\n"
            + string.Concat(Enumerable.Range(1, 20).Select(i =>
                $"<page><title>T{i}</title><ns>0</ns><id>{i}</id><revision><id>{i}</id><text>== Q ==\n* Quote {i}.</text></revision></page>\n"))
            + "</mediawiki>\n");

        var summary = new ArchiveBuilder(new ImportOptions { Limits = Small }).Check(folder.Path, _ => { });

        Assert.Equal((20, 0), (summary.Topics, summary.Errors));
    }

    [Fact]
    public void EveryLimitIsAnOptionOfTheCommandLine()
    {
        Assert.True(ImporterArguments.TryParse(["--max-file-size", "200", "--max-line-length", "40", "--max-list-depth", "3",
            "--max-front-matter-size", "60", "--max-front-matter-depth", "3", "--max-quotes-per-topic", "2", "content", "a.db"], out var arguments, out _));

        Assert.Equal(Small, arguments.Options.Limits);
    }

    [Theory]
    [InlineData("--max-line-length", "many", "--max-line-length needs a whole number, not 'many'")]
    [InlineData("--max-list-depth", "-1", "--max-list-depth needs a whole number, not '-1'")]
    [InlineData("--max-quotes-per-topic", "0", "every limit must be at least 1")]
    [InlineData("--max-front-matter-depth", "5000", "a front matter depth of 5000 is more than the YAML parser survives (1000)")]
    public void ABadLimitIsAUsageErrorThatSaysWhy(string option, string value, string problem)
    {
        Assert.False(ImporterArguments.TryParse([option, value, "content", "a.db"], out _, out var found));
        Assert.Equal(problem, found);
    }

    [Fact]
    public void AnArchiveBuiltUnderOtherLimitsIsNotUpToDate()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/a.txt", "A\n\nQuotes\n\n  • One.\n");
        var (content, target) = (Path.Combine(folder.Path, "content"), Path.Combine(folder.Path, "archive.db"));
        new ArchiveBuilder(new ImportOptions()).Build(content, target, _ => { });

        Assert.True(new ArchiveBuilder(new ImportOptions()).IsUpToDate(content, target));
        Assert.False(new ArchiveBuilder(new ImportOptions { Limits = new() { MaxLineLength = 1000 } }).IsUpToDate(content, target));
    }
}
