using System.Text;
using ICSharpCode.SharpZipLib.BZip2;

namespace QuoteArchive.Bench.Corpus;

public enum DumpCompression { None, SingleStream, Multistream }

/// <summary>
/// A synthetic MediaWiki dump in the shape of English Wikiquote's pages-articles dump. Shapes, from the samples in
/// shared/samples/wikitext: about 38 quotes an article (2.7 million over 71,000), most with a source line (** …,
/// some *** notes), sections Quotes / Sourced / Disputed / Misattributed / Quotes about / See also / External links,
/// {{cite book}}, {{w}}, {{Wikipedia}}, &lt;ref&gt;, film pages with dialogue runs and a cast, 10 % of articles in
/// non-Latin scripts, categories and interlanguage links; attributions naming people of a pool (a few often, most
/// once or twice) on theme pages, and now and then another title of a person page; plus redirects (as many as
/// articles, some another name of a person) and pages of other namespaces (talk), as a real dump holds them.
/// </summary>
public static class DumpWriter
{
    /// <summary>Writes the dump; returns the number of pages. The bytes depend only on the arguments.</summary>
    public static int Write(Stream output, int articles, int seed, DumpCompression compression)
    {
        var words = new Vocabulary(seed);
        // One bzip2 stream for the whole file, or (multistream, as Wikimedia writes it) one for each chunk of pages.
        using var single = compression == DumpCompression.SingleStream ? new BZip2OutputStream(output) { IsStreamOwner = false } : null;
        var xml = new StringBuilder();
        void Flush()
        {
            var bytes = Encoding.UTF8.GetBytes(xml.ToString());
            xml.Clear();
            if (compression == DumpCompression.Multistream)
            {
                using var chunk = new BZip2OutputStream(output) { IsStreamOwner = false };
                chunk.Write(bytes);
            }
            else
                (single ?? output).Write(bytes);
        }

        xml.Append("""
            <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
              <siteinfo>
                <sitename>Wikiquote</sitename>
                <base>https://en.wikiquote.org/wiki/Main_Page</base>
                <namespaces><namespace key="0" /><namespace key="1">Talk</namespace><namespace key="10">Template</namespace><namespace key="14">Category</namespace></namespaces>
              </siteinfo>
              <!-- GENERATED BENCHMARK CORPUS: synthetic text, not quotations. -->

            """);
        Flush();

        var id = 0;
        void Page(string title, int ns, string text, string? redirect = null)
        {
            id++;
            xml.Append($"  <page>\n    <title>{Escape(title)}</title>\n    <ns>{ns}</ns>\n    <id>{id}</id>\n");
            if (redirect is not null)
                xml.Append($"    <redirect title=\"{Escape(redirect)}\" />\n");
            xml.Append($"    <revision>\n      <id>{1_000_000 + id}</id>\n      <timestamp>20{10 + id % 15:00}-0{1 + id % 9}-1{id % 9}T12:00:00Z</timestamp>\n");
            xml.Append($"      <text bytes=\"{Encoding.UTF8.GetByteCount(text)}\" xml:space=\"preserve\">{Escape(text)}</text>\n    </revision>\n  </page>\n");
        }

        var titles = new List<string>();
        var people = new People(words, articles);
        for (var n = 0; n < articles; n++)
        {
            var script = words.PageScript();
            var film = words.Next(12) == 0;
            // Half the articles are people (a lead with their years: a person page, whose own quotes are theirs and
            // cite their works), half themes, whose quotes name their authors.
            var person = !film && words.Next(2) == 0;
            var title = $"{words.Name()} {n}";
            titles.Add(title);
            Page(title, 0, Article(words, title, script, film, person, titles, people));
            // As many redirects as articles, one in five of a person's another name of theirs ("Benedict XVI" of "Pope
            // Benedict XVI"), and a page of another namespace every tenth article.
            Page(person && n % 5 == 0 ? people.OtherName() : $"{title} (alias)", 0, $"#REDIRECT [[{title}]]", redirect: title);
            if (n % 10 == 0)
                Page($"Talk:{title}", 1, words.Sentence(Vocabulary.LatinScript));
            if (id % 100 < 3)
                Flush();
        }
        xml.Append("</mediawiki>\n");
        Flush();
        return id;
    }

    private static string Article(Vocabulary words, string title, int script, bool film, bool person, List<string> titles, People people)
    {
        const int latin = Vocabulary.LatinScript;
        var page = new StringBuilder();
        page.Append(person ? $"'''{title}''' ({1800 + words.Next(200)}–{1900 + words.Next(120)}) {words.Sentence(latin)}\n\n"
            : $"'''{title}''' {words.Sentence(latin)}\n\n");
        if (film)
        {
            var cast = Enumerable.Range(0, words.Next(2, 6)).Select(_ => (Actor: words.Name(), Role: words.Name())).ToList();
            page.Append("== Dialogue ==\n");
            for (var run = words.Next(3, 15); run > 0; run--)
            {
                for (var line = words.Next(1, 6); line > 0; line--)
                    page.Append($":'''{cast[words.Next(cast.Count)].Role}''': {words.DialogueLineText(script)}\n");
                page.Append("----\n");
            }
            page.Append("\n== Cast ==\n");
            foreach (var (actor, role) in cast)
                page.Append($"* [[w:{actor}|{actor}]] as {role}\n");
        }
        else
        {
            // Heavy-tailed quote counts: most pages are short, a few very long, averaging about 38.
            var quotes = (int)Math.Min(1500, Math.Exp(words.Random.NextDouble() * 5.38) + words.Next(5));
            string[] headings = person ? ["Quotes", "Sourced", "Disputed", "Misattributed", "Quotes about " + title] : ["Quotes", "Sourced", "Disputed", "Misattributed"];
            var perSection = Math.Max(1, quotes / headings.Length);
            foreach (var heading in headings)
            {
                page.Append($"\n== {heading} ==\n");
                for (var q = 0; q < perSection; q++)
                {
                    page.Append($"* {words.QuoteText(script)}{(words.Next(8) == 0 ? $"<ref>{words.Sentence(latin)}</ref>" : "")}\n");
                    switch (words.Next(5))
                    {
                        case 0: break;
                        case 1: page.Append($"** {{{{cite book|{(person ? "" : $"author={people.Next()}|")}title={Vocabulary.Cap(words.Words(3, latin))}|year={1800 + words.Next(220)}|page={words.Next(400)}}}}}\n"); break;
                        case 2: page.Append($"** {(person ? "" : $"[[{people.Next()}]], ")}''{Vocabulary.Cap(words.Words(3, latin))}'' ({1800 + words.Next(220)})\n*** {words.Sentence(latin)}\n"); break;
                        default: page.Append($"** {(person ? "" : $"{{{{w|{people.Next()}}}}}, ")}''{Vocabulary.Cap(words.Words(4, latin))}'', ch. {words.Next(30)}\n"); break;
                    }
                }
            }
        }
        page.Append("\n== See also ==\n");
        for (var s = words.Next(1, 5); s > 0; s--)
            page.Append($"* [[{(titles.Count > 1 ? titles[words.Next(titles.Count)] : title)}]]\n");
        page.Append("\n== External links ==\n{{Wikipedia}}\n\n");
        page.Append($"[[Category:{Vocabulary.Cap(words.Word(latin))} {(film ? "films" : person ? "people" : "themes")}]]\n[[fr:{title}]]\n");
        return page.ToString();
    }

    /// <summary>
    /// The people attributions name: a pool of made-up names without digits (the attribution parser takes no name with
    /// digits for an author), a few of them often and most once or twice, as an author index has; and one name in
    /// twenty another title of a person page written before, which the author index joins to the person.
    /// </summary>
    private sealed class People(Vocabulary words, int articles)
    {
        private readonly string[] pool = Enumerable.Range(0, Math.Max(10, articles / 2)).Select(_ => words.PersonName()).ToArray();
        private readonly List<string> otherNames = [];

        public string Next() => otherNames.Count > 0 && words.Next(20) == 0
            ? otherNames[words.Next(otherNames.Count)]
            // Cubing a uniform draw favours the start of the pool.
            : pool[(int)(Math.Pow(words.Random.NextDouble(), 3) * pool.Length)];

        // Four words, where the pool's names have three: another name is no name of the pool (common words make
        // the pool's names repeat).
        public string OtherName()
        {
            var name = $"{words.PersonName()} {Vocabulary.Cap(words.Word(Vocabulary.LatinScript))}";
            otherNames.Add(name);
            return name;
        }
    }

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
