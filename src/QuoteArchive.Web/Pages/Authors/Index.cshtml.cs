using Microsoft.AspNetCore.Mvc.RazorPages;
using QuoteArchive.Storage;
using QuoteArchive.Web.Hosting;
using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Pages.Authors;

[QueryKeys("letter", "page")]
public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    public const int PageSize = 500;

    public AuthorListView List { get; private set; } = null!;
    public Paging Paging { get; private set; }

    public async Task OnGetAsync(string? letter, CancellationToken cancellationToken)
    {
        Paging = Paging.From(Request.Query["page"], null, PageSize);
        List = await db.AuthorListAsync(letter, Paging, cancellationToken);
        if (LetterSplit.IsUnknown(List.Letters, List.Letter))
            Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
