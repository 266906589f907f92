using System.Net;

namespace QuoteArchive.Web.Tests;

/// <summary>
/// The web app over a generated archive larger than one page of topics: no list grows with the archive.
/// The pages are made up (numbered synthetic lines), generated for these tests only.
/// </summary>
public sealed class LargeArchiveApp() : ArchiveApp(Generate())
{
    public const int TopicCount = 1500;

    private static string Generate()
    {
        var folder = Directory.CreateTempSubdirectory("quotearchive-large-").FullName;
        for (var i = 0; i < TopicCount; i++)
        {
            // Titles spread over the alphabet, so that the A–Z has many letters.
            var title = $"{(char)('A' + i % 26)}ynthetic topic {i:0000}";
            File.WriteAllText(Path.Combine(folder, title + ".txt"), $"{title}\n\nQuotes\n\n  • Synthetic line {i}, made up for a test.\n");
        }
        return folder;
    }
}

// Not beside the other collections: a host started here rebinds the process-wide Serilog logger their log tests read.
[CollectionDefinition(nameof(LargeArchiveApp), DisableParallelization = true)]
public sealed class LargeArchiveCollection : ICollectionFixture<LargeArchiveApp>;

[Collection(nameof(LargeArchiveApp))]
public sealed class LargeArchiveTests(LargeArchiveApp app)
{
    private const int MaxPageBytes = 300_000;

    [Fact]
    public async Task HomePageShowsOneLetterAtATimeAndLinksToEveryLetter()
    {
        Assert.Equal(LargeArchiveApp.TopicCount, app.Import.Topics);
        var home = await app.GetPageAsync("/");
        Assert.Equal(26, home.QuerySelectorAll("nav.letters a").Length);
        var shown = home.QuerySelectorAll(".topic-entry > a").Select(a => a.TextContent).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, title => Assert.StartsWith("A", title, StringComparison.Ordinal));

        var letterB = await app.GetPageAsync("/?letter=B");
        Assert.All(letterB.QuerySelectorAll(".topic-entry > a").Select(a => a.TextContent), title => Assert.StartsWith("B", title, StringComparison.Ordinal));
        Assert.Equal("page", letterB.QuerySelector("nav.letters a[aria-current]")?.GetAttribute("aria-current"));
    }

    [Theory]
    [InlineData("/"), InlineData("/?letter=Z"), InlineData("/api/topics"), InlineData("/authors"), InlineData("/categories"), InlineData("/search?q=synthetic")]
    public async Task NoListResponseGrowsWithTheArchive(string path)
    {
        using var response = await app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange((await response.Content.ReadAsByteArrayAsync()).Length, 1, MaxPageBytes);
    }

    [Fact]
    public async Task TheTopicsApiWalksEveryTopicByItsLinks()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? next = "/api/topics?pageSize=40";
        using var client = app.Browser();
        for (var requests = 0; next is not null && requests < 200; requests++)
        {
            using var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            foreach (var topic in json.RootElement.EnumerateArray())
                Assert.True(seen.Add(topic.GetProperty("slug").GetString()!), "a topic came twice");
            next = response.Headers.TryGetValues("Link", out var links)
                ? links.SelectMany(l => l.Split(',')).Select(l => l.Trim()).Where(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal))
                    .Select(l => l[1..l.IndexOf('>', StringComparison.Ordinal)]).FirstOrDefault()
                : null;
        }
        Assert.Equal(LargeArchiveApp.TopicCount, seen.Count);
    }
}
