namespace QuoteArchive.Importer.Wikitext;

internal enum BlockKind
{
    Blank,
    /// <summary><c>== Heading ==</c>: <see cref="BlockLine.Level"/> 1 for <c>==</c>, 2 for <c>===</c> …, as Markdown's <c>##</c> is 1.</summary>
    Heading,
    /// <summary>A line starting with <c>*</c>, <c>#</c>, <c>:</c> or <c>;</c>: <see cref="BlockLine.Prefix"/> holds them.</summary>
    List,
    /// <summary><c>----</c> or a lone <c>&lt;hr&gt;</c>: ends a dialogue exchange.</summary>
    Separator,
    /// <summary>
    /// A line of a table, <see cref="BlockLine.Prefix"/> saying which: <c>{|</c> starts one (after <c>:</c> indentation
    /// too), <c>|-</c> a row, <c>|+</c> its caption, <c>|</c> and <c>!</c> cells, <c>|}</c> ends it.
    /// </summary>
    Table,
    Text,
}

/// <summary>A logical line classified by its start, as MediaWiki's block parser reads lines.</summary>
/// <param name="From">where the content starts after the prefix (or inside the heading's <c>=</c>)</param>
/// <param name="To">where the content ends</param>
internal sealed record BlockLine(WikiLine Line, BlockKind Kind, int Level, string Prefix, int From, int To)
{
    private const int MaxHeadingLevel = 6;

    public static BlockLine Classify(WikiLine line, InlineRenderer renderer)
    {
        var text = line.Text;
        var end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (end == 0)
            return new(line, BlockKind.Blank, 0, "", 0, 0);
        if (text[0] == '=' && TryHeading(text, end, renderer, out var level, out var from, out var to))
            return new(line, BlockKind.Heading, level, "", from, to);
        var trimmed = text.AsSpan(0, end).Trim();
        // MediaWiki indents a table with colons (":{|"): the line starts a table, not a definition.
        if (trimmed.TrimStart(':').TrimStart().StartsWith("{|", StringComparison.Ordinal))
            return new(line, BlockKind.Table, 0, "{|", text.IndexOf("{|", StringComparison.Ordinal) + 2, end);
        if (text[0] is '*' or '#' or ':' or ';')
        {
            var n = 0;
            while (n < end && text[n] is '*' or '#' or ':' or ';')
                n++;
            return new(line, BlockKind.List, n, text[..n], n, end);
        }
        if (trimmed.StartsWith("----", StringComparison.Ordinal) && trimmed.TrimStart('-').IsEmpty
            || trimmed.StartsWith("<hr", StringComparison.OrdinalIgnoreCase) && trimmed.EndsWith(">", StringComparison.Ordinal) && trimmed[1..].IndexOf('<') < 0)
            return new(line, BlockKind.Separator, 0, "", 0, end);
        if (trimmed.Length > 0 && trimmed[0] is '|' or '!')
        {
            var mark = text.IndexOfAny(['|', '!']);
            var prefix = trimmed[0] == '!' ? "!" : trimmed.Length < 2 ? "|" : trimmed[1] switch { '}' => "|}", '-' => "|-", '+' => "|+", _ => "|" };
            return new(line, BlockKind.Table, 0, prefix, mark + prefix.Length, end);
        }
        return new(line, BlockKind.Text, 0, "", 0, end);
    }

    /// <summary>
    /// MediaWiki: a line that starts and ends with <c>=</c> (white space and comments may follow) is a heading of the
    /// smaller of its two runs. samples/README.md: "<c>== La Mère, 1931 == &lt;3</c> is a text line, not a heading".
    /// </summary>
    private static bool TryHeading(string text, int end, InlineRenderer renderer, out int level, out int from, out int to)
    {
        level = from = to = 0;
        // Comments after the closing '=' do not stop a heading.
        var last = end;
        while (last > 0)
        {
            var comment = text.LastIndexOf("<!--", last - 1, StringComparison.Ordinal);
            if (comment < 0 || !renderer.Line.Brackets.TryEnd(comment, out _) || renderer.SkipSpaceAndComments(comment, end) != end)
                break;
            last = comment;
            while (last > 0 && char.IsWhiteSpace(text[last - 1]))
                last--;
        }
        if (last < 2 || text[last - 1] != '=' || text.AsSpan(0, last).Contains('\n'))
            return false;
        var open = 0;
        while (open < last && text[open] == '=')
            open++;
        var shut = 0;
        while (shut < last - open && text[last - 1 - shut] == '=')
            shut++;
        var n = Math.Min(Math.Min(open, shut), MaxHeadingLevel);
        if (n == 0 || last - 2 * n <= 0)
            return false;
        (level, from, to) = (Math.Max(1, n - 1), n, last - n);
        return to > from;
    }
}
