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
        var category = ArchiveQueries.SlugOf(slug) is { } canonical
            ? await db.CategoryAsync(canonical, Paging.From(Request.Query["page"], null, PageSize), cancellationToken)
            : null;
        if (category is null)
            return NotFound();
        Category = category;
        return Page();
    }
}
