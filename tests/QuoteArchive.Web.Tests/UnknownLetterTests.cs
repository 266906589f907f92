using System.Net;

namespace QuoteArchive.Web.Tests;

/// <summary>A letter no entry of a list is filed under is a miss that still shows the list's letters; a page past the end is not an empty archive.</summary>
[Collection(nameof(ArchiveApp))]
public sealed class UnknownLetterTests(ArchiveApp app)
{
    [Theory]
    [InlineData("/?letter=ZZZ", "No topic is filed under “ZZZ”", "/")]
    [InlineData("/?letter=%C3%9F", "No topic is filed under “ß”", "/")]
    [InlineData("/authors?letter=ZZZ", "No author is filed under “ZZZ”", "/authors")]
    public async Task AnUnknownLetterOfAPageIsA404ThatLinksToTheWholeList(string path, string message, string whole)
    {
        var page = await app.GetPageAsync(path, HttpStatusCode.NotFound);

        var said = page.QuerySelectorAll("article p").Single(p => p.TextContent.Contains(message, StringComparison.Ordinal));
        Assert.Equal(whole, said.QuerySelector("a")?.GetAttribute("href"));
        Assert.DoesNotContain("empty", page.QuerySelector("article")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/topics?letter=ZZZ", "No topic under this letter")]
    [InlineData("/api/authors?letter=ZZZ", "No author under this letter")]
    public async Task AnUnknownLetterOfTheApiIsAProblemNamingTheLetters(string path, string title)
    {
        var problem = await app.GetJsonAsync(path, HttpStatusCode.NotFound);

        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.StartsWith("Its letters are ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?letter=L", "/wiki/Love")]
    [InlineData("/?letter=l", "/wiki/Love")]
    public async Task AKnownLetterIsShown(string path, string topic)
    {
        var page = await app.GetPageAsync(path);
        Assert.Contains(page.QuerySelectorAll(".topic-entry > a"), a => a.GetAttribute("href") == topic);
    }

    [Fact]
    public async Task APagePastTheEndLinksBackInsteadOfCallingTheArchiveEmpty()
    {
        var page = await app.GetPageAsync("/?page=999");

        Assert.DoesNotContain("empty", page.QuerySelector("article")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("prev", page.QuerySelector("nav.pager a")?.GetAttribute("rel"));
    }
}

/// <summary>The categories (wiki sources only) answer an unknown letter as the other lists do.</summary>
[Collection(nameof(WikiArchiveApp))]
public sealed class UnknownCategoryLetterTests(WikiArchiveApp app)
{
    [Fact]
    public async Task AnUnknownLetterOfTheCategoriesIsA404ThatLinksToThemAll()
    {
        var page = await app.GetPageAsync("/categories?letter=ZZZ", HttpStatusCode.NotFound);
        var said = page.QuerySelectorAll("article p").Single(p => p.TextContent.Contains("No category is filed under “ZZZ”", StringComparison.Ordinal));
        Assert.Equal("/categories", said.QuerySelector("a")?.GetAttribute("href"));

        var problem = await app.GetJsonAsync("/api/categories?letter=ZZZ", HttpStatusCode.NotFound);
        Assert.Equal("No category under this letter", problem.GetProperty("title").GetString());
        Assert.Contains("F", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APagePastTheEndOfTheCategoriesLinksBack()
    {
        var page = await app.GetPageAsync("/categories?page=999");
        Assert.Equal("prev", page.QuerySelector("nav.pager a")?.GetAttribute("rel"));
    }
}
