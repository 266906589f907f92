namespace QuoteArchive.Web.Tests.Search;

[Collection(nameof(ArchiveApp))]
public sealed class SearchResultCardTests(ArchiveApp app)
{
    // The name at the start of the attribution is the link to the author's page, as on a topic page; it was written
    // twice, the line and then a line of its own.
    [Fact]
    public async Task AResultNamesItsAuthorOnceAndLinksTheName()
    {
        var page = await app.GetPageAsync("/search?q=%22Wars+begin+in+the+minds+of+men%22");

        var cards = page.QuerySelectorAll("figure").Where(f => f.TextContent.Contains("Wars begin", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cards);
        foreach (var card in cards)
        {
            var author = card.QuerySelectorAll("a.author").Single();
            Assert.Equal(("U Thant", "/authors/U_Thant"), (author.TextContent, author.GetAttribute("href")));
            Assert.StartsWith("U Thant", author.ParentElement!.TextContent, StringComparison.Ordinal);
            Assert.Null(card.QuerySelector(".by"));
        }
    }

    // The line under a hit named the section and led to its heading, at times hundreds of quotes above the hit; it
    // leads where the quote page's "See it in its place" does.
    [Fact]
    public async Task AResultsSectionLinkLeadsToTheQuoteInItsPlace()
    {
        var page = await app.GetPageAsync("/search?q=love");

        var sources = page.QuerySelectorAll("li.result").Select(result => (
            Id: result.QuerySelector("figure.quote")!.Id!,
            Links: result.QuerySelectorAll(".result-source a").Select(a => a.GetAttribute("href")!).ToList())).ToList();
        Assert.Contains(sources, s => s.Links.Count == 2);
        foreach (var (id, links) in sources.Where(s => s.Links.Count == 2))
            Assert.Equal(links[0] + "#" + id, links[1]);
    }

    // A kind no page is, a status no quote has: a filter nothing passes, said as such, with the search without it.
    [Theory]
    [InlineData("kind=Bogus", "in pages of the kind “Bogus”, which no page is")]
    [InlineData("status=bogus", "quotes of the status “bogus”, which no quote has")]
    [InlineData("status=unsourced,attributed", "quotes of the status “unsourced,attributed”, which no quote has")]
    [InlineData("status=3", "quotes of the status “3”, which no quote has")]
    [InlineData("kind=theme,person", "in pages of the kind “theme,person”, which no page is")]
    public async Task AFilterNothingCanPassShowsAsAFilterThatCanBeDropped(string filter, string said)
    {
        var page = await app.GetPageAsync("/search?q=love&" + filter);

        var shown = page.QuerySelectorAll(".search-filters li").Single();
        Assert.Contains(said, shown.TextContent, StringComparison.Ordinal);
        Assert.Equal("/search?q=love", shown.QuerySelector("a")?.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("li.result"));
        // A kind the archive has is chosen with its own control, not listed as a filter.
        Assert.Empty((await app.GetPageAsync("/search?q=love&kind=theme")).QuerySelectorAll(".search-filters li"));
    }
}
