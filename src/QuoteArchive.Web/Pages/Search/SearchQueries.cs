using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Pages.Search;

public static class SearchQueries
{
    /// <summary>The search of the page and of the API, its filters read as a random pick's are (<see cref="ArchiveQueries.FilterNamesAsync"/>).</summary>
    public static async Task<SearchResultsView> SearchAsync(this ArchiveDbContext db, ArchiveGeneration archive, string? q, string? topic, string? author,
        string? status, string? lang, string? kind, Paging paging, CancellationToken cancellationToken)
    {
        var names = await db.FilterNamesAsync(archive, topic, author, lang, cancellationToken);
        var filter = new SearchFilter(
            names.TopicSlug,
            names.AuthorSlug,
            string.IsNullOrWhiteSpace(status) ? null : status.Trim(),
            // In an archive of one language every quote passes that language: no need to test each match for it.
            archive.Languages.Count == 1 ? null : names.Language,
            string.IsNullOrWhiteSpace(kind) ? null : kind.Trim());
        // A topic, author or language the archive does not have matches nothing, known without searching.
        var found = names.Unknown
            ? new SearchResults([], 0)
            : await QuoteSearch.RunAsync(db, SearchQuery.Parse(q), filter, paging.Skip, paging.PageSize, cancellationToken,
                commonWords: archive.CommonWords);
        return new SearchResultsView
        {
            Query = q ?? "",
            Page = paging.Page,
            PageSize = paging.PageSize,
            Total = found.Total,
            TotalIsLowerBound = found.TotalIsLowerBound,
            Results = found.Hits.Select(SearchHitView.From).ToList(),
        };
    }
}
