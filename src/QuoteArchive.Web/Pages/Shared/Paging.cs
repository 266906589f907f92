using QuoteArchive.Web.Hosting;

namespace QuoteArchive.Web.Pages.Shared;

/// <summary>A page of a long list, read leniently from the query string: a bad value is the default, not an error.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 100;
    /// <summary>
    /// How deep a list can be paged, in items, whatever the page size: far enough for any reader (and for every topic
    /// of a letter of English Wikiquote), and it bounds what a request can make the database skip.
    /// </summary>
    public const int MaxItems = 100_000;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>The farthest page at this size.</summary>
    public int MaxPage => FarthestPage(PageSize);

    private static int FarthestPage(int pageSize) => Math.Max(1, MaxItems / pageSize);

    /// <summary>What a page's title adds after the first page (", page 3"): each page of a list has a title of its own.</summary>
    public string InTitle => Page > 1 ? $", page {AskedPage}" : "";

    /// <summary>
    /// The page and size a query string asks for: a size that is no whole number of 1 or more is the default, a larger
    /// one <see cref="MaxPageSize"/>; a page that is no number is the first, a page past <see cref="MaxPage"/> the farthest
    /// (and told as asked, <see cref="AskedPage"/>).
    /// </summary>
    public static Paging From(string? page, string? pageSize, int defaultPageSize = 20)
    {
        var hasSize = int.TryParse(pageSize, out var s);
        var size = hasSize && s >= 1 ? Math.Min(s, MaxPageSize) : defaultPageSize;
        // A page number too long for an int, or a long, is still a page asked for, past the last.
        var hasPage = long.TryParse(page, out var p);
        if (!hasPage && IsDigits(page))
            (hasPage, p) = (true, long.MaxValue);
        return new((int)Math.Clamp(hasPage ? p : 1, 1, FarthestPage(size)), size)
        {
            IsAsked = hasPage || hasSize,
            AskedPage = hasPage ? Math.Max(p, 1) : 1,
        };
    }

    private static bool IsDigits(string? text) => !string.IsNullOrEmpty(text) && text.All(char.IsAsciiDigit);

    private readonly long asked;

    /// <summary>The page as the address numbers it, past MaxPage too: what a reader is told there is no such page of.</summary>
    public long AskedPage { get => asked > 0 ? asked : Page; init => asked = value; }

    /// <summary>Whether the request named a page or a page size: a short list then comes in pages too.</summary>
    public bool IsAsked { get; init; }

    public bool HasNext(int total) => Page < MaxPage && (long)Page * PageSize < total;

    public int LastPage(int total) => Math.Clamp((total + PageSize - 1) / PageSize, 1, MaxPage);

    /// <summary>The page before this one; from beyond the end, the last page there is.</summary>
    public int PreviousPage(int total) => Math.Min(Page - 1, LastPage(total));

    /// <summary>
    /// The current request's URL with another page number, the other parameters its page reads kept, and the page size
    /// as it was read (<c>pageSize=1000</c> asked is 100 answered: the link says 100), where the request gave one.
    /// </summary>
    public string UrlFor(HttpRequest request, int page)
    {
        static KeyValuePair<string, string?> Number(string key, int value) => new(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return QueryKeys.Known(request.HttpContext).Any(p => p.Key == "pageSize")
            ? QueryKeys.Address(request, ["page", "pageSize"], Number("pageSize", PageSize), Number("page", page))
            : QueryKeys.Address(request, ["page"], Number("page", page));
    }

    /// <summary>
    /// RFC 8288 <c>Link</c> header of the API: the next page, or where the list goes on after its last
    /// (<paramref name="afterLastPage"/>), and the previous page. One header line, the links comma-separated: many
    /// clients read only the first line of a header (Python's urllib, Go's Header.Get).
    /// </summary>
    public void AddLinkHeader(HttpContext context, int total, string? afterLastPage = null)
    {
        var links = new List<string>();
        var next = HasNext(total) ? UrlFor(context.Request, Page + 1) : afterLastPage;
        if (next is not null)
            links.Add($"<{next}>; rel=\"next\"");
        if (Page > 1)
            links.Add($"<{UrlFor(context.Request, PreviousPage(total))}>; rel=\"prev\"");
        if (links.Count > 0)
            context.Response.Headers.Link = string.Join(", ", links);
    }
}

/// <summary>
/// The model of <c>_Pager.cshtml</c>: which page of how many items, and what the pages are of (its label). Where the
/// total is only a lower bound (a search that stopped counting), the pager names no last page.
/// </summary>
public sealed record Pager(Paging Paging, int Total, string Label, bool TotalIsLowerBound = false)
{
    /// <summary>A page beyond the last one asked for (an old link, an edited address): there is something to go back to.</summary>
    public bool IsPastTheEnd => Total > 0 && !TotalIsLowerBound && Paging.Page > Paging.LastPage(Total);

    /// <summary>How many pages on each side of this one the pager links by number.</summary>
    private const int Around = 2;

    /// <summary>
    /// The pages the pager links by number: the first, the last, and those around this one; null where pages are left
    /// out between them. None where the last page is unknown (a count that stopped).
    /// </summary>
    public IReadOnlyList<int?> Numbers()
    {
        if (TotalIsLowerBound)
            return [];
        var last = Paging.LastPage(Total);
        var shown = new SortedSet<int> { 1, last };
        for (var page = Math.Max(1, Paging.Page - Around); page <= Math.Min(last, Paging.Page + Around); page++)
            shown.Add(page);
        var numbers = new List<int?>();
        foreach (var page in shown)
        {
            if (numbers.Count > 0 && page > numbers[^1] + 1)
                numbers.Add(null);
            numbers.Add(page);
        }
        return numbers;
    }
}
