namespace QuoteArchive.Importer.Wikitext;

/// <summary>
/// MediaWiki: a page whose text starts with <c>#REDIRECT [[Target]]</c> (<c>#REDIRECTION</c> on French wikis) is no
/// article but a pointer to another; it holds no quotes, and is no topic.
/// </summary>
internal static class RedirectPage
{
    private static readonly string[] Words = ["#REDIRECT", "#REDIRECTION"];

    /// <summary>
    /// The text starts as a redirect whose target cannot be read (<c>#REDIRECT [[]]</c>, <c>#REDIRECT</c> alone on its
    /// line): a broken redirect, not an article whose "#REDIRECT" would be a numbered quote. "#Redirect your energy …"
    /// is a numbered line of an article, as MediaWiki reads it.
    /// </summary>
    public static bool IsBroken(string text)
    {
        var start = Start(text);
        if (Word(text, start) is not { } word || TryParse(text, out _))
            return false;
        var lineEnd = text.IndexOf('\n', start);
        var rest = text.AsSpan(start + word.Length, (lineEnd < 0 ? text.Length : lineEnd) - start - word.Length).TrimStart(" \t:");
        return rest.IsWhiteSpace() || rest.StartsWith("[[", StringComparison.Ordinal);
    }

    public static bool TryParse(string text, out string target)
    {
        target = "";
        var start = Start(text);
        var word = Word(text, start);
        if (word is null)
            return false;
        var open = text.IndexOf("[[", start + word.Length, StringComparison.Ordinal);
        var lineEnd = text.IndexOf('\n', start);
        if (open < 0 || (lineEnd >= 0 && open > lineEnd) || text.AsSpan(start + word.Length, open - start - word.Length).Trim(" \t:").Length > 0)
            return false;
        var close = text.IndexOf("]]", open + 2, StringComparison.Ordinal);
        if (close < 0 || (lineEnd >= 0 && close > lineEnd))
            return false;
        target = text[(open + 2)..close].Split('|')[0].Replace('_', ' ').Trim();
        return target.Length > 0;
    }

    private static int Start(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
            start++;
        return start;
    }

    private static string? Word(string text, int start) => Words.OrderByDescending(w => w.Length)
        .FirstOrDefault(w => string.Compare(text, start, w, 0, w.Length, StringComparison.OrdinalIgnoreCase) == 0);
}
