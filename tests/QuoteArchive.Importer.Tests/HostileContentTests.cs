using AngleSharp.Html.Parser;
using Microsoft.Data.Sqlite;

namespace QuoteArchive.Importer.Tests;

/// <summary>
/// Hostile content in any of the three page formats is imported as text, or refused with a diagnostic, and is inert in
/// what the importer stores: every stored piece of HTML holds only the elements the renderers write themselves, no
/// event handler, and links only to http(s), mailto or the archive's own pages.
/// </summary>
public sealed class HostileContentTests
{
    // What the Markdown and wikitext renderers write; anything else in stored HTML came from the content.
    private static readonly HashSet<string> RenderedElements = ["A", "EM", "STRONG", "I", "B", "BR", "CODE", "SMALL", "SPAN", "SUP", "SUB"];

    public static TheoryData<string, string> Hostile => new()
    {
        { "script", "<script>alert(1)</script>" },
        { "img onerror", "<img src=x onerror=alert(1)>" },
        { "attribute breakout", "\"><svg onload=alert(1)>" },
        { "javascript link", "[x](javascript:alert(1)) [javascript:alert(1) x] [[javascript:alert(1)|x]]" },
        { "data link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [data:text/html,<script>alert(1)</script> x]" },
        { "meta refresh", "<meta http-equiv=refresh content=\"0;url=https://evil.example/\">" },
        { "bidi override", "\u202Eevil\u202C text" },
        { "zero-width characters", "zero\u200Bwidth\u200D\uFEFF joiner" },
        { "NUL byte", "a\0b" },
        { "100,000-character line", new string('w', 99_990) },
    };

    public static TheoryData<string, string, string> InEveryFormat()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var row in Hostile)
        {
            foreach (var extension in new[] { ".txt", ".md", ".wiki" })
                cases.Add((string)row[0], extension, (string)row[1]);
        }
        return cases;
    }

    [Theory, MemberData(nameof(InEveryFormat))]
    public void HostileContentIsStoredAsTextOrRefusedAndIsInert(string name, string extension, string hostile)
    {
        using var folder = new TemporaryFolder();
        folder.Write("Page" + extension, Page(extension, hostile));
        var reported = new List<Diagnostic>();
        var target = Path.Combine(folder.Path, "archive.db");

        var summary = new ArchiveBuilder(new ImportOptions()).Build(folder.Path, target, reported.Add);

        Assert.True(summary.Topics == 1 || reported.Any(d => d.Severity == Severity.Error), $"{name}: no topic and no error");
        foreach (var html in StoredHtml(target))
            AssertInert(html);
        // Imported as text: the letters of the hostile text are in the quote's text (a link keeps its label).
        if (summary.Topics == 1 && name is "script" or "bidi override" or "zero-width characters" or "100,000-character line")
            Assert.Contains(StoredQuoteTexts(target), text => text.Contains(hostile.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public void StoredHtmlOfTheSampleArchiveIsInert()
    {
        using var folder = new TemporaryFolder();
        var target = Path.Combine(folder.Path, "archive.db");
        new ArchiveBuilder(new ImportOptions()).Build(Markdown.NothingIsLostTests.ContentFolder, target, _ => { });

        var html = StoredHtml(target);
        Assert.NotEmpty(html);
        foreach (var fragment in html)
            AssertInert(fragment);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<em onmouseover=\"alert(1)\">x</em>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"data:text/html,x\">x</a>")]
    [InlineData("<a href=\"//evil.example/\">x</a>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0\">")]
    public void TheInertCheckRejectsLiveMarkup(string html) =>
        Assert.ThrowsAny<Exception>(() => AssertInert(html));

    /// <summary>The page of the format with the hostile text as its lead, a heading, a quote and an attribution line.</summary>
    private static string Page(string extension, string hostile) => extension switch
    {
        ".txt" => $"Page\n\n{hostile}\n\nQuotes\n\n  • {hostile}\n    • {hostile}\n",
        ".md" => $"# Page\n\n{hostile}\n\n## Quotes {hostile}\n\n- {hostile}\n  - {hostile}\n",
        _ => $"{hostile}\n== Quotes {hostile} ==\n* {hostile}\n** {hostile}\n",
    };

    /// <summary>Fails unless the fragment holds only rendered elements, no handler, and links to safe places.</summary>
    internal static void AssertInert(string html, IReadOnlySet<string>? elements = null)
    {
        elements ??= RenderedElements;
        var body = new HtmlParser().ParseDocument($"<!DOCTYPE html><body>{html}").Body!;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.True(elements.Contains(element.TagName), $"<{element.TagName}> in {Shorten(html)}");
            foreach (var attribute in element.Attributes)
            {
                Assert.True(element.TagName == "A" && attribute.Name is "href" or "title", $"{attribute.Name}= on <{element.TagName}> in {Shorten(html)}");
                if (attribute.Name == "href")
                    Assert.Matches("^(https?://[^/]|mailto:|/wiki/)", attribute.Value);
            }
        }
    }

    internal static void AssertInert(ParsedTopic topic, IReadOnlySet<string>? elements = null)
    {
        var html = topic.Lead.Select(p => p.Html)
            .Concat(topic.Sections.SelectMany(s => s.Notes.Select(n => n.Html)))
            .Concat(topic.Sections.SelectMany(s => s.Items.Select(i => i.Html)))
            .Concat(topic.Quotes.Select(q => q.Html))
            .Concat(topic.Quotes.SelectMany(q => q.Attribution).Select(a => a.Html))
            .Concat(topic.Quotes.SelectMany(q => q.Notes).Select(n => n.Html));
        foreach (var fragment in html.OfType<string>())
            AssertInert(fragment, elements);
    }

    /// <summary>Every Html column of every table of the archive.</summary>
    private static List<string> StoredHtml(string archive) =>
        Query(archive, "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'Html'")
            .SelectMany(table => Query(archive, $"SELECT Html FROM \"{table}\" WHERE Html IS NOT NULL")).ToList();

    private static List<string> StoredQuoteTexts(string archive) =>
        Query(archive, "SELECT Text FROM Quotes UNION ALL SELECT Text FROM AttributionLines UNION ALL SELECT Text FROM Paragraphs");

    private static List<string> Query(string archive, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={archive};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
            values.Add(reader.GetString(0));
        return values;
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
