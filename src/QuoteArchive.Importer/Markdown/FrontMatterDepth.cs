namespace QuoteArchive.Importer.Markdown;

/// <summary>
/// How deeply front matter nests collections, read from its characters alone: the YAML parser recurses once per level
/// and overflows the stack on a line like <c>k: [[[[…</c>, which kills the process, so the depth is known before the
/// parser runs. The reading errs on the deep side (a bracket inside a plain scalar counts, a quoted scalar that spans
/// lines is read as structure): real front matter is one or two levels, far from any limit.
/// </summary>
internal static class FrontMatterDepth
{
    /// <summary>The first place where the nesting goes past <paramref name="limit"/>: 0-based line and column; null when it never does.</summary>
    public static (int Line, int Column)? FirstBeyond(IReadOnlyList<string> lines, int limit)
    {
        var indents = new Stack<int>();   // the indentation of each block collection open around the line
        var flow = 0;                     // flow collections ([ or {) open, across lines
        int? blockScalarIndent = null;    // inside a literal or folded scalar (| or >), the indentation of its key
        for (var number = 0; number < lines.Count; number++)
        {
            var line = lines[number];
            var indent = line.Length - line.TrimStart(' ').Length;
            if (line.Trim().Length == 0 || (blockScalarIndent is int parent && indent > parent))
                continue;
            blockScalarIndent = null;
            var at = indent;
            if (flow == 0)
            {
                if (line[indent] == '#')
                    continue;
                while (indents.Count > 0 && indents.Peek() >= indent)
                    indents.Pop();
                indents.Push(indent);
                // A compact sequence opens a level per dash on one line: "- - - x".
                var compact = 0;
                while (at + 1 < line.Length && line[at] is '-' or '?' && line[at + 1] is ' ' or '\t')
                {
                    compact++;
                    at = SkipSpaces(line, at + 1);
                }
                if (indents.Count + compact > limit)
                    return (number, at);
            }
            var depth = indents.Count;
            for (; at < line.Length; at++)
            {
                var c = line[at];
                if (c == '#' && (at == 0 || line[at - 1] is ' ' or '\t'))
                    break;
                if (c is '"' or '\'' && StartsScalar(line, at))
                    at = EndOfQuoted(line, at);
                else if (c is '[' or '{')
                {
                    if (depth + ++flow > limit)
                        return (number, at);
                }
                else if (c is ']' or '}' && flow > 0)
                    flow--;
            }
            if (flow == 0 && EndsWithBlockScalarIndicator(line))
                blockScalarIndent = indent;
        }
        return null;
    }

    private static int SkipSpaces(string line, int at)
    {
        while (at < line.Length && line[at] is ' ' or '\t')
            at++;
        return at;
    }

    // A quote opens a quoted scalar where a value starts; inside a plain scalar ("it's") it is a character.
    private static bool StartsScalar(string line, int at)
    {
        var before = at - 1;
        while (before >= 0 && line[before] is ' ' or '\t')
            before--;
        return before < 0 || line[before] is ':' or '-' or '?' or ',' or '[' or '{';
    }

    // The index of the closing quote, or the line's end: a scalar that goes on is read as structure, on the safe side.
    private static int EndOfQuoted(string line, int open)
    {
        var quote = line[open];
        for (var at = open + 1; at < line.Length; at++)
        {
            if (quote == '"' && line[at] == '\\')
                at++;
            else if (line[at] == quote)
            {
                if (quote == '\'' && at + 1 < line.Length && line[at + 1] == '\'')
                    at++;
                else
                    return at;
            }
        }
        return line.Length;
    }

    // "key: |", "key: >-", "- |2": the lines indented under it are text, whatever brackets they hold.
    private static bool EndsWithBlockScalarIndicator(string line)
    {
        var text = line.TrimEnd().TrimEnd('-', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        return text.Length > 0 && text[^1] is '|' or '>' && (text.Length == 1 || text[^2] is ' ' or ':' or '-');
    }
}
