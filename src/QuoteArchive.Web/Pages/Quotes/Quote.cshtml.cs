using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Quotes;

public sealed class QuoteModel(ArchiveDbContext db, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : PageModel
{
    public QuoteView Quote { get; private set; } = null!;

    /// <summary>Set instead of <see cref="Quote"/> when the quote was removed from the archive: the page says so (410).</summary>
    public QuoteLink.Gone? Gone { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        // Model binding reads a blank segment ("/q/%20") as no value at all.
        if (id is null)
            return NotFound();
        var wantsJson = QuoteFormats.WantsJson(Request);
        Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        switch (await db.ResolveAsync(id, cancellationToken))
        {
            case QuoteLink.Found found when wantsJson:
                return new JsonResult(found.Quote, json.Value.SerializerOptions);
            case QuoteLink.Found found:
                Quote = found.Quote;
                return Page();
            case QuoteLink.Moved moved:
                return RedirectPermanent(ArchiveUrls.Quote(moved.Id));
            case QuoteLink.Gone gone when wantsJson:
                return new JsonResult(QuoteFormats.GoneDetails(gone)) { StatusCode = StatusCodes.Status410Gone, ContentType = "application/problem+json" };
            case QuoteLink.Gone gone:
                Gone = gone;
                Response.StatusCode = StatusCodes.Status410Gone;
                return Page();
            case var _ when wantsJson:
                return new ObjectResult(QuoteFormats.UnknownQuote()) { StatusCode = StatusCodes.Status404NotFound };
            default:
                return NotFound();
        }
    }

    /// <summary>The quote's text cut to a title's length at a word boundary.</summary>
    public string ShortText(int length) => QuoteFormats.Shorten(Quote.Text, length);
}
