using Microsoft.AspNetCore.Mvc.RazorPages;
using QuoteArchive.Storage;
using QuoteArchive.Web.Hosting;
using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Pages.Categories;

[QueryKeys("letter", "page")]
public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    public const int PageSize = 200;

    public CategoryListView List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        List = await db.CategoriesAsync(Request.Query["letter"], Paging.From(Request.Query["page"], null, PageSize), cancellationToken);
        if (LetterSplit.IsUnknown(List.Letters, List.Letter))
            Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
