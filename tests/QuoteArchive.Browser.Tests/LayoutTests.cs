using System.Text.RegularExpressions;

namespace QuoteArchive.Browser.Tests;

/// <summary>Phone and desktop widths, light and dark, print: the pages fit, and screenshots show how they look.</summary>
[Collection(nameof(BrowserSite))]
public sealed class LayoutTests(BrowserSite site)
{
    public static TheoryData<string, int, int, ColorScheme> Views()
    {
        var views = new TheoryData<string, int, int, ColorScheme>();
        foreach (var page in new[] { "home", "topic", "quote", "search", "author" })
        {
            foreach (var (width, height) in new[] { (360, 800), (1280, 900) })
                foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
                    views.Add(page, width, height, scheme);
            // WCAG's reflow width (1.4.10): 320 CSS pixels, where nothing may need scrolling sideways. Colours change no width.
            views.Add(page, 320, 568, ColorScheme.Light);
        }
        return views;
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task PageFitsTheWidthWithoutSidewaysScrollingAndIsPhotographed(string name, int width, int height, ColorScheme scheme)
    {
        var path = name switch
        {
            "home" => Pages.Home, "topic" => Pages.Topic, "search" => Pages.Search, "author" => site.AuthorPath, _ => site.QuotePath,
        };
        await using var page = await site.OpenAsync(path, new() { ViewportSize = new() { Width = width, Height = height }, ColorScheme = scheme });

        Assert.True(await page.FitsItsWidthAsync(), $"{path} scrolls sideways at {width} px");
        await page.PhotographAsync($"{name}-{width}x{height}-{scheme.ToString().ToLowerInvariant()}");
        await page.AssertCleanAsync();
    }

    [Theory]
    [InlineData(Pages.Topic)]
    [InlineData(Pages.Home)]
    public async Task PrintLeavesOutTheNavigationAndKeepsTheText(string path)
    {
        await using var page = await site.OpenAsync(path);
        await page.Page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(page.Page.Locator("body > header")).ToBeHiddenAsync();
        await Expect(page.Page.Locator("body > footer")).ToBeHiddenAsync();
        await Expect(page.Page.GetByRole(AriaRole.Search)).ToBeHiddenAsync();
        // Love has some 1,500 permalinks: counted in one go.
        Assert.Equal(0, await page.Page.Locator("main nav, .permalink, .to-contents").EvaluateAllAsync<int>("all => all.filter(e => e.checkVisibility()).length"));
        await Expect(page.Page.Locator("h1")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("main blockquote, main .topics").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task APrintedQuoteKeepsItsAddressWithoutItsButtons()
    {
        await using var page = await site.OpenAsync(site.QuotePath);
        await page.Page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(page.Page.Locator(".quote-page .permalink .url").First).ToBeVisibleAsync();
        await Expect(page.Page.Locator(".copy-link, .cite")).ToHaveCountAsync(2);
        Assert.Equal(0, await page.Page.Locator(".copy-link, .cite").EvaluateAllAsync<int>("all => all.filter(e => e.checkVisibility()).length"));
    }

    // WCAG 2.2's smallest target (2.5.8): 24 by 24 CSS pixels, on a phone too.
    [Theory]
    [InlineData(Pages.Topic)]
    [InlineData("quote")]
    public async Task TheQuoteButtonsAreTargetsAFingerCanHit(string path)
    {
        await using var page = await site.OpenAsync(path == "quote" ? site.QuotePath : path, new() { ViewportSize = new() { Width = 360, Height = 800 } });
        var buttons = page.Page.Locator(".copy-link, .cite");
        await Expect(buttons.First).ToBeVisibleAsync();

        var smallest = await buttons.EvaluateAllAsync<double[]>(
            "all => [Math.min(...all.map(b => b.getBoundingClientRect().width)), Math.min(...all.map(b => b.getBoundingClientRect().height))]");
        Assert.True(smallest[0] >= 24 && smallest[1] >= 24, $"the smallest button is {smallest[0]} by {smallest[1]} px");
    }

    // The bars of letters (topics, authors; categories share the markup and the style) mark the letter shown with
    // aria-current for a screen reader; the eye needs it too, and by more than a colour (WCAG 1.4.1).
    [Theory]
    [InlineData("/?letter=L")]
    [InlineData("/authors?letter=A")]
    public async Task TheCurrentLetterStandsOutFromTheOthersByMoreThanColour(string path)
    {
        await using var page = await site.OpenAsync(path);
        var letters = page.Page.Locator("nav.letters a");
        await Expect(letters.And(page.Page.Locator("[aria-current=page]"))).ToHaveCountAsync(1);

        var looks = await letters.EvaluateAllAsync<string[]>("""
            all => all.map(a => { const s = getComputedStyle(a); return [a.getAttribute('aria-current') ?? '', s.fontWeight, s.textDecorationLine, s.borderTopStyle, s.borderTopWidth].join(' '); })
            """);
        var current = looks.Single(l => l.StartsWith("page ", StringComparison.Ordinal))["page ".Length..];
        var others = looks.Where(l => l.StartsWith(' ')).Select(l => l[1..]).ToList();
        Assert.True(others.Count > 0);
        Assert.DoesNotContain(current, others);
        await page.AssertCleanAsync();
    }

    // On a phone the Cite button wrapped onto a line of its own, indented by the gap it keeps from Copy link.
    [Theory]
    [InlineData(390)]
    [InlineData(320)]
    public async Task AQuotesLinkAndButtonsThatWrapStartEachLineAtOneEdge(int width)
    {
        await using var page = await site.OpenAsync(site.QuotePath, new() { ViewportSize = new() { Width = width, Height = 800 } });
        await Expect(page.Page.Locator(".permalink .cite")).ToBeVisibleAsync();

        var lineStarts = await page.Page.Locator(".permalink").EvaluateAsync<double[]>("""
            p => {
                const boxes = [...p.children].map(c => c.getBoundingClientRect());
                return boxes.filter((box, i) => i === 0 || box.top >= boxes[i - 1].bottom).map(box => box.left);
            }
            """);
        // At these widths the link and its buttons do not fit on one line: the test sees them wrap.
        Assert.True(lineStarts.Length > 1, $"the permalink's row did not wrap at {width} px");
        Assert.All(lineStarts, left => Assert.InRange(left, lineStarts[0] - 1, lineStarts[0] + 1));
        await page.AssertCleanAsync();
    }

    // The "Topic › Section" line under a search hit stood halfway between it and the next hit.
    [Fact]
    public async Task ASearchHitsSourceLineSitsWithItsOwnHit()
    {
        await using var page = await site.OpenAsync(Pages.Search);
        await Expect(page.Page.Locator(".result .cite").First).ToBeVisibleAsync();

        var gaps = await page.Page.Locator("li.result").EvaluateAllAsync<double[][]>("""
            all => all.slice(0, -1).map((hit, i) => {
                const quote = hit.querySelector('figure.quote').getBoundingClientRect(), source = hit.querySelector('.result-source').getBoundingClientRect();
                return [source.top - quote.bottom, all[i + 1].getBoundingClientRect().top - source.bottom];
            })
            """);
        Assert.NotEmpty(gaps);
        Assert.All(gaps, gap => Assert.True(gap[0] * 2 < gap[1], $"{gap[0]} px above the source line, {gap[1]} px below it"));
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task LongPageOnAPhoneLeadsToAPartAndBackToTheContents()
    {
        await using var page = await site.OpenAsync(Pages.Topic, new() { ViewportSize = new() { Width = 360, Height = 800 } });
        var contents = page.Page.GetByRole(AriaRole.Navigation, new() { Name = "Contents" });
        await Expect(contents).ToBeVisibleAsync();

        // Deep into the page: the last part in the contents.
        var last = contents.GetByRole(AriaRole.Link).Last;
        var anchor = (await last.GetAttributeAsync("href"))!;
        await last.ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex(Regex.Escape(anchor) + "$"));
        var heading = page.Page.Locator($"[id=\"{Uri.UnescapeDataString(anchor.TrimStart('#'))}\"]");
        await Expect(heading).ToBeInViewportAsync();
        Assert.True(await page.Page.EvaluateAsync<double>("() => window.scrollY") > 10_000, "the last part is not deep in the page");

        // Its part ends with a way back.
        var back = heading.Locator("xpath=following::a[normalize-space() = 'Back to contents'][1]");
        await back.ScrollIntoViewIfNeededAsync();
        await back.ClickAsync();
        await Expect(contents).ToBeInViewportAsync();
        await page.PhotographAsync("topic-contents-360x800-light");
        Assert.True(await page.FitsItsWidthAsync());
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task QuoteReachedByItsAddressOnAPhoneIsInViewAndHighlighted()
    {
        // A quote far down the long page: the last one.
        await using var first = await site.OpenAsync(Pages.Topic);
        var deep = (await first.Page.Locator("figure.quote").Last.GetAttributeAsync("id"))!;

        await using var page = await site.OpenAsync(Pages.Topic + "#" + deep, new() { ViewportSize = new() { Width = 360, Height = 800 } });
        await page.AssertTargetHighlightedAsync(page.Page.Locator("#" + deep));
        await page.PhotographAsync("topic-target-360x800-light");
        Assert.True(await page.FitsItsWidthAsync());
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task APageInARightToLeftLanguageReadsRightToLeft()
    {
        // Synthetic/he: a made-up Hebrew page (no right-to-left page of real content is in the repository yet).
        await using var page = await site.OpenAsync("/wiki/" + Uri.EscapeDataString("בדיקת_כיוון"), new() { ViewportSize = new() { Width = 360, Height = 800 } });
        var article = page.Page.Locator("article.topic");
        await Expect(article).ToHaveAttributeAsync("lang", "he");
        await Expect(article).ToHaveAttributeAsync("dir", "rtl");
        var line = page.Page.Locator("figure.quote blockquote p").First;
        Assert.Equal("rtl", await line.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        // The text hugs the right edge of its line box, as right-to-left text does.
        var gap = await line.EvaluateAsync<double>(
            "e => { const r = document.createRange(); r.selectNodeContents(e); return e.getBoundingClientRect().right - r.getBoundingClientRect().right; }");
        Assert.InRange(gap, -1, 2);
        await page.PhotographAsync("topic-rtl-360x800-light");
        Assert.True(await page.FitsItsWidthAsync());
        await page.AssertCleanAsync();
    }
}
