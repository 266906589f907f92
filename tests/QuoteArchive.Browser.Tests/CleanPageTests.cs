namespace QuoteArchive.Browser.Tests;

/// <summary>Every kind of page loads without a console error, a policy violation or a failed request, however the app was started.</summary>
[Collection(nameof(BrowserSite))]
public sealed class CleanPageTests(BrowserSite site)
{
    public static TheoryData<AppMode> Modes => new(Enum.GetValues<AppMode>());

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task EveryKindOfPageLoadsCleanlyWithItsStylesAndScripts(AppMode mode)
    {
        foreach (var (path, status) in Pages.All(site))
        {
            await using var page = await site.OpenAsync(path, mode: mode, status: status);
            // Styles and scripts arrived whole and ran: an empty 200 for site.css would leave no rules.
            Assert.True(await page.Page.EvaluateAsync<bool>("() => [...document.styleSheets].every(s => { try { return s.cssRules.length > 20; } catch { return false; } })"), $"{mode} {path}: a stylesheet is empty or unreadable");
            await Expect(page.Page.GetByRole(AriaRole.Combobox, new() { Name = "Search quotes" })).ToBeVisibleAsync();
            await Expect(page.Page.Locator(".copy-link")).ToHaveCountAsync(await page.Page.Locator(".permalink a").CountAsync());
            await page.AssertCleanAsync();
        }
    }
}

/// <summary>One page of each kind the site serves.</summary>
internal static class Pages
{
    public const string Home = "/";
    public const string Topic = "/wiki/Love";
    public const string ShortTopic = "/wiki/Warmness";
    public const string Search = "/search?q=love";
    public const string Missing = "/wiki/No_such_topic";

    public static IEnumerable<(string Path, int Status)> All(BrowserSite site) =>
    [
        (Home, 200), (Topic, 200), (ShortTopic, 200), (site.QuotePath, 200), (Search, 200), ("/search", 200),
        ("/authors", 200), (site.AuthorPath, 200), (Missing, 404),
    ];
}
