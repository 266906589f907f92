using System.Buffers;
using System.Text;

namespace QuoteArchive.Importer.Wikitext;

/// <summary>
/// Text as HTML: only the five characters that could open or close markup are escaped. (WebUtility.HtmlEncode also
/// escapes every accented letter, which makes French quotes unreadable in the archive for no safety gained.)
/// </summary>
internal static class HtmlText
{
    private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\"'");

    public static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny(Escaped) < 0)
            return text;
        var html = new StringBuilder(text.Length + 16);
        Append(html, text);
        return html.ToString();
    }

    /// <summary>Appends the text as HTML, the runs between escaped characters as they are, without a string of its own.</summary>
    public static void Append(StringBuilder html, ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOfAny(Escaped); at >= 0; at = text.IndexOfAny(Escaped))
        {
            html.Append(text[..at]).Append(text[at] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(at + 1)..];
        }
        html.Append(text);
    }
}
