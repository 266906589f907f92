using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Tests.Search;

/// <summary>
/// A search whose words are all common (<see cref="CommonWordSets"/>) is answered from the words' sets of matches (with
/// phrases, FTS5 checks the quotes that hold their words): it must find what FTS5 finds, in the same order, with the
/// same highlights, page after page. The test archive is small:
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
    [InlineData("\"is not\" life", null, null)]
    [InlineData("\"in the\" \"of the\" man", null, null)]
    [InlineData("life is -\"of the\"", null, null)]
    [InlineData("\"of the\" man", "Friedrich_Nietzsche", null)]
    [InlineData("\"is not\" the", null, "Friedrich_Nietzsche")]
    public async Task FindsWhatTheIndexFindsInTheSameOrderWithTheSameHighlights(string q, string? topic, string? author)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var filter = new SearchFilter(Topic: topic, Author: author);
        var sets = new CommonWordSets(ConnectionString);
        // The first search asks for the words' sets and takes the index's way; they are read behind it.
        await SearchAndReadAsync(db, q, sets, filter, nameWordQuotes: 0);
        for (var skip = 0; ; skip += 20)
        {
            var byIndex = await QuoteSearch.RunAsync(db, SearchQuery.Parse(q), filter, skip, 20, rankedTermQuotes: 0, nameWordQuotes: 0);
            var bySets = await QuoteSearch.RunAsync(db, SearchQuery.Parse(q), filter, skip, 20, rankedTermQuotes: 0, nameWordQuotes: 0,
                commonWords: sets);
            Assert.True(sets.Answered > 0, "the words' sets were not used");
            Assert.Equal(byIndex.Total, bySets.Total);
            Assert.Equal(byIndex.TotalIsLowerBound, bySets.TotalIsLowerBound);
            Assert.Equal(byIndex.Hits.Select(Shown), bySets.Hits.Select(Shown));
            if (byIndex.Hits.Count < 20)
                break;
        }
    }

    // "The", "THE" and "the" are one word of the index, and one set.
    [Fact]
    public async Task EverySpellingOfAWordSharesItsSet()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var sets = new CommonWordSets(ConnectionString);
        await SearchAndReadAsync(db, "the love", sets);
        Assert.Equal(2, sets.Kept);
        var byIndex = await ByIndexAsync(db, "THE Love");
        var bySets = await SearchAndReadAsync(db, "THE Love", sets);
        Assert.Equal(2, sets.Kept);
        Assert.Equal(1, sets.Answered);
        Assert.Equal(byIndex.Hits.Select(Shown), bySets.Hits.Select(Shown));
    }

    // A Latin word typed with an accent is the index's word without it ("thé" is "the"): it shares that word's set.
    // A word whose folding is not known for sure (a letter Fold changes beyond its case outside the Latin ones, here
    // Greek final sigma) leaves the search to FTS5.
    [Fact]
    public async Task AnAccentedLatinWordSharesItsSetAndAnUncertainOneIsTheIndexs()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var sets = new CommonWordSets(ConnectionString);
        await SearchAndReadAsync(db, "the of and is in", sets);
        Assert.Equal(5, sets.Kept);
        var byIndex = await ByIndexAsync(db, "thé of and is in");
        var answered = sets.Answered;
        var bySets = await SearchAndReadAsync(db, "thé of and is in", sets);
        Assert.Equal(5, sets.Kept);
        Assert.Equal(answered + 1, sets.Answered);
        Assert.NotEmpty(byIndex.Hits);
        Assert.Equal(byIndex.Hits.Select(Shown), bySets.Hits.Select(Shown));

        var uncertain = new CommonWordSets(ConnectionString);
        await SearchAndReadAsync(db, "the of and is in -λόγος", uncertain);
        Assert.Equal(0, uncertain.Kept);
    }

    // A word held by one quote in 128 or more, though not common, is kept too once a search of common words needs it:
    // "war" (32 of the test archive's 1,934 quotes) left out of a search of "love is".
    [Fact]
    public async Task ALessCommonWordASearchNeedsIsKeptToo()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var sets = new CommonWordSets(ConnectionString);
        await SearchAndReadAsync(db, "love is -war", sets);
        Assert.Equal(3, sets.Kept);
        var byIndex = await ByIndexAsync(db, "love is -war");
        var bySets = await SearchAndReadAsync(db, "love is -war", sets);
        Assert.Equal(1, sets.Answered);
        Assert.Equal(byIndex.Total, bySets.Total);
        Assert.Equal(byIndex.Hits.Select(Shown), bySets.Hits.Select(Shown));
    }

    // A phrase whose words more than VerifiedCandidates quotes hold together is FTS5's to search: checking them one by one
    // in a copy would cost more than its walk.
    [Fact]
    public async Task APhraseOfWordsManyQuotesHoldIsTheIndexs()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var sets = new CommonWordSets(ConnectionString);
        await SearchAndReadAsync(db, "\"of the\" love", sets);
        var candidates = (await ByIndexAsync(db, "of the love")).Total;
        Assert.True(candidates > QuoteSearch.VerifiedCandidates);
        var byIndex = await ByIndexAsync(db, "\"of the\" love");
        var bySets = await SearchAndReadAsync(db, "\"of the\" love", sets);
        Assert.Equal(3, sets.Kept);
        Assert.Equal(0, sets.Answered);
        Assert.Equal(byIndex.Hits.Select(Shown), bySets.Hits.Select(Shown));
    }

    // Where FTS5's way stops its walk of common words early and says "more than …", the sets count every match.
    [Fact]
    public async Task TheSetsCountWhereTheWalkStops()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var query = SearchQuery.Parse("the love");
        var whole = await ByIndexAsync(db, "the love");
        var walked = await QuoteSearch.RunAsync(db, query, new SearchFilter(), 0, 20, rankedTermQuotes: 0, walkedEntries: 40);
        Assert.False(whole.TotalIsLowerBound);
        Assert.True(walked.TotalIsLowerBound);
        Assert.True(walked.Total < whole.Total);
        var sets = new CommonWordSets(ConnectionString);
        await SearchAndReadAsync(db, "the love", sets);
        var bySets = await QuoteSearch.RunAsync(db, query, new SearchFilter(), 0, 20, rankedTermQuotes: 0, walkedEntries: 40, commonWords: sets);
        Assert.Equal(1, sets.Answered);
        Assert.False(bySets.TotalIsLowerBound);
        Assert.Equal(whole.Total, bySets.Total);
        Assert.Equal(whole.Hits.Select(Shown), bySets.Hits.Select(Shown));
    }

    // Where the sets would not fit in the memory allowed, the index answers: a common word read for each search
    // costs more than FTS5's walk of it.
    [Fact]
    public async Task WithNoRoomForTheirSetsTheIndexAnswersTheSame()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var query = SearchQuery.Parse("the of and is in to a that");
        var byIndex = await QuoteSearch.RunAsync(db, query, new SearchFilter(), 0, 20);
        var setBytes = new RowidSet(await db.Database.SqlQueryRaw<long>("SELECT max(rowid) AS Value FROM Quotes").SingleAsync()).Bytes;
        var roomForSeven = new CommonWordSets(ConnectionString, maxBytes: 7 * setBytes);
        await SearchAndReadAsync(db, "the of and is in to a that", roomForSeven);
        var again = await SearchAndReadAsync(db, "the of and is in to a that", roomForSeven);
        Assert.Equal(7, roomForSeven.Kept);
        Assert.Equal(0, roomForSeven.Answered);
        Assert.NotEmpty(byIndex.Hits);
        Assert.Equal(byIndex.Total, again.Total);
        Assert.Equal(byIndex.Hits.Select(Shown), again.Hits.Select(Shown));

        // Six of them are held, and searched from their sets.
        var six = SearchQuery.Parse("the of and is in to");
        Assert.Equal((await QuoteSearch.RunAsync(db, six, new SearchFilter(), 0, 20)).Hits.Select(Shown),
            (await QuoteSearch.RunAsync(db, six, new SearchFilter(), 0, 20, commonWords: roomForSeven)).Hits.Select(Shown));
        Assert.Equal(1, roomForSeven.Answered);
    }

    [Fact]
    public async Task ARareWordLeavesTheSearchToTheIndex()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var sets = new CommonWordSets(ConnectionString);
        var results = await SearchAndReadAsync(db, "the of and is in to zarathustra", sets);
        Assert.NotEmpty(results.Hits);
        Assert.Equal(0, sets.Kept);
    }

    // The app keeps the sets of the archive it serves: a search of common words asks for them, and once they are read
    // the same search answers from them, alike.
    [Fact]
    public async Task TheAppReadsTheSetsOfItsArchiveAndAnswersAlike()
    {
        var client = app.CreateClient();
        const string Url = "/api/search?q=the+of+and+is+in+to+a+that+it";
        var before = await IdsAsync(client, Url + "&pageSize=20");
        var sets = app.Services.GetRequiredService<CurrentArchive>().Generation!.CommonWords;
        await sets.WhenReadAsync();
        Assert.True(sets.Kept >= 9);
        // The archive's readiness says so, for an operator (or a benchmark) to see.
        using (var ready = JsonDocument.Parse(await client.GetStringAsync("/readyz")))
        {
            var data = ready.RootElement.GetProperty("checks").GetProperty("archive").GetProperty("data");
            Assert.Equal(sets.Kept, data.GetProperty("searchSets").GetInt32());
            Assert.False(data.GetProperty("searchSetsReading").GetBoolean());
        }
        var after = await IdsAsync(client, Url + "&pageSize=21");
        Assert.NotEmpty(before);
        Assert.Equal(before, after.Take(20));
    }

    private static async Task<List<string>> IdsAsync(HttpClient client, string url)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(url));
        return json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
    }

    // FTS5's own answer, unranked as common words are at full scale.
    private static Task<SearchResults> ByIndexAsync(ArchiveDbContext db, string q) =>
        QuoteSearch.RunAsync(db, SearchQuery.Parse(q), new SearchFilter(), 0, 20, rankedTermQuotes: 0);

    // A search that asks for its words' sets (unranked, as common words are at full scale), and the sets read behind it.
    private static async Task<SearchResults> SearchAndReadAsync(ArchiveDbContext db, string q, CommonWordSets sets, SearchFilter? filter = null,
        int nameWordQuotes = QuoteSearch.NameWordQuotes)
    {
        var results = await QuoteSearch.RunAsync(db, SearchQuery.Parse(q), filter ?? new SearchFilter(), 0, 20, rankedTermQuotes: 0,
            nameWordQuotes: nameWordQuotes, commonWords: sets);
        await sets.WhenReadAsync();
        return results;
    }

    private string ConnectionString => ArchiveDbContext.ReadOnlyConnectionString(app.DatabasePath);

    // What a reader sees of a hit: which quote, and every highlighted piece of its text, title and attribution.
    private static string Shown(SearchHit hit) => string.Join("|", [
        hit.Id, hit.IsSnippet.ToString(), Marked(hit.Highlight), Marked(hit.Title), .. hit.Attribution.Select(Marked)]);

    private static string Marked(IReadOnlyList<Highlighted> pieces) => string.Concat(pieces.Select(p => p.IsMatch ? $"[{p.Text}]" : p.Text));
}
