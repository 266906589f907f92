using Microsoft.AspNetCore.Mvc.RazorPages;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Hosting;
using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Pages;

[QueryKeys("letter", "page")]
public sealed class IndexModel(ArchiveDbContext db, ArchiveLease lease) : PageModel
{
    public const int PageSize = 200;

    public TopicListView List { get; private set; } = null!;

    /// <summary>The topics shown under the letter they file under, A–Z.</summary>
    public IEnumerable<IGrouping<string, TopicSummary>> Letters => List.Topics.GroupBy(t => t.Letter);

    public int TopicCount => List.Letters.Sum(l => l.Count);

    public int QuoteCount { get; private set; }

    public int LanguageCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        List = await db.TopicListAsync(Request.Query["letter"], Paging.From(Request.Query["page"], null, PageSize), cancellationToken);
        if (LetterSplit.IsUnknown(List.Letters, List.Letter))
            Response.StatusCode = StatusCodes.Status404NotFound;
        QuoteCount = await db.QuoteCountAsync(cancellationToken);
        // Known since the archive was opened: no query.
        LanguageCount = lease.Generation?.Languages.Count ?? 0;
    }
}
