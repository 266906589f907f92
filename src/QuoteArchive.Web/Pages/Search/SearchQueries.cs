using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Pages.Search;

public static class SearchQueries
{
    /// <summary>
    /// The search of the page and of the API; a topic, an author and a language may be spelled as a random pick's are
    /// (a title or a slug, in any case: "love", "albert camus", "FR").
    /// </summary>
    public static async Task<SearchResultsView> SearchAsync(this ArchiveDbContext db, ArchiveGeneration archive, string? q, string? topic, string? author,
        string? status, string? lang, string? kind, Paging paging, CancellationToken cancellationToken)
    {
        lang = string.IsNullOrWhiteSpace(lang) ? null : lang.Trim();
        lang = archive.Languages.FirstOrDefault(l => l.Equals(lang, StringComparison.OrdinalIgnoreCase)) ?? lang;
        // In an archive of one language every quote passes that language: no need to test each match for it.
        var languageFilter = archive.Languages.Count == 1 && lang is not null && archive.Languages.Contains(lang) ? null : lang;
        // A topic or author the archive lacks stays as asked, and so matches nothing.
        var topicSlug = string.IsNullOrWhiteSpace(topic) ? null : await db.TopicSlugAsync(topic, cancellationToken) ?? ArchiveQueries.FilterSlug(topic);
        var authorSlug = string.IsNullOrWhiteSpace(author) ? null : await db.AuthorSlugAsync(author, cancellationToken) ?? ArchiveQueries.FilterSlug(author);
        var filter = new SearchFilter(
            topicSlug,
            authorSlug,
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
