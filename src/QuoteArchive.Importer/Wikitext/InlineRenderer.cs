using System.Buffers;
using System.Net;

namespace QuoteArchive.Importer.Wikitext;

/// <summary>
/// Renders the inline wikitext of one logical line to <see cref="Piece"/>s: emphasis, links, templates, tags,
/// entities. Constructs are found through the line's <see cref="Brackets"/>, so nothing is searched twice; nesting
/// (a link in a template in a reference) recurses at most <see cref="MaxDepth"/> levels, deeper text stays as written.
/// </summary>
internal sealed partial class InlineRenderer(PageContext page, WikiLine line)
{
    public const int MaxDepth = 40;

    private readonly string source = line.Text;
    private bool depthReported;

    public WikiLine Line => line;
    public PageContext Page => page;

    /// <summary>The text from <paramref name="from"/> to <paramref name="to"/>; references met go to <paramref name="notes"/>.</summary>
    public Piece Render(int from, int to, List<RefNote> notes, int depth = 0, bool poem = false)
    {
        var sink = page.RentSink(notes);
        Run(from, to, sink, depth, poem);
        var piece = sink.Finish();
        if (sink.LeftOpenAt is { } at && depth == 0)
            page.Report(line.LineOf(at), line.ColumnOf(at), Severity.Warning, "bold or italic ('' or ''') left open: closed at the end of the line");
        page.ReturnSink(sink);
        return piece;
    }

    private void Run(int from, int to, InlineSink sink, int depth, bool poem)
    {
        if (depth > MaxDepth)
        {
            if (!depthReported)
                page.Report(line.LineOf(from), line.ColumnOf(from), Severity.Warning, $"markup nested more than {MaxDepth} deep: the rest is kept as written");
            depthReported = true;
            sink.Append(source.AsSpan(from, to - from));
            return;
        }
        var plain = from;
        var i = from;
        while (i < to)
        {
            // Most of a line is plain text: reading jumps from one character that may start a construct to the next.
            var ahead = source.AsSpan(i, to - i).IndexOfAny(ConstructStarts);
            if (ahead < 0)
                break;
            i += ahead;
            var next = MayStartConstruct(i, to) ? Construct(i, to, sink, depth, poem, plain) : i;
            if (next > i)
            {
                // Every construct ends inside the range it was found in; the bound only guards that promise.
                i = plain = Math.Min(next, to);
                continue;
            }
            i++;
        }
        sink.Append(source.AsSpan(plain, to - plain));
    }

    private static readonly SearchValues<char> ConstructStarts = SearchValues.Create("<[{'&\nhH_");

    // A lone apostrophe is text, an h starts a bare URL only as http, a lone underscore no switch: the commonest
    // cases are decided here, before Construct sets up its flush of the text read so far.
    private bool MayStartConstruct(int i, int to) => source[i] switch
    {
        '\'' => i + 1 < to && source[i + 1] == '\'',
        '_' => i + 1 < to && source[i + 1] == '_',
        'h' or 'H' => source.AsSpan(i, to - i).StartsWith("http", StringComparison.OrdinalIgnoreCase),
        _ => true,
    };

    // Renders the construct at i (a character of ConstructStarts), after the plain text since `plain`; returns where
    // reading goes on, or i when no construct starts there.
    private int Construct(int i, int to, InlineSink sink, int depth, bool poem, int plain)
    {
        var c = source[i];
        var flushed = false;
        void Flush()
        {
            if (!flushed)
                sink.Append(source.AsSpan(plain, i - plain));
            flushed = true;
        }
        int end;
        switch (c)
        {
            case '\n':
                Flush();
                // Inside <poem> a line end is a line break; elsewhere MediaWiki joins the lines of a paragraph.
                if (poem)
                    sink.LineBreak();
                else
                    sink.Append(" ");
                return i + 1;
            case '\'':
                return Apostrophes(i, to, sink, Flush);
            case '&':
                return Entity(i, to, sink, Flush);
            case '{' when i + 1 < to && source[i + 1] == '{' && line.Brackets.TryEnd(i, out end) && end <= to:
                Flush();
                Template(i, end, sink, depth);
                return end;
            case '[' when i + 1 < to && source[i + 1] == '[' && line.Brackets.TryEnd(i, out end) && end <= to:
                Flush();
                return WikiLink(i, end, to, sink, depth);
            case '[':
                return ExternalLink(i, to, sink, depth, Flush);
            case '<':
                return Tag(i, to, sink, depth, poem, Flush);
            case '_':
                // A behaviour switch (__NOTOC__) shows nothing.
                if (!BehaviourSwitches.TryAt(source, i, to, out end))
                    return i;
                page.Topic.IsDisambiguation |= BehaviourSwitches.MarksDisambiguation(source, i, end);
                Flush();
                return end;
            default:
                return BareUrl(i, to, sink, Flush);
        }
    }

    /// <summary>
    /// MediaWiki's apostrophes: two open or close italic, three bold, five both; four are an apostrophe and bold
    /// (<c>L''''{{w|intelligence}}'''</c> is "L'" and bold), more than five keep the extra ones as text.
    /// </summary>
    private int Apostrophes(int i, int to, InlineSink sink, Action flush)
    {
        var n = 0;
        while (i + n < to && source[i + n] == '\'')
            n++;
        if (n < 2)
            return i;
        flush();
        var extra = n == 4 ? 1 : n > 5 ? n - 5 : 0;
        if (extra > 0)
            sink.Append(new string('\'', extra));
        var marks = n - extra;
        if (marks == 5)
            sink.ToggleBoth(i + extra);
        else
            sink.Toggle(marks == 2 ? InlineSink.Emphasis.Italic : InlineSink.Emphasis.Bold, i + extra);
        return i + n;
    }

    /// <summary>An HTML entity (<c>&amp;nbsp;</c>, <c>&amp;#8212;</c>) is decoded in the text and encoded again in the HTML.</summary>
    private int Entity(int i, int to, InlineSink sink, Action flush)
    {
        var semicolon = source.IndexOf(';', i + 1, Math.Min(12, to - i - 1));
        if (semicolon < 0)
            return i;
        var entity = source[i..(semicolon + 1)];
        var decoded = WebUtility.HtmlDecode(entity);
        if (decoded == entity || decoded.Length == 0 || decoded.Any(char.IsControl))
            return i;
        flush();
        sink.Append(decoded);
        return semicolon + 1;
    }

    /// <summary>Top-level parts of <c>[from, to)</c> split at <paramref name="separator"/>, skipping nested constructs.</summary>
    public List<(int From, int To)> Split(int from, int to, char separator)
    {
        var parts = new List<(int, int)>();
        var start = from;
        var i = from;
        while (i < to)
        {
            if (line.TryConstructEnd(i, to, out var end))
            {
                i = end;
                continue;
            }
            if (source[i] == separator)
            {
                parts.Add((start, i));
                start = i + 1;
            }
            i++;
        }
        parts.Add((start, to));
        return parts;
    }
}
