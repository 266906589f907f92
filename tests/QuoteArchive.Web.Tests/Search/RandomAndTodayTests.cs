using System.Net;
using System.Text.Json;

namespace QuoteArchive.Web.Tests.Search;

[Collection(nameof(ArchiveApp))]
public sealed class RandomAndTodayTests(ArchiveApp app)
{
    [Fact]
    public async Task RandomRedirectsToAQuoteThatExistsAndIsNeverCached()
    {
        app.Random.Seed(3);
        using var client = app.Browser();
        var seen = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/random");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
            Assert.False(response.Headers.Contains("Age"), "a random answer is never served from the cache");
            var location = response.Headers.Location!.OriginalString;
            Assert.StartsWith("/q/", location, StringComparison.Ordinal);
            seen.Add(location);
            using var quote = await client.GetAsync(location);
            Assert.Equal(HttpStatusCode.OK, quote.StatusCode);
        }
        // Five picks among about two thousand quotes: the same one five times would mean the seed is not used at all.
        Assert.True(seen.Count > 1);
    }

    [Fact]
    public async Task RandomApiReturnsAnExistingQuoteThatPassesTheFilters()
    {
        app.Random.Seed(5);
        using var client = app.Browser();
        using (var response = await client.GetAsync("/api/random"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore);
            var id = await IdAsync(response);
            Assert.True(app.Query(db => db.Quotes.Any(q => q.Id == id)));
        }
        var topic = await RandomAsync(client, "?topic=Warmness");
        Assert.Equal("Warmness", topic.GetProperty("topic").GetProperty("slug").GetString());

        var author = await RandomAsync(client, "?author=Odd_Arne_Westad");
        Assert.StartsWith("At first, in the 1950s", author.GetProperty("text").GetString(), StringComparison.Ordinal);
        var westadId = author.GetProperty("id").GetString();
        Assert.Equal("Odd_Arne_Westad", app.Query(db => db.Quotes.Where(q => q.Id == westadId).Select(q => q.AuthorEntry!.Slug).Single()));

        var french = await RandomAsync(client, "?lang=fr&maxLength=80&minLength=20");
        var text = french.GetProperty("text").GetString()!;
        Assert.InRange(text.Length, 20, 80);
        var frenchSlug = french.GetProperty("topic").GetProperty("slug").GetString()!;
        Assert.Equal("fr", app.Query(db => db.Topics.Single(t => t.Slug == frenchSlug).Language));

        using var none = await client.GetAsync("/api/random?topic=No_such_topic");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        using var tooShort = await client.GetAsync("/api/random?maxLength=0");
        Assert.Equal(HttpStatusCode.NotFound, tooShort.StatusCode);
    }

    [Fact]
    public async Task RandomAcceptsATopicTitleAndAnAuthorNameWithSpacesAsSearchDoes()
    {
        app.Random.Seed(7);
        using var client = app.Browser();
        var topic = await RandomAsync(client, "?topic=" + Uri.EscapeDataString("Friedrich Nietzsche"));
        Assert.Equal("Friedrich_Nietzsche", topic.GetProperty("topic").GetProperty("slug").GetString());
        var author = await RandomAsync(client, "?author=" + Uri.EscapeDataString("Odd Arne Westad"));
        Assert.StartsWith("At first, in the 1950s", author.GetProperty("text").GetString(), StringComparison.Ordinal);

        using var redirect = await client.GetAsync("/random?topic=" + Uri.EscapeDataString("Friedrich Nietzsche"));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var id = redirect.Headers.Location!.OriginalString["/q/".Length..];
        Assert.Equal("Friedrich_Nietzsche", app.Query(db => db.Quotes.Where(q => q.Id == id).Select(q => q.Topic!.Slug).Single()));
    }

    [Fact]
    public async Task TheQuoteOfTheDayIsStableWithinADateAndChangesAcrossDates()
    {
        using var client = app.Browser();
        try
        {
            app.Clock.Set(new DateTimeOffset(2026, 3, 14, 0, 0, 1, TimeSpan.Zero));
            var morning = await TodayAsync(app, client);
            app.Clock.Set(new DateTimeOffset(2026, 3, 14, 23, 59, 59, TimeSpan.Zero));
            var evening = await TodayAsync(app, client);
            Assert.Equal(("2026-03-14", morning.Id), (evening.Date, evening.Id));
            Assert.True(morning.Short && morning.Sourced, "the quote of the day prefers short, sourced quotes");

            var days = new List<string>();
            for (var day = 0; day < 7; day++)
            {
                app.Clock.Set(new DateTimeOffset(2026, 3, 15 + day, 12, 0, 0, TimeSpan.Zero));
                var today = await TodayAsync(app, client);
                Assert.Equal($"2026-03-{15 + day}", today.Date);
                days.Add(today.Id);
            }
            Assert.True(days.Distinct().Count() > 1, "a week of quotes of the day is not one quote");

            // The home page shows the same quote as the API, on the new date too (its cache follows the date).
            app.Clock.Set(new DateTimeOffset(2026, 3, 21, 8, 0, 0, TimeSpan.Zero));
            var home = await app.GetPageAsync("/");
            Assert.Equal("2026-03-21", home.QuerySelector(".quote-of-the-day time")!.GetAttribute("datetime"));
            Assert.Equal("/q/" + days[^1], home.QuerySelector(".quote-of-the-day .permalink a[href^='/q/']")!.GetAttribute("href"));
        }
        finally
        {
            app.Clock.Set(null);
        }
    }

    internal static async Task<(string Date, string Id, bool Short, bool Sourced)> TodayAsync(ArchiveApp app, HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/today"));
        var quote = json.RootElement.GetProperty("quote");
        var id = quote.GetProperty("id").GetString()!;
        Assert.True(app.Query(db => db.Quotes.Any(q => q.Id == id)));
        return (json.RootElement.GetProperty("date").GetString()!, id,
            quote.GetProperty("text").GetString()!.Length <= 200, quote.GetProperty("status").GetString() == "sourced");
    }

    private static async Task<JsonElement> RandomAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/random" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    private static async Task<string> IdAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }
}

/// <summary>
/// What every replica computes: each its own host over its own archive, imported from the same content, asked at
/// different hours of one UTC date. One host at a time starts in this collection (Serilog's bootstrap logger is
/// process-wide), so these tests are not in the shared app's.
/// </summary>
[Collection(Deploy.DeployCollection.Name)]
public sealed class ReplicaTests
{
    [Fact]
    public async Task ReplicasOfOneArchiveAgreeOnTheQuoteOfTheDayAndOnTheEtagsOfItsPages()
    {
        await using var first = new ArchiveApp();
        await using var second = new ArchiveApp();
        Assert.NotEqual(first.DatabasePath, second.DatabasePath);
        first.Clock.Set(new DateTimeOffset(2026, 7, 1, 0, 30, 0, TimeSpan.Zero));
        second.Clock.Set(new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero));
        using var one = first.Browser();
        using var other = second.Browser();

        var today = await RandomAndTodayTests.TodayAsync(first, one);
        Assert.Equal(today, await RandomAndTodayTests.TodayAsync(second, other));
        Assert.Equal("2026-07-01", today.Date);

        using var home = await one.GetAsync("/");
        using var otherHome = await other.GetAsync("/");
        Assert.NotNull(home.Headers.ETag);
        Assert.Equal(home.Headers.ETag, otherHome.Headers.ETag);
        Assert.Equal("/q/" + today.Id, await QuoteOfTheDayAsync(home));
        Assert.Equal("/q/" + today.Id, await QuoteOfTheDayAsync(otherHome));
    }

    private static async Task<string?> QuoteOfTheDayAsync(HttpResponseMessage home)
    {
        var document = await ArchiveApp.ParseAsync(await home.Content.ReadAsStringAsync(), "/");
        return document.QuerySelector(".quote-of-the-day .permalink a")?.GetAttribute("href");
    }
}

/// <summary>A clock a test can set to a date; unset, it is the real time.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? now;

    public void Set(DateTimeOffset? value) => now = value;

    public override DateTimeOffset GetUtcNow() => now ?? System.GetUtcNow();
}

/// <summary>A source of random picks a test can seed, as it sets <see cref="TestClock"/>; unseeded, it is <see cref="Random.Shared"/>.</summary>
public sealed class TestRandom : Random
{
    private Random source = Shared;

    public void Seed(int seed) => source = new Random(seed);

    public override int Next() => source.Next();

    public override int Next(int maxValue) => source.Next(maxValue);

    public override int Next(int minValue, int maxValue) => source.Next(minValue, maxValue);

    public override long NextInt64() => source.NextInt64();

    public override long NextInt64(long maxValue) => source.NextInt64(maxValue);

    public override long NextInt64(long minValue, long maxValue) => source.NextInt64(minValue, maxValue);

    public override double NextDouble() => source.NextDouble();

    public override float NextSingle() => source.NextSingle();

    public override void NextBytes(byte[] buffer) => source.NextBytes(buffer);

    public override void NextBytes(Span<byte> buffer) => source.NextBytes(buffer);

    protected override double Sample() => source.NextDouble();
}
