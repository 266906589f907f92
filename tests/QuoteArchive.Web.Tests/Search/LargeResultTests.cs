using Microsoft.Extensions.DependencyInjection;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;

namespace QuoteArchive.Web.Tests.Search;

/// <summary>
/// Above <see cref="QuoteSearch.RankingLimit"/> matches, search stops ranking every match: the test archive is
/// small, so these tests lower the limit to reach that path.
/// </summary>
[Collection(nameof(ArchiveApp))]
public sealed class LargeResultTests(ArchiveApp app)
{
    [Fact]
    public async Task AboveTheRankingLimitTitleMatchesComeFirstAndPagingReachesEveryMatchOnce()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var query = SearchQuery.Parse("love");
        var ranked = await QuoteSearch.RunAsync(db, query, new SearchFilter(), 0, 100, rankingLimit: int.MaxValue);
        Assert.True(ranked.Total > 100);

        var seen = new List<SearchHit>();
        for (var skip = 0; skip < ranked.Total; skip += 100)
        {
            var page = await QuoteSearch.RunAsync(db, query, new SearchFilter(), skip, 100, rankingLimit: 10);
            Assert.Equal(ranked.Total, page.Total);
            seen.AddRange(page.Hits);
        }
        Assert.Equal(ranked.Total, seen.Count);
        Assert.Equal(seen.Count, seen.Select(h => h.Id).Distinct().Count());

        // The topic Love's quotes (a title match) come before any quote that only says "love".
        var loveTopic = seen.Count(h => h.TopicSlug == "Love");
        Assert.True(loveTopic > 0 && loveTopic < seen.Count);
        Assert.All(seen.Take(loveTopic), h => Assert.Equal("Love", h.TopicSlug));
        // Every quote shows why it was found: a highlight in its text, attribution or topic title, or its author's name.
        Assert.All(seen, h => Assert.True(
            h.Highlight.Any(p => p.IsMatch) || h.Title.Any(p => p.IsMatch) || h.Attribution.Any(l => l.Any(p => p.IsMatch))
            || h.AuthorName?.Contains("love", StringComparison.OrdinalIgnoreCase) == true, h.Id));
    }

    [Fact]
    public async Task AboveTheRankingLimitExclusionsAndFiltersStillApply()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var results = await QuoteSearch.RunAsync(db, SearchQuery.Parse("love -god"), new SearchFilter(Language: "en"), 0, 100, rankingLimit: 10);
        Assert.NotEmpty(results.Hits);
        Assert.All(results.Hits, h => Assert.DoesNotContain("god", h.Text + h.TopicTitle, StringComparison.OrdinalIgnoreCase));
        Assert.All(results.Hits, h => Assert.Equal("en", h.Language));
    }
}
