namespace QuoteArchive.Browser.Tests;

/// <summary>
/// One archive, imported by the app itself from <c>Content/</c> (the web tests' samples, Love among them), one
/// headless Chromium, and the app started as each test needs it: in Development at once, in Production and
/// published on first use. The site is read-only, so the tests that share them cannot disturb each other.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    /// <summary>Debian's Chromium: Playwright cannot download a browser of its own here (.ci/run installs it).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string folder = Directory.CreateTempSubdirectory("quotearchive-browser-").FullName;
    private readonly Dictionary<AppMode, Task<AppProcess>> apps = [];
    private IPlaywright? playwright;
    private IBrowser? browser;

    public static string ContentPath => Path.Combine(AppContext.BaseDirectory, "Content");

    /// <summary>Where screenshots land, beside the test assembly: <c>bin/{Configuration}/net10.0/TestResults/screenshots</c>.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private string DatabasePath => Path.Combine(folder, "archive.db");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>A quote's permalink and an author's page, read off the Love page once.</summary>
    public string QuotePath { get; private set; } = "";

    public string AuthorPath { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // The first app imports the archive; the others find it up to date.
        await AppAsync(AppMode.Development);
        // Auto-waiting assertions get room for a machine busy with other builds; they return as soon as they hold.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Playwright gives every launch a fresh, empty user-data dir. The rest keeps Chromium off a network it cannot reach.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await using var love = await OpenAsync("/wiki/Love");
        QuotePath = (await love.Page.Locator(".permalink a").First.GetAttributeAsync("href"))!;
        AuthorPath = (await love.Page.Locator("figcaption a.author").First.GetAttributeAsync("href"))!;
    }

    /// <summary>The app started as <paramref name="mode"/> says, once.</summary>
    public Task<AppProcess> AppAsync(AppMode mode)
    {
        lock (apps)
        {
            if (!apps.TryGetValue(mode, out var app))
                apps[mode] = app = AppProcess.StartAsync(mode, ContentPath, DatabasePath, folder);
            return app;
        }
    }

    /// <summary>A new browser context (its own cookies, clipboard and settings) and a page in it, at <paramref name="path"/>.</summary>
    public async Task<WatchedPage> OpenAsync(string path, BrowserNewContextOptions? options = null, AppMode mode = AppMode.Development, int status = 200)
    {
        var app = await AppAsync(mode);
        options ??= new BrowserNewContextOptions();
        options.BaseURL = app.BaseAddress.ToString();
        var page = await WatchedPage.CreateAsync(await Browser.NewContextAsync(options), status);
        var response = await page.Page.GotoAsync(path);
        Assert.True(response?.Status == status, $"GET {path}: {response?.Status}, expected {status}");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        foreach (var app in apps.Values)
            if (app.IsCompletedSuccessfully)
                await app.Result.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}

[CollectionDefinition(nameof(BrowserSite))]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>;
