using System.Globalization;
using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer.Wikitext;

/// <summary>The templates of en.wikiquote (and those every Wikimedia wiki shares), with their renderings.</summary>
internal static class EnglishTemplates
{
    public static void Register()
    {
        TemplateTable.Add(TemplateRole.Inline, "Author (Year). Title (in Language). Location: Publisher. p. Page. ISBN Isbn. (Citation Style 1)",
            c => Citation(c, book: true), "cite book", "cite encyclopedia");
        TemplateTable.AddFor("en", TemplateRole.Inline, "as cite book (Citation Style 2)", c => Citation(c, book: true), "citation");
        TemplateTable.Add(TemplateRole.Inline, "Author (Date). \"Title\". Website. Retrieved Access-date.", c => Citation(c, book: false), "cite web", "cite news", "cite journal", "cite magazine", "cite speech", "cite interview", "cite episode", "cite video");
        TemplateTable.Add(TemplateRole.Inline, "the text; a sign and source on a line of their own, after \"— \"", Quote, "quote", "quotation", "cquote", "blockquote");
        TemplateTable.Add(TemplateRole.Inline, "the label (or the article; without one, the page's title), linked to Wikipedia", W, "w");
        TemplateTable.Add(TemplateRole.Inline, "the text, in its language", c => c.Get("2", "text"), "lang");
        TemplateTable.Add(TemplateRole.Inline, "ISBN and the number", c => new PieceBuilder().Add("ISBN ", c.Get("1")).Build(), "ISBN");
        TemplateTable.Add(TemplateRole.Inline, "Number Book Chapter:Verse (the version is not shown)", c => Piece.Join(" ", [c.Get("1"), c.Get("2"), c.Get("3")]), "bibleverse");
        TemplateTable.Add(TemplateRole.Inline, "LCC and the class number", c => new PieceBuilder().Add("LCC ", c.Get("1")).Build(), "LCC");
        TemplateTable.Add(TemplateRole.Inline, "the text", c => c.Get("1"), "smallcaps", "small caps", "nowrap", "nobr", "small", "big", "larger", "smaller", "center");
        TemplateTable.Add(TemplateRole.Inline, "the character it names (–, —, a spaced –, a non-breaking space, =)", c => Piece.Plain(Characters[c.Name]), [.. Characters.Keys]);
        TemplateTable.Add(TemplateRole.Inline, "the word, then [sic] (hide=y: the word alone)", Sic, "sic");
        TemplateTable.Add(TemplateRole.Inline, "c. and the date", c => new PieceBuilder().Add("c. ").Add(c.Get("1")).Build().Trim(), "circa", "c.");
        TemplateTable.Add(TemplateRole.Inline, "Main article: the pages named, each linked", c => Hatnote(c, "Main article", "Main articles"), "main");
        TemplateTable.Add(TemplateRole.Inline, "See also: the pages named, each linked", c => Hatnote(c, "See also", "See also"), "see also");
        TemplateTable.Add(TemplateRole.Inline, "Further information: the pages named, each linked", c => Hatnote(c, "Further information", "Further information"), "further", "details");
        TemplateTable.Add(TemplateRole.Inline, "the date as written", c => c.Get("1"), "#dateformat", "#formatdate");
        TemplateTable.Add(TemplateRole.Inline, "Bartlett's Familiar Quotations, 10th ed. (1919)", _ => Piece.Plain("Bartlett's Familiar Quotations, 10th ed. (1919)"), "Bartlett1919");
        TemplateTable.Add(TemplateRole.Inline, "a vertical bar (MediaWiki's escape for | in a template)", _ => Piece.Plain("|"), "!");
        TemplateTable.Add(TemplateRole.Inline, "the page's title", c => Piece.Plain(c.Page.Topic.Title), "PAGENAME", "FULLPAGENAME");
        TemplateTable.Add(TemplateRole.Sister, "a sister link to Wikipedia (the article, or the topic's title)", c => TemplateTable.Sister(c, "Wikipedia", c.Text("1")), "wikipedia");
        TemplateTable.Add(TemplateRole.Sister, "a sister link to Wikisource", c => TemplateTable.Sister(c, "Wikisource", c.Text("1")), "wikisource");
        TemplateTable.Add(TemplateRole.Sister, "a sister link to the author's page on Wikisource", c => TemplateTable.Sister(c, "Wikisource", c.Text("1"), authorPage: true), "wikisource author");
        TemplateTable.Add(TemplateRole.Sister, "a sister link to a gallery of Wikimedia Commons", c => TemplateTable.Sister(c, "Wikimedia Commons", c.Text("1"),
            urlOf: page => SisterProjects.CommonsUrl(page)), "commons");
        TemplateTable.Add(TemplateRole.Sister, "a sister link to a category of Wikimedia Commons", c => TemplateTable.Sister(c, "Wikimedia Commons", c.Text("1"),
            urlOf: page => SisterProjects.CommonsUrl(page, category: true)), "commonscat", "commons category");
        TemplateTable.Add(TemplateRole.Sister, "a sister link to Wiktionary", c => TemplateTable.Sister(c, "Wiktionary", c.Text("1")), "wiktionary", "wiktionarypar");
        TemplateTable.Add(TemplateRole.Sister, "a sister link to Wikiversity", c => TemplateTable.Sister(c, "Wikiversity", c.Text("1")), "wikiversity");
        TemplateTable.Add(TemplateRole.Sister, "a sister link per project named (wikt=, s=, commons=, b=, n=, v=; no leaves one out), else to Wikipedia", TemplateTable.SisterBox, "sister project links", "sisterlinks");
        TemplateTable.Add(TemplateRole.DisputedBegin, "nothing: the quotes up to disputed end are disputed", _ => Piece.Empty, "disputed begin");
        TemplateTable.Add(TemplateRole.DisputedEnd, "nothing: ends disputed begin", _ => Piece.Empty, "disputed end");
        TemplateTable.Add(TemplateRole.MisattributedBegin, "nothing: the quotes up to misattributed end are misattributed", _ => Piece.Empty, "misattributed begin");
        TemplateTable.Add(TemplateRole.MisattributedEnd, "nothing: ends misattributed begin", _ => Piece.Empty, "misattributed end");
        TemplateTable.Add(TemplateRole.Markup, "nothing (page display, sort key, table of contents, maintenance notes)", _ => Piece.Empty,
            "italic title", "DISPLAYTITLE", "TOC", "compact ToC", "CompactTOC", "TOCright", "toc", "reflist", "clear", "-",
            "fix cite", "dead link", "cleanup", "mergeto", "merge", "citation needed", "cn", "clarify", "verify", "source", "sourcing",
            "stub", "update", "wikify", "copyedit");
        TemplateTable.AddFamily(null, TemplateRole.Markup, "nothing (the facts of a Wikipedia article's box, which the page's lead tells)", _ => Piece.Empty, "Infobox…");
        TemplateTable.AddFamily(null, TemplateRole.Markup, "nothing (a note that the page is short)", _ => Piece.Empty, "…-stub");
        TemplateTable.Add(TemplateRole.Markup, "nothing: how the page is filed in lists (a person by surname: the author index files them so)", SortName,
            "DEFAULTSORT", "DEFAULTSORTKEY", "DEFAULTCATEGORYSORT", "CLEDETRI", "CLEFDETRI");
        TemplateTable.Add(TemplateRole.Markup, "nothing: the page is a disambiguation page, its bullets links, not quotes", Disambiguation,
            "disambig", "disambiguation", "dab", "disamb", "hndis", "homonymie");
        TemplateTable.Add(TemplateRole.Markup, "nothing (columns, anchors and other layout)", _ => Piece.Empty,
            "anchor", "div col", "div col end", "col-begin", "col-break", "col-end", "col-2", "col-3", "col-4", "refbegin", "refend",
            "multicol", "multicol-break", "multicol-end", "clear left", "clear right");
    }

    private static Piece SortName(TemplateCall c)
    {
        // As MediaWiki, the last one given is the page's.
        if (c.Text("1").Trim() is { Length: > 0 } name)
            c.Page.Topic.SortName = name;
        return Piece.Empty;
    }

    private static Piece Disambiguation(TemplateCall c)
    {
        c.Page.Topic.IsDisambiguation = true;
        return Piece.Empty;
    }

    private static readonly Dictionary<string, string> Characters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ndash"] = "–", ["mdash"] = "—", ["snd"] = " – ", ["spaced ndash"] = " – ", ["nbsp"] = "\u00A0", ["="] = "=",
    };

    /// <summary>
    /// <c>{{sic}}</c>, <c>{{sic|wierd}}</c>, <c>{{sic|Irrega|rdless}}</c> (a word split so that spell checkers pass it, shown
    /// whole), <c>{{sic|?|wrod}}</c> (a doubt: "[sic?]"), <c>{{sic|hide=y|wierd}}</c> (the word alone).
    /// </summary>
    private static Piece Sic(TemplateCall c)
    {
        var parts = c.Positional().Select(p => p.Value).ToList();
        var doubt = parts.Count > 1 && parts[0].Text.Trim() == "?";
        var word = new PieceBuilder();
        foreach (var part in doubt ? parts.Skip(1) : parts)
            word.Add(part);
        var whole = word.Build();
        var mark = doubt ? "[sic?]" : "[sic]";
        return c.Text("hide").Trim().Length > 0 ? whole : new PieceBuilder().Add(whole).Add(whole.IsEmpty ? mark : " " + mark).Build();
    }

    /// <summary>A note pointing to other pages (<c>{{Main|Love|Hate}}</c>): "Main articles: Love and Hate", each linked as <c>[[Love]]</c> would be, with its <c>l1=</c>… label.</summary>
    private static Piece Hatnote(TemplateCall c, string one, string many)
    {
        var pages = c.Positional().Take(10).ToList();
        if (pages.Count == 0)
            return Piece.Empty;
        var result = new PieceBuilder().Add(pages.Count == 1 ? one : many).Add(": ");
        for (var i = 0; i < pages.Count; i++)
        {
            result.Add(i == 0 ? "" : i == pages.Count - 1 ? " and " : ", ");
            var target = pages[i].Value.Text;
            var label = c.Get("l" + pages[i].Key) is { IsEmpty: false } given ? given : Piece.Plain(target.Replace("#", " § ").Trim());
            if (c.LinkAddress(target) is { } href)
                result.Link(href, label);
            else
                result.Add(label);
        }
        return result.Build();
    }

    private static Piece W(TemplateCall c)
    {
        // Without an article it names the page's own subject, as {{PAGENAME}} would (fr: L'''{{w}}''' est un sentiment).
        var article = c.Text("1") is { Length: > 0 } named ? named : c.Page.Topic.Title;
        var label = c.Get("2");
        var language = c.Text("3", "lang") is { Length: > 0 } l ? l : c.Page.Language;
        var url = Interwiki.UrlFor($"w:{language}:{article}", c.Page.Language);
        var shown = label.IsEmpty ? Piece.Plain(article) : label;
        return url is null || article.Length == 0
            ? shown
            : new Piece(shown.Text, $"<a href=\"{HtmlText.Encode(url)}\">{shown.Html}</a>");
    }

    private static Piece Quote(TemplateCall c)
    {
        var source = Piece.Join(", ", [c.Get("2", "sign", "author"), c.Get("3", "source", "title")]);
        var text = c.Get("1", "text", "quote");
        return source.IsEmpty ? text : new PieceBuilder().Add(text).Add("\n— ").Add(source).Build();
    }

    /// <summary>
    /// Citation Style 1, the shape of the English citation templates as the samples show it:
    /// <c>Ravi Zacharias (2004). The Real Face of Atheism. p. 25. ISBN 9780801065118.</c>; without an author the date
    /// follows the publisher (<c>Contact : a novel. New York: Simon and Schuster. 1985. ISBN 0671434004.</c>).
    /// </summary>
    private static Piece Citation(TemplateCall c, bool book)
    {
        var result = new PieceBuilder();
        var authors = Authors(c);
        var date = c.Get("date", "year");
        if (c.Get("origyear") is { IsEmpty: false } original)
            date = new PieceBuilder().Add(date).Add(" [", original, "]").Build();
        if (!authors.IsEmpty)
            result.Add(authors).Add(" (", date, ")").Add(". ");
        result.Add("\"", c.Get("chapter", "contribution"), "\". ");
        var title = c.Get("title");
        var language = LanguageName(c.Text("language"));
        // The title links the source's address where the template gives one (url=), as MediaWiki's rendering does.
        if (InlineRenderer.SafeUrl(c.Text("url").Trim()) is { } url && !title.IsEmpty)
            result.Add(book ? "" : "\"").Link(url, title, italic: book).Add(book ? "" : "\"");
        else if (book)
            result.Add("", title, "", italic: true);
        else
            result.Add("\"", title, "\"");
        result.Add(" (in ", Piece.Plain(language), ")");
        if (!title.IsEmpty)
            result.Add(". ");
        result.Add("", c.Get("others"), ". ");
        result.Add("", c.Get("journal", "work", "website", "newspaper", "magazine", "encyclopedia"), ". ", italic: true);
        result.Add("", c.Get("location", "place"), ": ");
        result.Add("", c.Get("publisher"), ". ");
        if (authors.IsEmpty)
            result.Add("", date, ". ");
        result.Add("", c.Get("volume"), ". ");
        // CS1 shows one of page= and pages=, page= first, where a template gives both.
        var page = c.Get("page");
        result.Add("p. ", page, ". ");
        if (page.IsEmpty)
            result.Add("", c.Get("pages"), ". ");
        result.Add("ISBN ", c.Get("isbn", "ISBN"), ". ");
        result.Add("", c.Get("id"), ". ");
        result.Add("Retrieved ", c.Get("access-date", "accessdate"), ". ");
        return result.Build().Trim();
    }

    // CS1 no longer shows coauthors=; the samples' renderings do not either.
    private static Piece Authors(TemplateCall c)
    {
        var author = c.Get("author", "authors", "author1");
        if (author.IsEmpty && c.Get("last", "last1") is { IsEmpty: false } last)
            author = new PieceBuilder().Add(last).Add(", ", c.Get("first", "first1")).Build();
        return author;
    }

    /// <summary>Citation Style 1 names the language of a source: <c>language=as</c> → "Assamese".</summary>
    private static string LanguageName(string code)
    {
        if (code.Length is 0 or > 12)
            return code;
        try
        {
            var culture = CultureInfo.GetCultureInfo(code);
            return culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal) ? code : culture.EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
