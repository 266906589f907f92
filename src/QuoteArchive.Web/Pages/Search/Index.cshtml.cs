using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Hosting;
using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Pages.Search;

[QueryKeys("q", "topic", "author", "status", "lang", "kind", "page", "pageSize")]
public sealed class IndexModel(ArchiveDbContext db, ArchiveLease lease, Random random) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Topic { get; set; }
    [BindProperty(SupportsGet = true)] public string? Author { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lang { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    /// <summary>The kinds of page the archive has: the only ones worth narrowing a search to.</summary>
    public IReadOnlySet<TopicKind> KindsThereAre => lease.Generation?.Kinds ?? new HashSet<TopicKind>();

    public SearchResultsView Results { get; private set; } = null!;
    public Paging Paging { get; private set; }
    /// <summary>What the query means once read: shown when it differs from what was typed.</summary>
    public string Understood { get; private set; } = "";
    /// <summary>For the page without a query: one quote to start from.</summary>
    public QuoteView? Example { get; private set; }

    public bool HasQuery => !string.IsNullOrWhiteSpace(Q);

    /// <summary>What to try when nothing matched: said for what the query itself does wrong, if it does.</summary>
    public string NothingFoundHint { get; private set; } = "";

    /// <summary>
    /// The filters the address holds besides the kind of page (which has its own control, unless the address names a
    /// kind the archive does not have): each said in words, with the address of the same search without it. The form
    /// keeps them; without this a reader could not see them.
    /// </summary>
    public IReadOnlyList<(string Label, string Without)> Filters =>
    [
        .. new (string Key, string? Value, Func<string, string> Label)[]
        {
            ("topic", Topic, value => $"in the topic “{value.Replace('_', ' ')}”"),
            ("author", Author, value => $"by {value.Replace('_', ' ')}"),
            ("status", Status, value => SearchFilterValues.IsUnknown<QuoteStatus>(value)
                ? $"quotes of the status “{value}”, which no quote has"
                : $"{value.ToLowerInvariant()} quotes"),
            ("lang", Lang, value => $"in the language “{value}”"),
            ("kind", SearchFilterValues.IsUnknown<TopicKind>(Kind) ? Kind : null,
                value => $"in pages of the kind “{value}”, which no page is"),
        }
        .Where(filter => !string.IsNullOrWhiteSpace(filter.Value))
        .Select(filter => (filter.Label(filter.Value!.Trim()), QueryKeys.Address(Request, [filter.Key, "page"]))),
    ];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // "page" is a route value of Razor Pages (the page's path): the page number is read from the query string.
        Paging = Paging.From(Request.Query["page"], Request.Query["pageSize"]);
        var understood = SearchQuery.Parse(Q);
        Understood = understood.ToString();
        NothingFoundHint = understood.IsEmpty && understood.Excluded.Count > 0
            ? "Each word here has a minus, which only leaves quotes out: add a word to look for."
            : understood.HasShortPrefix
                ? $"A star needs {SearchQuery.MinPrefixLength} letters or more before it (lo*): one letter with a star is searched as that word."
                : "Try fewer words, a shorter form with a star (lov*), or leave out accents and punctuation.";
        Results = await db.SearchAsync(lease.Generation!, Q, Topic, Author, Status, Lang, Kind, Paging, cancellationToken);
        if (!HasQuery)
        {
            var id = await QuotePicks.RandomAsync(db, new PickFilter(MaxLength: QuotePicks.DailyMaxLength), random, cancellationToken);
            Example = id is null ? null : await db.QuoteAsync(id, cancellationToken);
        }
    }
}
