using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Hosting;
using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Pages.Authors;

[QueryKeys("page")]
public sealed class AuthorModel(ArchiveDbContext db) : PageModel
{
    public const int PageSize = 100;

    public AuthorView Author { get; private set; } = null!;
    public Paging Paging { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        // Model binding reads a blank segment ("/authors/%20") as no value at all.
        if (string.IsNullOrWhiteSpace(slug))
            return NotFound();
        Paging = Paging.From(Request.Query["page"], null, PageSize);
        var author = await db.AuthorAsync(ArchiveQueries.AsRequested(slug), Paging, cancellationToken);
        if (author is null)
            return await db.AuthorSlugAsync(slug, cancellationToken) is { } stored && stored != ArchiveQueries.AsRequested(slug)
                ? RedirectPermanent(ArchiveUrls.Author(stored) + QueryString.Create(QueryKeys.Known(HttpContext)))
                : NotFound();
        Author = author;
        return Page();
    }
}
