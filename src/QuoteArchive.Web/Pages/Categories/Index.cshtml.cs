using Microsoft.AspNetCore.Mvc.RazorPages;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Pages.Categories;

public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    public IReadOnlyList<CategorySummary> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Categories = await db.CategoriesAsync(cancellationToken);
}
