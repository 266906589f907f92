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
        var line = firstLine;
        var start = 0;
        while (start <= text.Length)
        {
            var end = EndOfLogicalLine(text, start, brackets);
            var slice = text[start..end];
            lines.Add(new WikiLine(line, slice, Brackets.Match(slice, 0, slice.Length, links: true)));
            line += slice.Count('\n') + 1;
            start = end + 1;
        }
        return lines;
    }

    // A construct that closes on a later line takes the line end after its closer; scanning resumes there, so every
    // character is looked at once.
    private static int EndOfLogicalLine(string text, int start, Brackets brackets)
    {
        var i = start;
        while (i < text.Length && text[i] != '\n')
        {
            if (text[i] is '{' or '<' && brackets.TryEnd(i, out var end) && end > i
                || text[i] == '[' && FileLinkEnd(text, i) is { } fileEnd && (end = fileEnd) > i)
            {
                i = end;
                continue;
            }
            i++;
        }
        return i;
    }

    // MediaWiki reads an image link to its closing brackets even when its caption goes on over several lines
    // ([[File:…|thumb|<poem>…</poem>\n<small>…</small>]], as Love's page has), and so the line holds all of it. Looked
    // for within this many characters, a caption's worth: past them the link is text, as an unclosed one is.
    private const int MaxFileLink = 4000;

    private static int? FileLinkEnd(string text, int at)
    {
        if (at + 2 >= text.Length || text[at + 1] != '[')
            return null;
        var colon = text.AsSpan(at + 2).IndexOfAny(":|]\n");
        if (colon < 0 || text[at + 2 + colon] != ':' || !WikiNamespaces.IsFile(text.Substring(at + 2, colon).Trim()))
            return null;
        var lineEnd = text.IndexOf('\n', at);
        if (lineEnd < 0)
            return null;
        // Most close on their line: the search goes further only for those that do not.
        if (Brackets.Match(text, at, lineEnd, links: true).TryEnd(at, out var end))
            return end;
        return Brackets.Match(text, at, Math.Min(text.Length, at + MaxFileLink), links: true).TryEnd(at, out end) ? end : null;
    }

    private static string Opener(string text, int at) =>
        text[at] == '{' ? "{{" : text[at] == '[' ? "[[" : text.AsSpan(at, Math.Min(6, text.Length - at)).ToString().Split('>')[0];
}
