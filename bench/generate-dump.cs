#:package SharpZipLib
// Writes a synthetic MediaWiki dump in the shape of English Wikiquote's pages-articles dump, for the import
// benchmarks: GENERATED TEXT, NOT QUOTATIONS — every line is random words, every title made up. Never put its output
// in content/. Deterministic: the same arguments give the same bytes.
//   dotnet run bench/generate-dump.cs -- <articles> <out.xml | out.xml.bz2> [seed]
// Shapes, from the samples in shared/samples/wikitext: about 38 quotes an article (2.7 million over 71,000), most
// with a source line (** …, some *** notes), sections Quotes / Sourced / Disputed / Misattributed / Quotes about /
// See also / External links, {{cite book}}, {{w}}, {{Wikipedia}}, <ref>, film pages with dialogue runs and a cast,
// 10 % of articles in non-Latin scripts, categories and interlanguage links; plus redirects (as many as articles)
// and pages of other namespaces (templates, categories, talk), as a real dump holds them.
using System.Text;
using ICSharpCode.SharpZipLib.BZip2;

var articles = int.Parse(args[0]);
var output = args[1];
var random = new Random(args.Length > 2 ? int.Parse(args[2]) : 20261202);

string[] latin = "love time life world heart man woman truth light war peace mind soul day night friend god nature power art death hope fear freedom beauty child mother father word dream reason faith history music science money justice silence glory wisdom river city stone fire sea earth sky king people memory story work play road home door book voice letter name hand eye face spring winter summer morning evening always never often seldom every great small old new true false dark bright quiet loud strong weak gentle cruel wise foolish simple strange is are was were has have makes gives takes finds keeps loses knows loves fears seeks holds leaves brings turns shows tells remains becomes the a an of to in on for with without against before after under over between through and or but so yet".Split(' ');
string[] scripts = ["αβγδεζηθικλμνξοπρστυφχψω", "абвгдежзийклмнопрстуфхцчшщыэюя", "अआइईउऊएऐओऔकखगघचछजझटठडढणतथदधनपफबभमयरलवशसह", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي", "אבגדהוזחטיכלמנסעפצקרשת"];

using var file = File.Create(output);
Stream stream = file;
var xml = new StringBuilder();
void Flush(bool newStream)
{
    var bytes = Encoding.UTF8.GetBytes(xml.ToString());
    xml.Clear();
    if (!output.EndsWith(".bz2", StringComparison.Ordinal))
        file.Write(bytes);
    else
    {
        // Multistream, as Wikimedia writes it: each chunk an independent bzip2 stream.
        using var chunk = new BZip2OutputStream(file) { IsStreamOwner = false };
        chunk.Write(bytes);
    }
}

string Word(int script) => script < 0
    ? latin[random.Next(latin.Length)]
    : new string(Enumerable.Range(0, random.Next(2, 8)).Select(_ => scripts[script][random.Next(scripts[script].Length)]).ToArray());
string Words(int count, int script) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Word(script)));
string Sentence(int script) { var s = Words(random.Next(6, 40), script); return char.ToUpperInvariant(s[0]) + s[1..] + "."; }
string Name() => $"{Cap(Word(-1))} {Cap(Word(-1))}{random.Next(100)}";
static string Cap(string w) => char.ToUpperInvariant(w[0]) + w[1..];
static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

xml.Append("""
    <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
      <siteinfo>
        <sitename>Wikiquote</sitename>
        <base>https://en.wikiquote.org/wiki/Main_Page</base>
        <namespaces><namespace key="0" /><namespace key="1">Talk</namespace><namespace key="10">Template</namespace><namespace key="14">Category</namespace></namespaces>
      </siteinfo>
      <!-- GENERATED BENCHMARK CORPUS: synthetic text, not quotations. -->

    """);
Flush(true);

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
for (var n = 0; n < articles; n++)
{
    var script = random.Next(10) == 0 ? random.Next(scripts.Length) : -1;
    var film = random.Next(12) == 0;
    var title = $"{Name()} {n}";
    titles.Add(title);
    var page = new StringBuilder();
    page.Append($"'''{title}''' ({1800 + random.Next(200)}–{1900 + random.Next(120)}) {Sentence(-1)}\n\n");
    if (film)
    {
        var cast = Enumerable.Range(0, random.Next(2, 6)).Select(_ => (Actor: Name(), Role: Name())).ToList();
        page.Append("== Dialogue ==\n");
        for (var run = random.Next(3, 15); run > 0; run--)
        {
            for (var line = random.Next(1, 6); line > 0; line--)
                page.Append($":'''{cast[random.Next(cast.Count)].Role}''': {Sentence(script)}\n");
            page.Append("----\n");
        }
        page.Append("\n== Cast ==\n");
        foreach (var (actor, role) in cast)
            page.Append($"* [[w:{actor}|{actor}]] as {role}\n");
    }
    else
    {
        // Heavy-tailed quote counts: most pages are short, a few very long, averaging about 38.
        var quotes = (int)Math.Min(1500, Math.Exp(random.NextDouble() * 5.2) + random.Next(5));
        string[] headings = ["Quotes", "Sourced", "Disputed", "Misattributed", "Quotes about " + title];
        var perSection = Math.Max(1, quotes / headings.Length);
        foreach (var heading in headings)
        {
            page.Append($"\n== {heading} ==\n");
            for (var q = 0; q < perSection; q++)
            {
                page.Append($"* {Sentence(script)}{(random.Next(8) == 0 ? $"<ref>{Sentence(-1)}</ref>" : "")}\n");
                switch (random.Next(5))
                {
                    case 0: break;
                    case 1: page.Append($"** {{{{cite book|author={Name()}|title={Cap(Words(3, -1))}|year={1800 + random.Next(220)}|page={random.Next(400)}}}}}\n"); break;
                    case 2: page.Append($"** [[{Name()}]], ''{Cap(Words(3, -1))}'' ({1800 + random.Next(220)})\n*** {Sentence(-1)}\n"); break;
                    default: page.Append($"** {{{{w|{Name()}}}}}, ''{Cap(Words(4, -1))}'', ch. {random.Next(30)}\n"); break;
                }
            }
        }
    }
    page.Append("\n== See also ==\n");
    for (var s = random.Next(1, 5); s > 0; s--)
        page.Append($"* [[{(titles.Count > 1 ? titles[random.Next(titles.Count)] : title)}]]\n");
    page.Append("\n== External links ==\n{{Wikipedia}}\n\n");
    page.Append($"[[Category:{Cap(Word(-1))} {(film ? "films" : "people")}]]\n[[fr:{title}]]\n");
    Page(title, 0, page.ToString());
    // As many redirects as articles, and a page of another namespace every tenth article.
    Page($"{title} (alias)", 0, $"#REDIRECT [[{title}]]", redirect: title);
    if (n % 10 == 0)
        Page($"Talk:{title}", 1, Sentence(-1));
    if (id % 100 < 3)
        Flush(true);
}
xml.Append("</mediawiki>\n");
Flush(true);
Console.Error.WriteLine($"{output}: {articles} articles, {id} pages, {file.Length / 1e6:N1} MB (generated, not quotations)");
