using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;

namespace QuoteArchive.Web.Tests.Search;

/// <summary>
/// A search whose words are all common (<see cref="CommonWordSets"/>) is answered from the words' sets of matches: it
/// must find what FTS5 finds, in the same order, with the same highlights, page after page. The test archive is small:
/// a common word is one in 32 of its quotes, and rankedTermQuotes: 0 keeps every search unranked, as common words are at
/// full scale; nameWordQuotes: 0 takes every author's name for one of common words only.
/// </summary>
[Collection(nameof(ArchiveApp))]
public sealed class CommonWordSetTests(ArchiveApp app)
{
    [Theory]
    [InlineData("the love", null, null)]
    [InlineData("life is", null, null)]
    [InlineData("the of and is in to a that it for", null, null)]
    [InlineData("love -god", null, null)]
    [InlineData("man -love -the", null, null)]
    [InlineData("th* love", null, null)]
    [InlineData("love is -th*", null, null)]
    [InlineData("one love", null, null)]
    [InlineData("the of", "Love", null)]
    [InlineData("the man", null, "Friedrich_Nietzsche")]
    [InlineData("love is", "Love", "Paulo_Coelho")]
    public async Task FindsWhatTheIndexFindsInTheSameOrderWithTheSameHighlights(string q, string? topic, string? author)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var filter = new SearchFilter(Topic: topic, Author: author);
        var sets = new CommonWordSets();
        for (var skip = 0; ; skip += 20)
        {
            var byIndex = await QuoteSearch.RunAsync(db, SearchQuery.Parse(q), filter, skip, 20, rankedTermQuotes: 0, nameWordQuotes: 0);
            var bySets = await QuoteSearch.RunAsync(db, SearchQuery.Parse(q), filter, skip, 20, rankedTermQuotes: 0, nameWordQuotes: 0,
                commonWords: sets);
            Assert.True(sets.Kept > 0, "the words' sets were not used");
            Assert.Equal(byIndex.Total, bySets.Total);
            Assert.Equal(byIndex.TotalIsLowerBound, bySets.TotalIsLowerBound);
            Assert.Equal(byIndex.Hits.Select(Shown), bySets.Hits.Select(Shown));
            if (byIndex.Hits.Count < 20)
                break;
        }
    }

    // Where the sets would not fit in the memory allowed, the index answers: a common word read for one search alone
    // costs more than FTS5's walk of it.
    [Fact]
    public async Task WithNoRoomForTheirSetsTheIndexAnswersTheSame()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var query = SearchQuery.Parse("the of and is in to a that");
        var kept = new CommonWordSets();
        var first = await QuoteSearch.RunAsync(db, query, new SearchFilter(), 0, 20, commonWords: kept);
        Assert.Equal(8, kept.Kept);
        var roomForSeven = new CommonWordSets(maxBytes: 7 * new RowidSet(await db.Database.SqlQueryRaw<long>("SELECT max(rowid) AS Value FROM Quotes").SingleAsync()).Bytes);
        Assert.NotEmpty((await QuoteSearch.RunAsync(db, SearchQuery.Parse("the of and is in to"), new SearchFilter(), 0, 20,
            commonWords: roomForSeven)).Hits);
        Assert.Equal(6, roomForSeven.Kept);
        var again = await QuoteSearch.RunAsync(db, query, new SearchFilter(), 0, 20, commonWords: roomForSeven);
        Assert.Equal(6, roomForSeven.Kept);
        Assert.NotEmpty(first.Hits);
        Assert.Equal(first.Total, again.Total);
        Assert.Equal(first.Hits.Select(Shown), again.Hits.Select(Shown));
    }

    [Fact]
    public async Task ARareWordLeavesTheSearchToTheIndex()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var sets = new CommonWordSets();
        var results = await QuoteSearch.RunAsync(db, SearchQuery.Parse("the of and is in to zarathustra"), new SearchFilter(), 0, 20,
            commonWords: sets);
        Assert.NotEmpty(results.Hits);
        Assert.Equal(0, sets.Kept);
    }

    // What a reader sees of a hit: which quote, and every highlighted piece of its text, title and attribution.
    private static string Shown(SearchHit hit) => string.Join("|", [
        hit.Id, hit.IsSnippet.ToString(), Marked(hit.Highlight), Marked(hit.Title), .. hit.Attribution.Select(Marked)]);

    private static string Marked(IReadOnlyList<Highlighted> pieces) => string.Concat(pieces.Select(p => p.IsMatch ? $"[{p.Text}]" : p.Text));
}
