using Microsoft.Extensions.DependencyInjection;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;

namespace QuoteArchive.Web.Tests.Search;

/// <summary>
/// Past <see cref="QuoteSearch.MaxCounted"/> matches, a search answered from the common words' sets pages as FTS5's way
/// does: the named quotes first (those of the first <see cref="QuoteSearch.MaxNamedFirst"/>), then the others, and no
/// page past the MaxCounted-th match. In the 20,000-topic archive every quote holds "synthetic" and "topic" (its title),
/// and the topics titled "Synthetic topic …" are named; "aynthetic" is the title word of one topic in 26.
/// </summary>
[Collection(nameof(LargeArchiveApp))]
public sealed class CommonWordPagingTests(LargeArchiveApp app)
{
    [Theory]
    [InlineData("synthetic topic")]
    [InlineData("topic line -aynthetic")]
    [InlineData("synthetic topic made up for test")]
    public async Task PastTheCountedMatchesTheSetsPageAsTheIndexDoes(string q)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var sets = new CommonWordSets(ArchiveDbContext.ReadOnlyConnectionString(app.DatabasePath));
        var query = SearchQuery.Parse(q);
        await QuoteSearch.RunAsync(db, query, new SearchFilter(), 0, 100, rankedTermQuotes: 0, commonWords: sets);
        await sets.WhenReadAsync();
        Assert.True(sets.Kept >= 2);
        var answered = sets.Answered;
        foreach (var skip in new[] { 0, 700, 800, 9_900, 10_000 })
        {
            var byIndex = await QuoteSearch.RunAsync(db, query, new SearchFilter(), skip, 100, rankedTermQuotes: 0);
            var bySets = await QuoteSearch.RunAsync(db, query, new SearchFilter(), skip, 100, rankedTermQuotes: 0, commonWords: sets);
            Assert.Equal((byIndex.Total, byIndex.TotalIsLowerBound), (bySets.Total, bySets.TotalIsLowerBound));
            Assert.Equal(byIndex.Hits.Select(h => h.Id), bySets.Hits.Select(h => h.Id));
            Assert.Equal(QuoteSearch.MaxCounted, bySets.Total);
            Assert.True(bySets.TotalIsLowerBound);
            Assert.Equal(skip < QuoteSearch.MaxCounted ? 100 : 0, bySets.Hits.Count);
        }
        Assert.Equal(answered + 5, sets.Answered);
    }
}
