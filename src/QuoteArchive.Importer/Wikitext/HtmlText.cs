using System.Text;

namespace QuoteArchive.Importer.Wikitext;

/// <summary>
/// Text as HTML: only the five characters that could open or close markup are escaped. (WebUtility.HtmlEncode also
/// escapes every accented letter, which makes French quotes unreadable in the archive for no safety gained.)
/// </summary>
internal static class HtmlText
{
    public static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
            return text;
        var html = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        return html.ToString();
    }
}
