using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Categories;

public sealed class CategoryModel(ArchiveDbContext db) : PageModel
{
    public CategoryView Category { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var category = ArchiveQueries.SlugOf(slug) is { } canonical ? await db.CategoryAsync(canonical, cancellationToken) : null;
        if (category is null)
            return NotFound();
        Category = category;
        return Page();
    }
}
