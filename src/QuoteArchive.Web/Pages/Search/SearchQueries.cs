using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Pages.Search;

public static class SearchQueries
{
    /// <summary>The search of the page and of the API; topic and author may be given as titles or slugs.</summary>
    public static async Task<SearchResultsView> SearchAsync(this ArchiveDbContext db, ArchiveGeneration archive, string? q, string? topic, string? author,
        string? status, string? lang, string? kind, Paging paging, CancellationToken cancellationToken)
    {
        lang = string.IsNullOrWhiteSpace(lang) ? null : lang.Trim();
        // In an archive of one language every quote passes that language: no need to test each match for it.
        var languageFilter = archive.Languages.Count == 1 && lang is not null && archive.Languages.Contains(lang) ? null : lang;
        var filter = new SearchFilter(
            ArchiveQueries.FilterSlug(topic),
            ArchiveQueries.FilterSlug(author),
            string.IsNullOrWhiteSpace(status) ? null : status.Trim(),
            languageFilter,
            string.IsNullOrWhiteSpace(kind) ? null : kind.Trim());
        // A language the archive does not have matches nothing, known without searching.
        var found = lang is not null && !archive.Languages.Contains(lang)
            ? new SearchResults([], 0)
            : await QuoteSearch.RunAsync(db, SearchQuery.Parse(q), filter, paging.Skip, paging.PageSize, cancellationToken);
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
