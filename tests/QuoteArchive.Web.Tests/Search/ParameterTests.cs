using System.Net;

namespace QuoteArchive.Web.Tests.Search;

/// <summary>Parameters that used to cost a scan of every quote are answered from what the archive is known to hold.</summary>
[Collection(nameof(ArchiveApp))]
public sealed class ParameterTests(ArchiveApp app)
{
    [Theory]
    [InlineData("/api/random?minLength=999999999")]
    [InlineData("/api/random?lang=zz")]
    [InlineData("/api/random?minLength=50&maxLength=10")]
    [InlineData("/api/random?maxLength=-5")]
    [InlineData("/random?lang=zz")]
    [InlineData("/random?minLength=2147483647")]
    [InlineData("/api/random?minLength=99999999999999")]
    [InlineData("/api/random?minLength=99999999999999999999")]
    [InlineData("/api/random?topic=No_such_topic")]
    [InlineData("/random?author=No%20such%20author")]
    public async Task ARandomPickNoQuoteCanPassIsNotFound(string path)
    {
        using var response = await app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/random?author=No%20such%20author")]
    [InlineData("/random?topic=Love&lang=fr")]
    public async Task ARandomPageNoQuoteCanPassSaysItWasTheFiltersAndLinksToAnyQuote(string path)
    {
        var page = await app.GetPageAsync(path, HttpStatusCode.NotFound);

        Assert.Contains("No quote passes these filters", page.QuerySelector(".not-found")?.TextContent);
        Assert.Contains(page.QuerySelectorAll(".not-found a"), a => a.GetAttribute("href") == "/random");
    }

    [Theory]
    [InlineData("/api/random?minLength=-7")]
    [InlineData("/api/random?maxLength=99999999999")]
    [InlineData("/api/random?minLength=abc&maxLength=")]
    [InlineData("/api/random?lang=%20en%20")]
    public async Task ARandomPickWithMeaninglessLimitsIgnoresThem(string path)
    {
        using var response = await app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // A reader writes a language, a topic or an author as they come to mind: the archive's own is meant.
    [Theory]
    [InlineData("/api/random?lang=EN", null, null)]
    [InlineData("/api/random?topic=love", "Love", null)]
    [InlineData("/api/random?author=friedrich%20nietzsche", null, "Friedrich_Nietzsche")]
    [InlineData("/api/random?topic=friedrich_nietzsche", "Friedrich_Nietzsche", null)]
    [InlineData("/api/random?topic=FRIEDRICH%20NIETZSCHE", "Friedrich_Nietzsche", null)]
    [InlineData("/api/random?topic=the%20half%20of%20it", "The_Half_of_It", null)]
    [InlineData("/api/random?topic=ASSAMESE%20PROVERBS", "Assamese_proverbs", null)]
    [InlineData("/api/random?author=AUGUSTINE%20OF%20HIPPO", null, "Augustine_of_Hippo")]
    public async Task ARandomPickTakesALanguageTopicOrAuthorInAnyCase(string path, string? topic, string? author)
    {
        var authorsQuotes = author is null ? null
            : app.Query(db => db.Quotes.Where(q => q.AuthorId == db.Authors.Single(a => a.Slug == author).Id).Select(q => q.Id).ToHashSet());
        for (var pick = 0; pick < 5; pick++)
        {
            var quote = await app.GetJsonAsync(path);
            if (topic is not null)
                Assert.Equal(topic, quote.GetProperty("topic").GetProperty("slug").GetString());
            if (authorsQuotes is not null)
                Assert.Contains(quote.GetProperty("id").GetString()!, authorsQuotes);
        }
    }

    // A filter that names a topic finds what the topic's own spelling finds, or says it names none: never a silent nothing.
    [Theory]
    [InlineData("friedrich_nietzsche")]
    [InlineData("FRIEDRICH NIETZSCHE")]
    [InlineData("friedrich Nietzsche")]
    public async Task ASearchTakesItsTopicInAnyCase(string topic)
    {
        var asStored = await app.GetJsonAsync("/api/search?q=god&topic=Friedrich_Nietzsche");
        var asTyped = await app.GetJsonAsync("/api/search?q=god&topic=" + Uri.EscapeDataString(topic));

        Assert.True(asStored.GetProperty("total").GetInt32() > 0);
        Assert.Equal(asStored.GetProperty("total").GetInt32(), asTyped.GetProperty("total").GetInt32());
        Assert.All(asTyped.GetProperty("results").EnumerateArray(),
            hit => Assert.Equal("Friedrich_Nietzsche", hit.GetProperty("topic").GetProperty("slug").GetString()));
    }

    // The search offers to narrow it to the kinds of page the archive has (content/: no series, no literary work).
    [Fact]
    public async Task TheSearchOffersTheKindsOfPageThereAre()
    {
        var page = await app.GetPageAsync("/search?q=love");
        var offered = page.QuerySelectorAll("#search-page-kind option").Select(o => o.GetAttribute("value")).Where(v => v is { Length: > 0 }).ToList();
        var there = app.Query(db => db.Topics.Select(t => t.Kind).Distinct().ToList()).Select(k => k.ToString()).ToList();

        Assert.Equal(there.Order(), offered.Order());
        Assert.DoesNotContain("TelevisionSeries", offered);
    }

    [Fact]
    public async Task ASearchInALanguageTheArchiveDoesNotHaveFindsNothing()
    {
        var results = await app.GetJsonAsync("/api/search?q=love&lang=zz");
        Assert.Equal(0, results.GetProperty("total").GetInt32());
        Assert.True((await app.GetJsonAsync("/api/search?q=love&lang=en")).GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task AOneLetterPrefixIsSearchedAsTheWordAndTheReaderIsToldSo()
    {
        var page = await app.GetPageAsync("/search?q=a*");
        Assert.Equal("(searched for: a)", page.QuerySelector(".understood")?.TextContent.Trim());
        var two = await app.GetPageAsync("/search?q=lo*");
        Assert.Null(two.QuerySelector(".understood"));
        Assert.True((await app.GetJsonAsync("/api/search?q=lo*")).GetProperty("total").GetInt32()
            > (await app.GetJsonAsync("/api/search?q=lo")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("zzyzxqq k*", "A star needs 2 letters or more before it")]
    [InlineData("-love -life", "Each word here has a minus")]
    [InlineData("zzyzxqq", "Try fewer words")]
    public async Task ASearchThatFindsNothingSaysWhatToTry(string q, string hint)
    {
        var page = await app.GetPageAsync("/search?q=" + Uri.EscapeDataString(q));

        Assert.StartsWith(hint, page.QuerySelector(".search-hint")?.TextContent);
    }

    // Nothing found within a filter: the words are not to blame, and the filter is shown with a link to go without it.
    [Fact]
    public async Task ASearchFilteredToNothingBlamesNoWord()
    {
        var page = await app.GetPageAsync("/search?q=love&lang=fr&kind=Film");

        Assert.Null(page.QuerySelector(".search-hint"));
    }

    [Theory]
    [InlineData("k*", true)]
    [InlineData("lo*", false)]
    [InlineData("\u0915\u093f*", false)]
    [InlineData("e\u0301*", false)]
    [InlineData("\U0001D400*", true)]
    public void AStarAfterOneLetterIsTold(string query, bool told)
    {
        Assert.Equal(told, QuoteArchive.Storage.Search.SearchQuery.Parse(System.Text.RegularExpressions.Regex.Unescape(query)).HasShortPrefix);
    }

    [Theory]
    [InlineData("/api/search?q=love&page=-3&pageSize=-1", 1, 20)]
    [InlineData("/api/search?q=love&page=99999999999&pageSize=100000", 1000, 100)]
    [InlineData("/api/search?q=love&page=5000&pageSize=1000", 1000, 100)]
    public async Task PagesAndPageSizesAreClamped(string path, int page, int pageSize)
    {
        var results = await app.GetJsonAsync(path);
        Assert.Equal(page, results.GetProperty("page").GetInt32());
        Assert.Equal(pageSize, results.GetProperty("pageSize").GetInt32());
    }
}
