using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Pages.Authors;

public sealed class AuthorModel(ArchiveDbContext db) : PageModel
{
    public const int PageSize = 100;

    public AuthorView Author { get; private set; } = null!;
    public Paging Paging { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        Paging = Paging.From(Request.Query["page"], null, PageSize);
        var author = await db.AuthorAsync(ArchiveQueries.AsRequested(slug), Paging, cancellationToken);
        if (author is null)
            return NotFound();
        Author = author;
        return Page();
    }
}
