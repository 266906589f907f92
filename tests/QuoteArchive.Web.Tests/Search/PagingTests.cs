using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Tests.Search;

/// <summary>How deep a list can be paged: as far as its 100,000th entry at any page size, and a bad value is the default.</summary>
[Collection(nameof(ArchiveApp))]
public sealed class PagingTests(ArchiveApp app)
{
    [Theory]
    [InlineData("3", "10", 3, 10)]
    [InlineData(null, "0", 1, 20)]
    [InlineData(null, "-4", 1, 20)]
    [InlineData(null, "abc", 1, 20)]
    [InlineData(null, "5000", 1, Paging.MaxPageSize)]
    [InlineData("0", null, 1, 20)]
    [InlineData("-3", null, 1, 20)]
    [InlineData("1001", "1", 1001, 1)]
    [InlineData("5000", null, 5000, 20)]
    [InlineData("5001", null, 5000, 20)]
    [InlineData("100001", "1", 100_000, 1)]
    [InlineData("999999999999", "100", 1000, 100)]
    [InlineData("99999999999999999999", null, 5000, 20)]
    public void APageIsReadLeniently(string? page, string? pageSize, int expectedPage, int expectedSize)
    {
        var paging = Paging.From(page, pageSize);

        Assert.Equal((expectedPage, expectedSize), (paging.Page, paging.PageSize));
        Assert.True((long)paging.Skip + paging.PageSize <= Paging.MaxItems);
    }

    [Fact]
    public void APagePastTheFarthestIsToldAsAsked()
    {
        Assert.Equal(999_999_999_999, Paging.From("999999999999", null).AskedPage);
        Assert.Equal(", page 999999999999", Paging.From("999999999999", null).InTitle);
    }

    // At one result a page, the thousand-and-first is there, and the next after it.
    [Fact]
    public async Task SmallPagesReachPastTheThousandth()
    {
        var thousandth = await app.GetJsonAsync("/api/search?q=love&pageSize=1&page=1000");
        var next = await app.GetJsonAsync("/api/search?q=love&pageSize=1&page=1001");
        using var response = await app.Browser().GetAsync("/api/search?q=love&pageSize=1&page=1001");

        Assert.Equal(1001, next.GetProperty("page").GetInt32());
        Assert.NotEqual(thousandth.GetProperty("results")[0].GetProperty("id").GetString(), next.GetProperty("results")[0].GetProperty("id").GetString());
        Assert.Contains("page=1002", response.Headers.GetValues("Link").Single());
    }
}
