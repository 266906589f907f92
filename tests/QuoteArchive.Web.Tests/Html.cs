using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace QuoteArchive.Web.Tests;

/// <summary>Reading pages the way a reader sees them.</summary>
internal static class Html
{
    /// <summary>Text without any white space: a line break rendered as <c>&lt;br&gt;</c> and one kept as <c>\n</c> compare equal.</summary>
    public static string Squash(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>The text of a list item without the lists nested in it.</summary>
    public static string OwnText(IElement item) =>
        string.Concat(item.ChildNodes.Where(n => n is not (IHtmlUnorderedListElement or IHtmlOrderedListElement)).Select(n => n.TextContent)).Trim();

    /// <summary>The attribution lines under a quote, in document order, with their nesting depth (1 = top).</summary>
    public static List<(int Depth, string Text)> AttributionLines(IElement figure) =>
        figure.QuerySelectorAll(".attribution li")
            .Select(li => (li.Ancestors<IHtmlListItemElement>().Count() + 1, OwnText(li)))
            .ToList();
}
