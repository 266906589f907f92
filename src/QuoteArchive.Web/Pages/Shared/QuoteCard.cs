using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Shared;

/// <summary>The model of <c>_Quote.cshtml</c>: a quote, and whether it stands alone (its permalink page).</summary>
public sealed record QuoteCard(QuoteView Quote, bool Standalone = false);
