using Microsoft.Extensions.DependencyInjection;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;

namespace QuoteArchive.Web.Tests.Search;

/// <summary>
/// The bounds of search: above <see cref="QuoteSearch.RankingLimit"/> matches, or with words held by more than
/// <see cref="QuoteSearch.MaxRankedTermQuotes"/> quotes, it does not rank, and a filtered search reads at most
/// <see cref="QuoteSearch.FilteredScanLimit"/> matches. The test archive is small, so these tests lower the limits to
/// reach those paths.
/// </summary>
[Collection(nameof(ArchiveApp))]
public sealed class LargeResultTests(ArchiveApp app)
{
    // Not ranked: more matches than rankingLimit, or words held by more quotes than rankedTermQuotes (too common to
    // weigh, as bm25 reads each word's whole entry in the index).
    [Theory]
    [InlineData(10, QuoteSearch.MaxRankedTermQuotes)]
    [InlineData(int.MaxValue, 0)]
    public async Task NotRankedTitleMatchesComeFirstAndPagingReachesEveryMatchOnce(int rankingLimit, int rankedTermQuotes)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var query = SearchQuery.Parse("love");
        var ranked = await QuoteSearch.RunAsync(db, query, new SearchFilter(), 0, 100, rankingLimit: int.MaxValue);
        Assert.True(ranked.Total > 100);

        var seen = new List<SearchHit>();
        for (var skip = 0; skip < ranked.Total; skip += 100)
        {
            var page = await QuoteSearch.RunAsync(db, query, new SearchFilter(), skip, 100, rankingLimit: rankingLimit, rankedTermQuotes: rankedTermQuotes);
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

    // "half it": 8 matches, 5 of them quotes of The Half of It, whose title has both words; fewer than a page, which is
    // read first and is the whole answer. "nietzsche man": 98 matches, listed, then each page read. The words are
    // taken for too common to weigh (rankedTermQuotes: 0). In pages of 3 past a bounded walk (walkedEntries: 2), which
    // reads only the first matches, the named quotes still come first and every match once.
    [Theory]
    [InlineData("half it", 5, 20, QuoteSearch.WalkedEntries)]
    [InlineData("\"half of it\" -love", 5, 20, QuoteSearch.WalkedEntries)]
    [InlineData("nietzsche man", 0, 20, QuoteSearch.WalkedEntries)]
    [InlineData("half it", 5, 3, 2)]
    [InlineData("\"half of it\" -love", 5, 3, 2)]
    public async Task WordsTooCommonToWeighFindWhatARankedSearchFindsNamedQuotesFirst(string q, int named, int pageSize, int walkedEntries)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var query = SearchQuery.Parse(q);
        var ranked = await AllAsync(db, query, new SearchFilter());
        var unranked = await AllAsync(db, query, new SearchFilter(), pageSize: pageSize, rankedTermQuotes: 0, walkedEntries: walkedEntries);

        Assert.NotEmpty(ranked);
        Assert.Equal(ranked.Select(h => h.Id).Order(), unranked.Select(h => h.Id).Order());
        Assert.All(unranked.Take(named), h => Assert.Equal("The_Half_of_It", h.TopicSlug));
        Assert.DoesNotContain(unranked.Skip(named), h => h.TopicSlug == "The_Half_of_It");
    }

    // Words held by many quotes each but by fewer together are read past the first page only as far as a bounded walk
    // of their entries goes (walkedEntries, lowered here to reach it on the small archive): "more than" what was read,
    // every quote found a true match, and paging on still reaches the matches after it.
    [Fact]
    public async Task CommonWordsTogetherAreReadOnlyAsFarAsABoundedWalkAndPagingGoesOn()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var query = SearchQuery.Parse("nietzsche man");
        var exact = await AllAsync(db, query, new SearchFilter(), pageSize: 20, rankedTermQuotes: 0);
        var first = await QuoteSearch.RunAsync(db, query, new SearchFilter(), 0, 20, rankedTermQuotes: 0, walkedEntries: 40);

        Assert.False((await QuoteSearch.RunAsync(db, query, new SearchFilter(), 0, 20, rankedTermQuotes: 0)).TotalIsLowerBound);
        Assert.True(first.TotalIsLowerBound);
        Assert.InRange(first.Total, 21, exact.Count - 1);
        Assert.Equal(exact.Take(20).Select(h => h.Id), first.Hits.Select(h => h.Id));

        var seen = new List<SearchHit>();
        for (var skip = 0; skip < exact.Count; skip += 20)
        {
            var page = await QuoteSearch.RunAsync(db, query, new SearchFilter(), skip, 20, rankedTermQuotes: 0, walkedEntries: 40);
            Assert.True(page.Total > skip, $"page at {skip}: total {page.Total}");
            seen.AddRange(page.Hits);
        }
        Assert.Equal(exact.Select(h => h.Id), seen.Select(h => h.Id));
    }

    [Theory]
    [InlineData("half it")]
    [InlineData("\"half of it\" -love")]
    public async Task MatchesThatFitOnTheFirstPageAreNeverBounded(string q)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var results = await QuoteSearch.RunAsync(db, SearchQuery.Parse(q), new SearchFilter(), 0, 20, rankedTermQuotes: 0, walkedEntries: 1);
        Assert.False(results.TotalIsLowerBound);
        Assert.Equal(results.Hits.Count, results.Total);
        Assert.InRange(results.Total, 1, 20);
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

    [Fact]
    public async Task ASearchInATopicFindsWhatTheWholeSearchFindsThereInPageOrder()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var query = SearchQuery.Parse("love");
        var everywhere = await AllAsync(db, query, new SearchFilter());
        var inTopic = await AllAsync(db, query, new SearchFilter(Topic: "Love"));

        Assert.Equal(everywhere.Where(h => h.TopicSlug == "Love").Select(h => h.Id).Order(), inTopic.Select(h => h.Id).Order());
        // The page's order: its sections in order, each section's quotes in order.
        var onPage = db.Quotes.Where(q => q.Topic!.Slug == "Love").OrderBy(q => q.Section!.Position).ThenBy(q => q.Position).Select(q => q.Id).ToList();
        Assert.Equal(onPage.Where(inTopic.Select(h => h.Id).ToHashSet().Contains), inTopic.Select(h => h.Id));
        Assert.True(inTopic.Select(h => h.SectionAnchor).Distinct().Count() > 1, "the search reaches several sections");
        Assert.Equal(inTopic.Count, (await QuoteSearch.RunAsync(db, query, new SearchFilter(Topic: "Love"), 0, 10)).Total);
    }

    [Fact]
    public async Task ASearchOfOneAuthorFindsWhatTheWholeSearchFindsOfThem()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var author = db.Authors.OrderByDescending(a => a.QuoteCount).ThenBy(a => a.Slug).First().Slug;
        var query = SearchQuery.Parse("th*");
        var everywhere = await AllAsync(db, query, new SearchFilter());
        var ofAuthor = await AllAsync(db, query, new SearchFilter(Author: author));

        Assert.NotEmpty(ofAuthor);
        Assert.Equal(everywhere.Where(h => h.AuthorSlug == author).Select(h => h.Id).Order(), ofAuthor.Select(h => h.Id).Order());
        // Words with more matches than filteredScanLimit: FTS5 walks those of the author's name, and the same quotes
        // come in the same order.
        Assert.Equal(ofAuthor.Select(h => h.Id), (await AllAsync(db, query, new SearchFilter(Author: author), filteredScanLimit: 10)).Select(h => h.Id));
    }

    // An author named with common words only: the words' first matches are kept where they are the author's (the
    // author index), the same quotes in the same order as the name in the match finds; past the scan limit a part of
    // them, and the total says it is a lower bound.
    [Fact]
    public async Task AnAuthorNamedWithCommonWordsIsFoundAmongTheWordsFirstMatches()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var author = db.Authors.OrderByDescending(a => a.QuoteCount).ThenBy(a => a.Slug).First().Slug;
        var query = SearchQuery.Parse("th*");
        var byName = (await AllAsync(db, query, new SearchFilter(Author: author))).Select(h => h.Id).ToList();

        Assert.Equal(byName, (await AllAsync(db, query, new SearchFilter(Author: author), nameWordQuotes: 0)).Select(h => h.Id));
        var bounded = await QuoteSearch.RunAsync(db, query, new SearchFilter(Author: author), 0, 1000, nameWordQuotes: 0, authorScanLimit: 200);
        Assert.True(bounded.TotalIsLowerBound);
        Assert.InRange(bounded.Hits.Count, 1, byName.Count - 1);
        Assert.Equal(bounded.Total, bounded.Hits.Count);
        Assert.Equal(byName.Take(bounded.Hits.Count), bounded.Hits.Select(h => h.Id));
    }

    // The words' matches read once and the author's kept by their rows: with the other filters too, and a page past
    // the first, the same quotes as the whole search's.
    [Theory]
    [InlineData("th*", "sourced", 0)]
    [InlineData("man -god", null, 5)]
    public async Task AnAuthorsSearchWithOtherFiltersKeepsWhatTheWholeSearchKeeps(string q, string? status, int skip)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var author = db.Authors.OrderByDescending(a => a.QuoteCount).ThenBy(a => a.Slug).First().Slug;
        var query = SearchQuery.Parse(q);
        var expected = (await AllAsync(db, query, new SearchFilter(Status: status)))
            .Where(h => h.AuthorSlug == author).Select(h => h.Id).Order().ToList();
        var page = await QuoteSearch.RunAsync(db, query, new SearchFilter(Author: author, Status: status), skip, 3);

        Assert.True(expected.Count > skip + 3, $"{expected.Count} quotes of {author}");
        Assert.Equal(expected.Count, page.Total);
        Assert.False(page.TotalIsLowerBound);
        Assert.Equal(3, page.Hits.Count);
        Assert.All(page.Hits, h => Assert.Contains(h.Id, expected));
        // In the order of the author's quotes looked up one by one (filteredScanLimit: 1), the other way.
        Assert.Equal(page.Hits.Select(h => h.Id), (await AllAsync(db, query, new SearchFilter(Author: author, Status: status), filteredScanLimit: 1))
            .Skip(skip).Take(3).Select(h => h.Id));
    }

    [Fact]
    public async Task AFilteredSearchReadsABoundedNumberOfMatchesAndSaysItsTotalIsALowerBound()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var query = SearchQuery.Parse("love");
        var filter = new SearchFilter(Status: "sourced", Language: "en");
        var whole = await QuoteSearch.RunAsync(db, query, filter, 0, 100, filteredScanLimit: int.MaxValue);
        var bounded = await QuoteSearch.RunAsync(db, query, filter, 0, 100, filteredScanLimit: 200);

        Assert.False(whole.TotalIsLowerBound);
        Assert.True(bounded.TotalIsLowerBound);
        Assert.InRange(bounded.Total, 1, Math.Min(200, whole.Total - 1));
        var seen = await AllAsync(db, query, filter, filteredScanLimit: 200);
        Assert.Equal(bounded.Total, seen.Count);
        Assert.Equal(seen.Count, seen.Select(h => h.Id).Distinct().Count());
        Assert.All(seen, h => Assert.Equal(QuoteStatus.Sourced, h.Status));
        var all = (await AllAsync(db, query, filter, filteredScanLimit: int.MaxValue)).Select(h => h.Id).ToHashSet();
        Assert.Subset(all, seen.Select(h => h.Id).ToHashSet());
    }

    [Fact]
    public async Task AFilteredSearchThatFindsNothingInItsWindowDoesNotClaimThereIsNoMatch()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var query = SearchQuery.Parse("love");
        var outcomes = new List<(int Whole, SearchResults Bounded)>();
        foreach (var status in Enum.GetNames<QuoteStatus>())
        {
            var filter = new SearchFilter(Status: status);
            var whole = await QuoteSearch.RunAsync(db, query, filter, 0, 100, filteredScanLimit: int.MaxValue);
            outcomes.Add((whole.Total, await QuoteSearch.RunAsync(db, query, filter, 0, 100, filteredScanLimit: 1)));
        }

        // Reading one match, some status passes none of it though later matches have that status: "none of the
        // first", a lower bound, never a plain "no match".
        Assert.Contains(outcomes, o => o.Whole > 0 && o.Bounded.Total == 0);
        Assert.All(outcomes.Where(o => o.Bounded.Total == 0), o => Assert.True(o.Bounded.TotalIsLowerBound));
    }

    /// <summary>Every hit of a search, page after page.</summary>
    private static async Task<List<SearchHit>> AllAsync(ArchiveDbContext db, SearchQuery query, SearchFilter filter,
        int filteredScanLimit = QuoteSearch.FilteredScanLimit, int pageSize = 100, int rankedTermQuotes = QuoteSearch.MaxRankedTermQuotes,
        int walkedEntries = QuoteSearch.WalkedEntries, int nameWordQuotes = QuoteSearch.NameWordQuotes, int authorScanLimit = QuoteSearch.AuthorScanLimit)
    {
        var hits = new List<SearchHit>();
        for (var skip = 0; ; skip += pageSize)
        {
            var page = await QuoteSearch.RunAsync(db, query, filter, skip, pageSize, filteredScanLimit: filteredScanLimit,
                rankedTermQuotes: rankedTermQuotes, walkedEntries: walkedEntries, nameWordQuotes: nameWordQuotes, authorScanLimit: authorScanLimit);
            hits.AddRange(page.Hits);
            if (page.Hits.Count < pageSize)
                return hits;
        }
    }
}
