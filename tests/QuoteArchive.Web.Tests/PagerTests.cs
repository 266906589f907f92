using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Tests;

/// <summary>A long list's pages: linked by number around the one shown, and linked as they were read.</summary>
[Collection(nameof(ArchiveApp))]
public sealed class PagerTests(ArchiveApp app)
{
    [Theory]
    [InlineData(5, 34, "1 … 3 4 5 6 7 … 34")]
    [InlineData(1, 3, "1 2 3")]
    [InlineData(1, 34, "1 2 3 … 34")]
    [InlineData(34, 34, "1 … 32 33 34")]
    [InlineData(4, 34, "1 2 3 4 5 6 … 34")]
    public void ThePagerLinksTheFirstTheLastAndThePagesAroundThisOne(int page, int pages, string shown)
    {
        var pager = new Pager(new Paging(page, 10), pages * 10, "Pages");
        Assert.Equal(shown, string.Join(' ', pager.Numbers().Select(n => n?.ToString() ?? "…")));
    }

    [Fact]
    public void ACountThatStoppedNamesNoPages() =>
        Assert.Empty(new Pager(new Paging(2, 10), 10_000, "Pages", TotalIsLowerBound: true).Numbers());

    [Fact]
    public async Task AnAuthorsPagesAreLinkedByNumberTheOneShownMarked()
    {
        var page = await app.GetPageAsync("/authors/Friedrich_Nietzsche?page=2");
        var numbers = page.QuerySelectorAll("nav.pager .page-numbers a").ToList();

        Assert.True(numbers.Count >= 3);
        Assert.Equal("1", numbers[0].TextContent);
        var current = Assert.Single(numbers, a => a.GetAttribute("aria-current") == "page");
        Assert.Equal("2", current.TextContent);
        Assert.All(numbers, a => Assert.Equal("/authors/Friedrich_Nietzsche?page=" + a.TextContent, a.GetAttribute("href")));
    }

    // A client asking more than a page holds gets the most there is, and the links say how many it got.
    [Fact]
    public async Task TheLinkHeaderNamesThePageSizeAsItWasRead()
    {
        using var response = await app.Browser().GetAsync("/api/search?q=love&pageSize=1000");
        var next = LinkHeaders.Next(response);

        Assert.NotNull(next);
        Assert.Contains("pageSize=100&", next + "&", StringComparison.Ordinal);
        Assert.DoesNotContain("1000", next, StringComparison.Ordinal);
    }
}
