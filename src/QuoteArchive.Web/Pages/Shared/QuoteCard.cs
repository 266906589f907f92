using Microsoft.AspNetCore.Html;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Shared;

/// <summary>What a quote card (<see cref="QuoteCardHtml"/>) shows: a quote, and whether it stands alone (its permalink page).</summary>
public sealed record QuoteCard(QuoteView Quote, bool Standalone = false)
{
    /// <summary>A search result: what the card shows in place of the quote's text and attribution.</summary>
    public MarkedQuote? Marked { get; init; }
}

/// <summary>
/// The text (or a snippet of a long one) and the attribution lines of a search result, encoded, with the matches in
/// <c>&lt;mark&gt;</c>: the reader sees why the quote was found. <paramref name="NameLinked"/>: the first line's
/// author name is a link to the author's page already.
/// </summary>
public sealed record MarkedQuote(IHtmlContent Text, IReadOnlyList<IHtmlContent> Attribution, bool NameLinked = false);
