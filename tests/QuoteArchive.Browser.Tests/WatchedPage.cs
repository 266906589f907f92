using System.Collections.Concurrent;

namespace QuoteArchive.Browser.Tests;

/// <summary>
/// A page whose every complaint is kept: console errors, uncaught exceptions, failed requests, error statuses and
/// Content-Security-Policy violations. A test ends with <see cref="AssertCleanAsync"/>.
/// </summary>
public sealed class WatchedPage : IAsyncDisposable
{
    // Injected by the browser before any page script, so the policy that it watches does not apply to it.
    private const string RecordViolations = """
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective + " blocked " + e.blockedURI));
        """;

    private readonly ConcurrentQueue<string> problems = new();

    private WatchedPage(IBrowserContext context, IPage page, int expectedStatus)
    {
        Context = context;
        Page = page;
        ExpectedStatus = expectedStatus;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>The status the page itself answers with (404 for the not-found page).</summary>
    public int ExpectedStatus { get; }

    public static async Task<WatchedPage> CreateAsync(IBrowserContext context, int expectedStatus = 200)
    {
        await context.AddInitScriptAsync(RecordViolations);
        var watched = new WatchedPage(context, await context.NewPageAsync(), expectedStatus);
        watched.Watch();
        return watched;
    }

    private void Watch()
    {
        Page.Console += (_, message) =>
        {
            // Chromium reports a document's own error status on the console too; the status check below covers it.
            if (message.Type == "error" && !(message.Text.Contains($"status of {ExpectedStatus}") && ExpectedStatus != 200))
                problems.Enqueue($"console error: {message.Text} ({message.Location})");
        };
        Page.PageError += (_, error) => problems.Enqueue("uncaught: " + error);
        Page.RequestFailed += (_, request) => problems.Enqueue($"request failed: {request.Method} {request.Url}: {request.Failure}");
        Page.Response += (_, response) =>
        {
            var expected = response.Request.IsNavigationRequest && response.Request.Frame == Page.MainFrame ? ExpectedStatus : 200;
            if (response.Status >= 400 && response.Status != expected)
                problems.Enqueue($"{response.Status} for {response.Request.Method} {response.Url}");
        };
    }

    /// <summary>Saves what the viewport shows as <c>{name}.png</c> in <see cref="BrowserSite.ScreenshotFolder"/>; fails unless a PNG was written.</summary>
    public async Task PhotographAsync(string name)
    {
        var png = await Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotFolder, name + ".png") });
        Assert.Equal("PNG"u8.ToArray(), png[1..4]);
    }

    /// <summary>True when nothing sticks out sideways: the page needs no horizontal scrolling.</summary>
    public Task<bool> FitsItsWidthAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");

    /// <summary>The element is the page's <c>:target</c>, in view, and set apart from the page by its background.</summary>
    public async Task AssertTargetHighlightedAsync(ILocator element)
    {
        await Expect(element).ToBeInViewportAsync();
        Assert.True(await element.EvaluateAsync<bool>("e => e.matches(':target')"), "not the :target");
        var background = await element.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        Assert.NotEqual(await Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"), background);
    }

    /// <summary>Fails with every problem seen so far, and any policy violation the page recorded.</summary>
    public async Task AssertCleanAsync()
    {
        foreach (var violation in await Page.EvaluateAsync<string[]>("() => window.__violations || []"))
            problems.Enqueue("CSP violation: " + violation);
        Assert.True(problems.IsEmpty, $"{Page.Url}:\n" + string.Join("\n", problems));
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
