using System.Text.RegularExpressions;

namespace QuoteArchive.Browser.Tests;

/// <summary>What a reader does, with a mouse, with the keyboard alone, and with the clipboard.</summary>
[Collection(nameof(BrowserSite))]
public sealed class JourneyTests(BrowserSite site)
{
    [Fact]
    public async Task ReaderGoesFromHomeThroughTheContentsToAQuoteAndBackToItsPlace()
    {
        await using var page = await site.OpenAsync(Pages.Home);
        await page.Page.Locator(".topics").GetByRole(AriaRole.Link, new() { Name = "Love", Exact = true }).ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex("/wiki/Love$"));
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Love");

        // A part of the page from its contents: the heading comes into view.
        var contents = page.Page.GetByRole(AriaRole.Navigation, new() { Name = "Contents" });
        await contents.GetByRole(AriaRole.Link, new() { Name = "M", Exact = true }).ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex("/wiki/Love#M$"));
        await Expect(page.Page.Locator("h2#M")).ToBeInViewportAsync();

        // The first quote of that part, on its own page, then back to where it stands.
        var quote = page.Page.Locator("h2#M ~ figure.quote").First;
        var id = (await quote.GetAttributeAsync("id"))!;
        await quote.GetByRole(AriaRole.Link, new() { Name = "Permalink" }).ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex("/q/" + id[2..] + "$"));
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "See it in its place" }).ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex("/wiki/Love#" + id + "$"));

        await page.AssertTargetHighlightedAsync(page.Page.Locator("#" + id));
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task SearchBoxSuggestsAsAComboboxAndTheArrowKeysAndEnterOpenTheChosenPage()
    {
        await using var page = await site.OpenAsync(Pages.Home);
        var box = page.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Combobox, new() { Name = "Search quotes" });
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await box.PressSequentiallyAsync("Friedr");

        var list = page.Page.GetByRole(AriaRole.Listbox, new() { Name = "Suggestions" });
        await Expect(list).ToBeVisibleAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(box).ToHaveAttributeAsync("aria-controls", (await list.GetAttributeAsync("id"))!);
        var options = list.GetByRole(AriaRole.Option);
        await Expect(options.First).ToContainTextAsync("Friedrich Nietzsche");

        // Down chooses the first suggestion, Down and Up come back to it; focus stays in the box throughout.
        await box.PressAsync("ArrowDown");
        await box.PressAsync("ArrowDown");
        await box.PressAsync("ArrowUp");
        var chosen = options.First;
        await Expect(chosen).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await chosen.GetAttributeAsync("id"))!);
        await Expect(box).ToBeFocusedAsync();
        await page.PhotographAsync("search-suggestions-1280x720-light");

        var url = (await chosen.GetAttributeAsync("data-url"))!;
        await box.PressAsync("Enter");
        await Expect(page.Page).ToHaveURLAsync(new Regex(Regex.Escape(url) + "$"));
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Friedrich Nietzsche");
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task EscapeClosesTheSuggestionsAndEnterThenSearchesQuotesAndAResultOpens()
    {
        await using var page = await site.OpenAsync(Pages.ShortTopic);
        var box = page.Page.GetByRole(AriaRole.Combobox, new() { Name = "Search quotes" });
        await box.PressSequentiallyAsync("love");
        await Expect(page.Page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
        await box.PressAsync("Escape");
        await Expect(page.Page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");

        await box.PressAsync("Enter");
        await Expect(page.Page).ToHaveURLAsync(new Regex("/search\\?q=love$"));
        await Expect(page.Page.Locator(".totals")).ToContainTextAsync(new Regex(@"quotes for\s*love"));
        var result = page.Page.Locator(".result").First;
        await Expect(result.Locator("mark").First).ToBeVisibleAsync();
        var quoteText = await result.Locator("blockquote").InnerTextAsync();
        await result.GetByRole(AriaRole.Link, new() { Name = "Permalink" }).ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex("/q/[a-z0-9]+$"));
        await Expect(page.Page.Locator("main blockquote")).ToHaveTextAsync(quoteText.Trim());
        await page.AssertCleanAsync();
    }

    [Theory]
    [InlineData(Pages.ShortTopic)]
    [InlineData("quote")]
    public async Task CopyLinkPutsTheQuotesPermalinkOnTheClipboard(string path)
    {
        await using var page = await site.OpenAsync(path == "quote" ? site.QuotePath : path);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var quote = page.Page.Locator("figure.quote").Last;
        var permalink = quote.GetByRole(AriaRole.Link, new() { Name = "Permalink" });
        await Expect(permalink).ToBeVisibleAsync();

        await quote.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();
        await Expect(quote.GetByRole(AriaRole.Button, new() { Name = "Copied" })).ToBeVisibleAsync();
        var expected = new Uri(new Uri(page.Page.Url), await permalink.GetAttributeAsync("href")).ToString();
        Assert.Equal(expected, await page.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.Matches("/q/[a-z0-9]+$", expected);
        await Expect(page.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Link copied" })).ToContainTextAsync(expected);
        await page.AssertCleanAsync();
    }

    [Theory]
    [InlineData(Pages.ShortTopic)]
    [InlineData("quote")]
    public async Task CiteOpensEveryFormatAndTheCopiedCitationHoldsThePermalink(string path)
    {
        await using var page = await site.OpenAsync(path == "quote" ? site.QuotePath : path);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var quote = page.Page.Locator("figure.quote").Last;
        var permalink = new Uri(new Uri(page.Page.Url), await quote.GetByRole(AriaRole.Link, new() { Name = "Permalink" }).GetAttributeAsync("href")).ToString();

        var cite = quote.GetByRole(AriaRole.Button, new() { Name = "Cite" });
        await cite.ClickAsync();
        await Expect(cite).ToHaveAttributeAsync("aria-expanded", "true");
        var citations = quote.GetByRole(AriaRole.Group, new() { Name = "Cite this quote" });
        await Expect(citations.Locator(".citation-label")).ToHaveTextAsync(["Plain text", "MLA", "APA", "Chicago", "BibTeX", "CSL-JSON"]);

        await citations.GetByRole(AriaRole.Button, new() { Name = "Copy MLA" }).ClickAsync();
        await Expect(citations.GetByRole(AriaRole.Button, new() { Name = "Copied" })).ToBeVisibleAsync();
        var copied = await page.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Contains(permalink, copied, StringComparison.Ordinal);
        Assert.Contains("Accessed", copied, StringComparison.Ordinal);

        // Cite again closes them.
        await cite.ClickAsync();
        await Expect(citations).ToBeHiddenAsync();
        await page.AssertCleanAsync();
    }

    [Theory]
    [InlineData("quote")]
    [InlineData(Pages.Home)]
    [InlineData(Pages.ShortTopic)]
    public async Task KeyboardAloneReachesTheSkipLinkThenEveryControlWithVisibleFocus(string path)
    {
        await using var page = await site.OpenAsync(path == "quote" ? site.QuotePath : path);

        // The first Tab shows the skip link; Enter on it moves on to the page's own content.
        await page.Page.Keyboard.PressAsync("Tab");
        var skip = page.Page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        await page.Page.Keyboard.PressAsync("Tab");
        Assert.True(await page.Page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "after the skip link, Tab lands in main");

        // From the top, Tab visits every visible control in order, each with a visible focus ring.
        await page.Page.GotoAsync(path == "quote" ? site.QuotePath : path);
        var controls = await page.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')]
                .filter(e => e.checkVisibility() && !e.classList.contains('skip')).map(e => e.outerHTML)
            """);
        await page.Page.Keyboard.PressAsync("Tab"); // the skip link
        var reached = new List<string>();
        for (var i = 0; i < controls.Length; i++)
        {
            await page.Page.Keyboard.PressAsync("Tab");
            var focused = await page.Page.EvaluateAsync<string>("() => document.activeElement.outerHTML");
            Assert.True(await page.Page.EvaluateAsync<bool>("""
                () => { const style = getComputedStyle(document.activeElement); return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2; }
                """), "no visible focus on " + focused);
            reached.Add(focused);
        }
        Assert.Equal(controls, reached);
        await page.AssertCleanAsync();
    }
}
