using System.Net;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Tests.Sharing;

/// <summary>The app over an archive imported twice: a quote edited in between, one removed, one kept.</summary>
public sealed class ReimportedArchiveApp() : ArchiveApp(Write(Second), Write(First))
{
    // Synthetic sentences: what is tested is how their ids carry across imports.
    public const string Edited = "This sample sentence is long enough to be edited between two imports.";
    public const string EditedNow = "This sample sentence, long enough to be edited between two imports!";
    public const string Removed = "This other sample sentence is removed by the second import.";
    public const string Kept = "This third sample sentence is in both imports.";
    private static readonly string[] First = [Edited, Removed, Kept];
    private static readonly string[] Second = [EditedNow, Kept];
    private static readonly List<string> Folders = [];

    public static string Id(string text) => QuoteIds.Create("Sample_topic", text);

    private static string Write(string[] quotes)
    {
        var folder = Path.Combine(Path.GetTempPath(), "quotearchive-reimport-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Sample topic.txt"), "Sample topic\n\nQuotes\n\n" + string.Concat(quotes.Select(q => $"  • {q}\n\n")));
        lock (Folders)
            Folders.Add(folder);
        return folder;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        lock (Folders)
        {
            foreach (var folder in Folders.Where(Directory.Exists))
                Directory.Delete(folder, recursive: true);
        }
    }
}

// Apart from the other collections: its host rebinds the process-wide logger, as WikiArchiveApp's does.
[CollectionDefinition(nameof(ReimportedArchiveApp), DisableParallelization = true)]
public sealed class ReimportedArchiveCollection : ICollectionFixture<ReimportedArchiveApp>;

[Collection(nameof(ReimportedArchiveApp))]
public sealed class OldLinkTests(ReimportedArchiveApp app)
{
    [Theory]
    [InlineData("", "")]
    [InlineData(".json", ".json")]
    [InlineData(".txt", ".txt")]
    [InlineData(".png", ".png")]
    public async Task AnEditedQuotesOldIdRedirectsPermanentlyToItsNewId(string suffix, string expectedSuffix)
    {
        using var response = await app.Browser().GetAsync($"/q/{ReimportedArchiveApp.Id(ReimportedArchiveApp.Edited)}{suffix}");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/q/{ReimportedArchiveApp.Id(ReimportedArchiveApp.EditedNow)}{expectedSuffix}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ARemovedQuoteIsGoneWithAPageThatLinksToItsTopic()
    {
        var page = await app.GetPageAsync("/q/" + ReimportedArchiveApp.Id(ReimportedArchiveApp.Removed), HttpStatusCode.Gone);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/wiki/Sample_topic" && a.TextContent == "Sample topic");
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));

        var json = await app.GetJsonAsync($"/q/{ReimportedArchiveApp.Id(ReimportedArchiveApp.Removed)}.json", HttpStatusCode.Gone);
        Assert.Equal("/wiki/Sample_topic", json.GetProperty("topic").GetString());

        using var text = await app.Browser().GetAsync($"/q/{ReimportedArchiveApp.Id(ReimportedArchiveApp.Removed)}.txt");
        Assert.Equal(HttpStatusCode.Gone, text.StatusCode);
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("It stood in the topic “Sample topic”: http://localhost/wiki/Sample_topic\n", await text.Content.ReadAsStringAsync());
    }

    // The API answers an old id as the permalink does: scripts that stored ids keep them.
    [Fact]
    public async Task TheApiMovesAnEditedQuotesOldIdAndSaysARemovedOneIsGone()
    {
        using var moved = await app.Browser().GetAsync("/api/quotes/" + ReimportedArchiveApp.Id(ReimportedArchiveApp.Edited));
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/api/quotes/" + ReimportedArchiveApp.Id(ReimportedArchiveApp.EditedNow), moved.Headers.Location?.OriginalString);

        using var gone = await app.Browser().GetAsync("/api/quotes/" + ReimportedArchiveApp.Id(ReimportedArchiveApp.Removed));
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"topic\":\"/wiki/Sample_topic\"", await gone.Content.ReadAsStringAsync());

        var kept = ReimportedArchiveApp.Id(ReimportedArchiveApp.Kept);
        Assert.Equal(ReimportedArchiveApp.Kept, (await app.GetJsonAsync("/api/quotes/" + kept)).GetProperty("text").GetString());
        using var capitals = await app.Browser().GetAsync("/api/quotes/" + kept.ToUpperInvariant());
        Assert.Equal(HttpStatusCode.MovedPermanently, capitals.StatusCode);
        Assert.Equal("/api/quotes/" + kept, capitals.Headers.Location?.OriginalString);
        // An old id in capitals goes to the new id in one hop.
        using var oldInCapitals = await app.Browser().GetAsync("/api/quotes/" + ReimportedArchiveApp.Id(ReimportedArchiveApp.Edited).ToUpperInvariant());
        Assert.Equal(HttpStatusCode.MovedPermanently, oldInCapitals.StatusCode);
        Assert.Equal("/api/quotes/" + ReimportedArchiveApp.Id(ReimportedArchiveApp.EditedNow), oldInCapitals.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(ReimportedArchiveApp.Edited, HttpStatusCode.MovedPermanently)]
    [InlineData(ReimportedArchiveApp.Removed, HttpStatusCode.Gone)]
    public async Task AnOldIdsAnswerIsCachedLikeOtherRedirectsAndMisses(string text, HttpStatusCode status)
    {
        var host = Serving.RedirectAndMissTests.FreshHost();
        var (first, firstCommands) = await app.GetCountingCommandsAsync("/q/" + ReimportedArchiveApp.Id(text), host: host);
        var (second, secondCommands) = await app.GetCountingCommandsAsync("/q/" + ReimportedArchiveApp.Id(text), host: host);

        Assert.Equal((status, status), (first.StatusCode, second.StatusCode));
        Assert.NotEmpty(firstCommands);
        Assert.Empty(secondCommands);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AKeptQuoteAnswersAsBefore()
    {
        await app.GetPageAsync("/q/" + ReimportedArchiveApp.Id(ReimportedArchiveApp.Kept));
        await app.GetPageAsync("/q/" + ReimportedArchiveApp.Id(ReimportedArchiveApp.EditedNow));
    }
}
