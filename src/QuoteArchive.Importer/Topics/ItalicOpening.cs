using System.Net;
using System.Text.RegularExpressions;

namespace QuoteArchive.Importer.Topics;

/// <summary>
/// What a line's HTML sets in italics at its very start (<c>'''''Firefly''''' (2002–2003) is …</c>,
/// <c>''The Girl I Left Behind Me'' (1759)</c>): a title, as names are not set so. Wikitext shows it; page text does not.
/// </summary>
public static partial class ItalicOpening
{
    /// <summary>The italic words' plain text, or null when the line does not open in italics.</summary>
    public static string? TextOf(string? html) =>
        html is not null && Opening().Match(html) is { Success: true } italic
            ? WebUtility.HtmlDecode(Tags().Replace(italic.Groups["text"].Value, "")).Trim()
            : null;

    [GeneratedRegex("^(?:<strong>)?<em>(?<text>.*?)</em>")]
    private static partial Regex Opening();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
