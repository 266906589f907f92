using System.Text;
using QuoteArchive.Importer.Tests.Markdown;

namespace QuoteArchive.Importer.Tests.Wikitext;

/// <summary>
/// "Unbalanced <c>[[</c>, <c>{{</c>, <c>'''</c>, unclosed <c>&lt;ref&gt;</c> / <c>&lt;poem&gt;</c>, templates
/// nested 50 deep, a 1 MB page: a diagnostic with file:line:col, the page still imports, nothing hangs (bounded work
/// per byte), no exception escapes." Work is measured as memory allocated, never as time.
/// </summary>
public sealed class HostileWikitextTests
{
    public static TheoryData<string, string, int, int> BrokenPages() => new()
    {
        // name, page, and the line and column the diagnostic must point at
        { "unclosed link", "== Quotes ==\n* A quote with [[an unclosed link.\n", 2, 16 },
        { "unclosed template", "== Quotes ==\n* A quote.\n** {{cite book |title=A Title\n\n* Another quote.\n", 3, 4 },
        { "unclosed bold", "== Quotes ==\n* '''A quote in bold that never ends.\n", 2, 3 },
        { "unclosed ref", "== Quotes ==\n* A quote.<ref>A note that never ends.\n* Another quote.\n", 2, 11 },
        { "unclosed poem", "== Quotes ==\n* <poem>A poem\nthat never ends.\n", 2, 3 },
        { "unclosed comment", "== Quotes ==\n* A quote. <!-- a comment that never ends\n* Another quote.\n", 2, 12 },
        { "ref used but never given", "== Quotes ==\n* A quote.<ref name=\"x\" />\n", 2, 1 },
    };

    [Theory]
    [MemberData(nameof(BrokenPages))]
    public void BrokenMarkupIsReportedWhereItStandsAndThePageStillImports(string name, string text, int line, int column)
    {
        var (topic, diagnostics) = WikitextImport.Parse($"{name}.wiki", text);

        Assert.NotNull(topic);
        Assert.NotEmpty(topic.Quotes);
        Assert.Contains(diagnostics, d => d.Position.File == $"{name}.wiki" && (d.Position.Line, d.Position.Column) == (line, column));
        Assert.Equal(0, topic.UnreachedLines);
        HostileMarkdownTests.AssertSafe(topic, wikitext: true);
    }

    public static TheoryData<string, string> HostilePages() => new()
    {
        { "templates nested 50 deep", "* " + string.Concat(Enumerable.Repeat("{{lang|en|", 50)) + "deep" + new string('}', 100) + "\n" },
        { "templates nested 5000 deep", "* " + string.Concat(Enumerable.Repeat("{{w|", 5000)) + "deep" + new string('}', 10000) + "\n" },
        { "links nested 5000 deep", "* " + string.Concat(Enumerable.Repeat("[[a|", 5000)) + "deep" + new string(']', 10000) + "\n" },
        { "refs nested 1000 deep", "* a" + string.Concat(Enumerable.Repeat("<ref>", 1000)) + "deep" + string.Concat(Enumerable.Repeat("</ref>", 1000)) + "\n" },
        { "only openers", "* " + new string('{', 10000) + new string('[', 10000) + string.Concat(Enumerable.Repeat("<ref>", 1000)) + "\n" },
        { "only closers", "* " + new string('}', 10000) + new string(']', 10000) + string.Concat(Enumerable.Repeat("</ref></poem>-->", 1000)) + "\n" },
        { "interleaved", "* {{a|[[b|{{c|]]}}|]]}}<ref>[[</ref>}}<poem>{{</poem>]]\n" },
        { "raw html", "* <script>alert(1)</script><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">x</a>\n** <iframe src=x></iframe>\n" },
        { "script links", "* [javascript:alert(1) a] [[javascript:alert(1)|b]] [//x.org/\"onmouseover=alert(1) c] [https://x.org/\"onmouseover=\"alert(1) d]\n" },
        { "entities", "* &lt;script&gt; &#60;img&#62; &#0; &#x110000; &amp;lt; &#xD800;\n" },
        { "headings only", string.Concat(Enumerable.Range(0, 500).Select(i => new string('=', i % 8) + " h " + new string('=', (i * 3) % 8) + "\n")) },
        { "control characters", "* a \u0008 \u202Eevil\u202C \uFEFF\n" },
        { "tables nested 5000 deep", string.Concat(Enumerable.Repeat("{|\n| cell\n", 5000)) + string.Concat(Enumerable.Repeat("|}\n", 5000)) },
        { "table of hostile cells", "{| onclick=alert(1)\n| onclick=alert(1) | <script>alert(1)</script> || <sup onclick=alert(1)>2</sup>\n! [javascript:alert(1) x] !! <img src=x onerror=alert(1)>\n|}\n" },
        { "gallery of hostile lines", "<gallery caption=\"<script>alert(1)</script>\">\nFile:a.jpg|<script>alert(1)</script>\nFile:b.jpg|[javascript:alert(1) x] ~ y\n</gallery>\n" },
        { "superscripts nested 1000 deep", "* " + string.Concat(Enumerable.Repeat("<sup>", 1000)) + "deep" + string.Concat(Enumerable.Repeat("</sup>", 1000)) + "\n" },
        { "superscripts across emphasis and links", "* ''a <sup>b'' c</sup> d'' <sub>[[e|</sub>]] f</sub> <code>''g</code>''\n" },
    };

    [Theory]
    [MemberData(nameof(HostilePages))]
    public void HostileWikitextImportsInert(string name, string text)
    {
        var (topic, _) = WikitextImport.Parse($"{name}.wiki", text);

        Assert.NotNull(topic);
        HostileMarkdownTests.AssertSafe(topic, wikitext: true);
    }

    public static TheoryData<string, string> Fillers() => new()
    {
        { "a real page", File.ReadAllText(Path.Combine(WikitextSample.Folder, "Warmness.wiki")) + "\n" },
        { "unclosed links", "* [[a [[b [[c ''d '''e\n" },
        { "unclosed templates", "{{a|{{b|{{c\n" },
        { "unclosed external links", "* [https://example.org/a [http://b [//c\n" },
        { "unclosed refs and comments", "* a<ref>b<poem>c<!--d\n" },
        { "one long line", "[[a|b]] {{w|c}} <ref name=x>d</ref><ref name=x /> ''e'' &amp; https://example.org/f [https://example.org/g h] " },
        { "continuation lines", "*: a line of a long quote\n**: a line of a long attribution\n" },
        { "unclosed file links", "[[File:a.jpg|b " },
        { "file links on lines of their own", "[[File:a.jpg|thumb|b\nc]]\n[[Image:d.jpg|e]] [[File:f" },
        { "tables", "{| class=\"wikitable\"\n|+ a\n! b !! c\n|-\n| d || style=\"x\" | e\n| f\ng\n\n|}\n" },
        { "unclosed tables", "{|\n| a || b\n" },
        { "galleries", "<gallery>\nFile:a.jpg|b ~ c\nd.jpg|e\n</gallery>\n" },
        { "kept and raw tags", "* a<sup>b</sup> <sub>c <code>d</code></sub> <math>x^2</math> <pre>e</pre> __NOTOC__ ____ \n" },
        { "unclosed kept tags", "* <sup>a <sub>b <code>c __NOT" },
        { "unclosed raw tags", "<math>a <pre>b <gallery>c " },
    };

    [Theory]
    [MemberData(nameof(Fillers))]
    public void FourTimesTheTextCostsAboutFourTimesTheWork(string name, string filler)
    {
        // A quadratic reading would cost sixteen times the work for four times the text; linear reading costs four.
        var quarter = AllocatedWhileParsing(filler, 250_000, out _);
        var whole = AllocatedWhileParsing(filler, 1_000_000, out var topic);

        Assert.True(whole < 5 * quarter, $"{name}: 250 KB allocated {quarter:N0} bytes, 1 MB {whole:N0}");
        HostileMarkdownTests.AssertSafe(topic, wikitext: true);
    }

    private static long AllocatedWhileParsing(string filler, int size, out ParsedTopic topic)
    {
        var text = new StringBuilder("* A quote to hold what follows.\n");
        while (text.Length < size)
            text.Append(filler);
        var page = text.ToString();
        // The reader itself, past the import's limits (a 1 MB line, thousands of quotes): its work is what is measured.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var parsed = WikitextPageParser.Parse(new ContentFile("big.wiki", "en", page), "big", new ImportOptions(), []);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.NotNull(parsed);
        topic = parsed;
        return allocated;
    }

    [Fact]
    public void RandomWikitextNeverCrashesAndStaysInert()
    {
        // A fixed seed: the same thousand pages every run, built from the pieces wikitext gives meaning to.
        string[] pieces =
        [
            "\n", "\n\n", "* ", "** ", "*: ", "# ", ": ", ":'''A''': ", "; ", "== ", " ==", "=== ", "----\n", "<hr>", "[[", "]]", "[", "]",
            "{{", "}}", "|", "=", "''", "'''", "<ref>", "</ref>", "<ref name=a/>", "<poem>", "</poem>", "<!--", "-->", "<nowiki>",
            "</nowiki>", "<br>", "&amp;", "&nbsp;", "&#0;", "~ ", "File:", "Category:", "w:", "fr:", "https://example.org/ ", "javascript:alert(1)",
            "cite book", "citation", "Réf Livre", "disputed begin", "word ", "Speaker: ", "See also", "{|", "|}", "\"", "<script>", "\u202E",
            "|-", "|+", "||", "!!", "! ", ":{|", "<gallery>", "</gallery>", "<math>", "</math>", "<sup>", "</sup>", "<pre>", "__NOTOC__",
        ];
        var random = new Random(9);
        for (var page = 0; page < 1000; page++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(1, 200); i > 0; i--)
                text.Append(pieces[random.Next(pieces.Length)]);

            var (topic, _) = WikitextImport.Parse(page % 2 == 0 ? $"random-{page}.wiki" : $"fr/random-{page}.wiki", text.ToString());

            Assert.NotNull(topic);
            HostileMarkdownTests.AssertSafe(topic, wikitext: true);
        }
    }
}
