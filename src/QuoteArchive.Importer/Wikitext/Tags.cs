namespace QuoteArchive.Importer.Wikitext;

/// <summary>
/// HTML-like tags as MediaWiki reads them in wikitext: <c>&lt;name attributes&gt;</c>, <c>&lt;name … /&gt;</c>,
/// <c>&lt;/name&gt;</c>. A tag ends at its <c>&gt;</c> within <see cref="MaxTagLength"/> characters, so looking for it
/// costs a bounded amount per character.
/// </summary>
internal static class Tags
{
    public const int MaxTagLength = 300;

    // MediaWiki's extension tags whose content is not wikitext: it is taken as it stands up to the closing tag, over
    // lines, and a "{{" or "[[" in it (TeX braces, code) opens nothing.
    private static readonly HashSet<string> RawNames = new(StringComparer.Ordinal)
    {
        "nowiki", "pre", "math", "chem", "ce", "score", "syntaxhighlight", "source",
    };

    /// <summary>A tag whose content is raw text, not wikitext: <c>&lt;nowiki&gt;</c>, <c>&lt;pre&gt;</c>, <c>&lt;math&gt;</c> ….</summary>
    public static bool IsRaw(string name) => RawNames.Contains(name);

    public static bool At(string text, int i, int to, string after) =>
        i + 1 + after.Length <= to && string.CompareOrdinal(text, i + 1, after, 0, after.Length) == 0;

    /// <summary>An opening (or self-closing) tag at <paramref name="i"/>: its lower-case name and the index past its <c>&gt;</c>.</summary>
    public static bool TryOpen(string text, int i, int to, out string name, out int end, out bool selfClosing)
    {
        name = "";
        end = i;
        selfClosing = false;
        var n = i + 1;
        while (n < to && n - i <= 20 && char.IsAsciiLetterOrDigit(text[n]))
            n++;
        if (n == i + 1 || !char.IsAsciiLetter(text[i + 1]) || n >= to || !(text[n] is '>' or '/' or ' ' or '\t' or '\n'))
            return false;
        var close = text.IndexOf('>', n, Math.Min(to, i + MaxTagLength) - n);
        if (close < 0 || text.IndexOf('<', n, close - n) >= 0)
            return false;
        name = text[(i + 1)..n].ToLowerInvariant();
        selfClosing = text[close - 1] == '/';
        end = close + 1;
        return true;
    }

    /// <summary>A closing tag <c>&lt;/name&gt;</c> at <paramref name="i"/>.</summary>
    public static bool TryClose(string text, int i, int to, out string name, out int end)
    {
        name = "";
        end = i;
        if (i + 2 >= to || text[i + 1] != '/')
            return false;
        var n = i + 2;
        while (n < to && n - i <= 20 && char.IsAsciiLetterOrDigit(text[n]))
            n++;
        var close = n;
        while (close < to && text[close] is ' ' or '\t')
            close++;
        if (n == i + 2 || close >= to || text[close] != '>')
            return false;
        name = text[(i + 2)..n].ToLowerInvariant();
        end = close + 1;
        return true;
    }

    /// <summary>Where <c>&lt;/name&gt;</c> next stands from <paramref name="from"/>, or -1.</summary>
    public static int IndexOfClose(string text, int from, int to, string name)
    {
        var marker = "</" + name;
        for (var at = text.IndexOf(marker, from, to - from, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(marker, at + 1, to - at - 1, StringComparison.OrdinalIgnoreCase))
            if (TryClose(text, at, to, out var found, out _) && found == name)
                return at;
        return -1;
    }

    /// <summary>The index past the closing tag that starts at <paramref name="close"/>.</summary>
    public static int CloseEnd(string text, int close, int to) => TryClose(text, close, to, out _, out var end) ? end : close + 2;

    /// <summary>The value of attribute <paramref name="attribute"/> in the tag text <c>&lt;ref name="x"&gt;</c>, quoted or not.</summary>
    public static string? Attribute(string tag, string attribute) =>
        AttributeRange(tag, 0, tag.Length, attribute) is { } value ? tag[value.From..value.To].Trim() : null;

    /// <summary>Where the value of attribute <paramref name="attribute"/> stands in the tag at <c>[from, to)</c> of the text, quotes left out.</summary>
    public static (int From, int To)? AttributeRange(string text, int from, int to, string attribute)
    {
        var at = text.IndexOf(attribute + "=", from, to - from, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return null;
        var start = at + attribute.Length + 1;
        while (start < to && text[start] == ' ')
            start++;
        if (start >= to)
            return null;
        if (text[start] is '"' or '\'')
        {
            var end = text.IndexOf(text[start], start + 1, to - start - 1);
            return (start + 1, end < 0 ? to : end);
        }
        var stop = start;
        while (stop < to && !(text[stop] is ' ' or '/' or '>'))
            stop++;
        return (start, stop);
    }
}
