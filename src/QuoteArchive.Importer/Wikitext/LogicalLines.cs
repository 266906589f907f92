using System.Buffers;
namespace QuoteArchive.Importer.Wikitext;

/// <summary>
/// One logical line of wikitext: a source line, or several when a template, comment, <c>&lt;ref&gt;</c> or
/// <c>&lt;poem&gt;</c> opened on it closes on a later one (<c>** {{cite book\n | title = …}}</c>): MediaWiki expands
/// those before it reads lines, so the construct belongs to the line it starts on.
/// </summary>
/// <param name="Line">the file line of its first character</param>
/// <param name="Text">the text, with the inner line ends of its constructs</param>
/// <param name="Brackets">where its constructs close, offsets into <paramref name="Text"/></param>
internal sealed record WikiLine(int Line, string Text, Brackets Brackets)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);

    /// <summary>
    /// A nested construct (<c>{{…}}</c>, <c>[[…]]</c>, a comment or a tag with its content) opens at <paramref name="at"/>
    /// and closes within the range ending at <paramref name="to"/>: a walk of the range's top level steps over it to
    /// <paramref name="end"/>, and a <c>|</c> or a closing tag inside it belongs to it.
    /// </summary>
    public bool TryConstructEnd(int at, int to, out int end)
    {
        end = at;
        return Text[at] is '{' or '[' or '<' && Brackets.TryEnd(at, out end) && end > at && end <= to;
    }

    /// <summary>How many source lines it spans that are not blank: the unit of "nothing lost".</summary>
    public int NonBlankLines => Text.Split('\n').Count(l => !string.IsNullOrWhiteSpace(l));

    // Offsets where the text's inner lines start, found once: positions of many constructs on one long logical line
    // are then a binary search each, not a scan.
    private int[]? lineStarts;

    /// <summary>The file line of offset <paramref name="at"/> of the text.</summary>
    public int LineOf(int at) => Line + InnerLine(at);

    /// <summary>The column (1-based) of offset <paramref name="at"/> on its line.</summary>
    public int ColumnOf(int at) => at - LineStarts[InnerLine(at)] + 1;

    private int InnerLine(int at)
    {
        var index = Array.BinarySearch(LineStarts, Math.Clamp(at, 0, Text.Length));
        return index >= 0 ? index : ~index - 1;
    }

    private int[] LineStarts => lineStarts ??= StartsOf(Text);

    private static int[] StartsOf(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
            starts.Add(i + 1);
        return [.. starts];
    }
}

internal static class LogicalLines
{
    public static List<WikiLine> Split(string text, int firstLine, Action<int, int, string> report)
    {
        var brackets = Brackets.Match(text, 0, text.Length, links: false);
        if (brackets.Unclosed.Count > 0)
        {
            var starts = new List<int> { 0 };
            for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
                starts.Add(i + 1);
            foreach (var at in brackets.Unclosed)
            {
                var index = starts.BinarySearch(at);
                index = index >= 0 ? index : ~index - 1;
                report(firstLine + index, at - starts[index] + 1, $"'{Opener(text, at)}' is never closed: kept as text");
            }
        }

        var lines = new List<WikiLine>();
        var fileLinks = new FileLinks(text, brackets);
        var line = firstLine;
        var start = 0;
        while (start <= text.Length)
        {
            var end = EndOfLogicalLine(text, start, brackets, fileLinks);
            var slice = text[start..end];
            lines.Add(new WikiLine(line, slice, Brackets.Match(slice, 0, slice.Length, links: true)));
            line += slice.Count('\n') + 1;
            start = end + 1;
        }
        return lines;
    }

    // A construct that closes on a later line takes the line end after its closer; scanning resumes there, so every
    // character is looked at once.
    private static readonly SearchValues<char> LineEndOrOpener = SearchValues.Create("\n{<[");

    private static int EndOfLogicalLine(string text, int start, Brackets brackets, FileLinks fileLinks)
    {
        var i = start;
        while (i < text.Length)
        {
            // Straight to the line's end or to something that may go on past it.
            var next = text.AsSpan(i).IndexOfAny(LineEndOrOpener);
            if (next < 0)
                return text.Length;
            i += next;
            if (text[i] == '\n')
                break;
            if (text[i] is '{' or '<' && brackets.TryEnd(i, out var end) && end > i
                || text[i] == '[' && fileLinks.EndPastItsLine(i) is { } fileEnd && (end = fileEnd) > i)
            {
                i = end;
                continue;
            }
            i++;
        }
        return i;
    }

    /// <summary>
    /// MediaWiki reads an image link to its closing brackets even when its caption goes on over several lines
    /// (<c>[[File:…|thumb|&lt;poem&gt;…&lt;/poem&gt;\n&lt;small&gt;…&lt;/small&gt;]]</c>, as Love's page has), and so the line
    /// holds all of it. The closer is looked for within a caption's worth of characters; past them the link is text,
    /// as an unclosed one is.
    /// </summary>
    private sealed class FileLinks(string text, Brackets constructs)
    {
        private const int MaxLength = 4000;
        private const int MaxNamespaceLength = 16;

        // Where the last look for a closer ended: no look starts before it, so that the looks never overlap and the
        // whole text is read a bounded number of times however many "[[File:" it holds.
        private int lookedUntil;

        /// <summary>Just past the closer of the file link that opens at <paramref name="at"/>, when that is on a
        /// later line; null otherwise.</summary>
        public int? EndPastItsLine(int at)
        {
            if (at < lookedUntil || !OpensFileLink(at))
                return null;
            var to = Math.Min(text.Length, at + MaxLength);
            var depth = 0;
            var end = -1;
            for (var i = at; i + 1 < to && end < 0; i++)
            {
                // Templates, comments, refs and poems were matched over the whole text: a "]]" in one closes nothing.
                if (text[i] is '{' or '<' && constructs.TryEnd(i, out var past) && past > i)
                    i = past - 1;
                else if (text[i] == '[' && text[i + 1] == '[')
                {
                    depth++;
                    i++;
                }
                else if (text[i] == ']' && text[i + 1] == ']')
                {
                    i++;
                    if (--depth == 0)
                        end = i + 1;
                }
            }
            lookedUntil = end < 0 ? to : end;
            return end >= 0 && text.AsSpan(at, end - at).Contains('\n') ? end : null;
        }

        private bool OpensFileLink(int at)
        {
            if (at + 2 >= text.Length || text[at + 1] != '[')
                return false;
            var head = text.AsSpan(at + 2, Math.Min(MaxNamespaceLength, text.Length - at - 2));
            var colon = head.IndexOfAny(":|]\n");
            return colon > 0 && head[colon] == ':' && WikiNamespaces.IsFile(head[..colon].Trim().ToString());
        }
    }

    private static string Opener(string text, int at) =>
        text[at] == '{' ? "{{" : text[at] == '[' ? "[[" : Tags.TryOpen(text, at, text.Length, out var name, out _, out _) ? "<" + name
            : text.AsSpan(at, Math.Min(6, text.Length - at)).ToString().Split('>')[0];
}
