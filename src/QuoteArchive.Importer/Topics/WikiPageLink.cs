using System.Net;
using System.Text.RegularExpressions;

namespace QuoteArchive.Importer.Topics;

/// <summary>
/// A link the reader wrote to a page of the wiki: the archive's topic (<c>/wiki/Ovid</c>) or the page on its wikiquote
/// (<c>https://en.wikiquote.org/wiki/Ovid</c>); not a link to Wikipedia, where a character's article is as likely as a
/// writer's.
/// </summary>
public static partial class WikiPageLink
{
    /// <summary>The link that opens <paramref name="html"/>: the page's title, its label, and how long the link's HTML is.</summary>
    public static (string Page, string Label, int Length)? Opening(string? html)
    {
        if (html is null || Link().Match(html) is not { Success: true } link)
            return null;
        var page = Uri.UnescapeDataString(WebUtility.HtmlDecode(link.Groups["page"].Value)).Replace('_', ' ');
        return (page, WebUtility.HtmlDecode(link.Groups["label"].Value), link.Length);
    }

    [GeneratedRegex(@"^<a href=""(?:/wiki/|https://[a-z-]+\.wikiquote\.org/wiki/)(?<page>[^""#]*)[^""]*"">(?<label>[^<]*)</a>")]
    private static partial Regex Link();
}
