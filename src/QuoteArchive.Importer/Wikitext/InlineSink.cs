using System.Text;

namespace QuoteArchive.Importer.Wikitext;

/// <summary>Rendered wikitext: plain text (line breaks as <c>\n</c>) and safe HTML holding only the tags we write.</summary>
internal sealed record Piece(string Text, string Html)
{
    public static readonly Piece Empty = new("", "");

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);

    public static Piece Plain(string text) => new(text, HtmlText.Encode(text));

    public Piece Trim()
    {
        var text = Text.Trim();
        return text.Length == Text.Length ? this : new(text, Html.Trim());
    }

    /// <summary>The text and the HTML each without white space at either end (<see cref="Trim"/> trims the HTML with the text only).</summary>
    public Piece TrimEach()
    {
        var (text, html) = (Text.Trim(), Html.Trim());
        return ReferenceEquals(text, Text) && ReferenceEquals(html, Html) ? this : new(text, html);
    }

    public static Piece Join(string separator, IEnumerable<Piece> pieces)
    {
        var list = pieces.Where(p => !p.IsEmpty).ToList();
        return new(string.Join(separator, list.Select(p => p.Text)), string.Join(HtmlText.Encode(separator), list.Select(p => p.Html)));
    }

    public static Piece operator +(Piece a, Piece b) => new(a.Text + b.Text, a.Html + b.Html);
}

/// <summary>A reference (<c>&lt;ref&gt;</c>) met while rendering: its text, or only its name until the page is read.</summary>
internal sealed class RefNote(string? name, Piece? text, int line)
{
    public string? Name { get; } = name;
    public Piece? Text { get; set; } = text;
    public int Line { get; } = line;
}

/// <summary>
/// Where one run of inline wikitext renders to. Emphasis is a toggle in wikitext (<c>''</c>, <c>'''</c>) but nested
/// elements in HTML: the open ones are kept on a stack, closed and reopened around a toggle that is not innermost,
/// and closed at the end, as MediaWiki closes them at the end of a line.
/// </summary>
internal sealed class InlineSink
{
    public enum Emphasis { Italic, Bold }

    private readonly StringBuilder text = new();
    private readonly StringBuilder html = new();
    private readonly List<Emphasis> open = [];
    private readonly List<int> openedAt = [];

    public List<RefNote> Notes { get; private set; } = [];

    /// <summary>Where the emphasis left open at the end was opened: MediaWiki closes it silently; we report it.</summary>
    public int? LeftOpenAt { get; private set; }

    /// <summary>Empties the sink for another run, whose references go to <paramref name="notes"/>.</summary>
    public InlineSink Reset(List<RefNote> notes)
    {
        text.Clear();
        html.Clear();
        open.Clear();
        openedAt.Clear();
        LeftOpenAt = null;
        Notes = notes;
        return this;
    }

    public void Append(ReadOnlySpan<char> plain)
    {
        text.Append(plain);
        HtmlText.Append(html, plain);
    }

    public void Append(Piece piece)
    {
        text.Append(piece.Text);
        html.Append(piece.Html);
    }

    /// <summary>A link around <paramref name="label"/>; <paramref name="href"/> must already be a safe address.</summary>
    public void AppendLink(string href, Piece label)
    {
        text.Append(label.Text);
        html.Append("<a href=\"");
        HtmlText.Append(html, href);
        html.Append("\">").Append(label.Html).Append("</a>");
    }

    public void LineBreak()
    {
        text.Append('\n');
        html.Append("<br>\n");
    }

    /// <param name="source">where the apostrophes stand in the line, for the report of one left open</param>
    public void Toggle(Emphasis emphasis, int source)
    {
        var at = open.LastIndexOf(emphasis);
        if (at < 0)
        {
            open.Add(emphasis);
            openedAt.Add(source);
            html.Append(Tag(emphasis, closing: false));
            return;
        }
        for (var i = open.Count - 1; i >= at; i--)
            html.Append(Tag(open[i], closing: true));
        open.RemoveAt(at);
        openedAt.RemoveAt(at);
        for (var i = at; i < open.Count; i++)
            html.Append(Tag(open[i], closing: false));
    }

    /// <summary>Five apostrophes: both, the inner one first when both are open, so the elements close in order.</summary>
    public void ToggleBoth(int source)
    {
        var first = open.Count > 0 && open[^1] == Emphasis.Bold ? Emphasis.Bold : Emphasis.Italic;
        Toggle(first, source);
        Toggle(first == Emphasis.Bold ? Emphasis.Italic : Emphasis.Bold, source);
    }

    public Piece Finish()
    {
        LeftOpenAt = open.Count > 0 ? openedAt[0] : null;
        for (var i = open.Count - 1; i >= 0; i--)
            html.Append(Tag(open[i], closing: true));
        return new(text.ToString(), html.ToString());
    }

    private static string Tag(Emphasis emphasis, bool closing) =>
        (emphasis, closing) switch
        {
            (Emphasis.Italic, false) => "<em>",
            (Emphasis.Italic, true) => "</em>",
            (_, false) => "<strong>",
            _ => "</strong>",
        };
}
