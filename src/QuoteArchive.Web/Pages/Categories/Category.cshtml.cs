using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Hosting;
using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Pages.Categories;

[QueryKeys("page")]
public sealed class CategoryModel(ArchiveDbContext db) : PageModel
{
    public const int PageSize = 200;

    public CategoryView Category { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await db.CategorySlugAsync(slug, cancellationToken) is not { } stored)
            return NotFound();
        // One address per category, as per topic: spaces, a small first letter … are sent to the canonical one.
        if (ArchiveQueries.AsRequested(slug) != stored)
            return RedirectPermanent(ArchiveUrls.Category(stored) + QueryString.Create(QueryKeys.Known(HttpContext)));
        if (await db.CategoryAsync(stored, Paging.From(Request.Query["page"], null, PageSize), cancellationToken) is not { } category)
            return NotFound();
        Category = category;
        return Page();
    }
}
