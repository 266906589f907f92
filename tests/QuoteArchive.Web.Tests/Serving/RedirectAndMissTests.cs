using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using QuoteArchive.Web.Hosting;

namespace QuoteArchive.Web.Tests.Serving;

/// <summary>Redirects and misses cost a lookup, never a topic's load, and are cached for a minute.</summary>
[Collection(nameof(ArchiveApp))]
public sealed class RedirectAndMissTests(ArchiveApp app)
{
    [Theory]
    [InlineData("/wiki/Love%20", "/wiki/Love")]
    [InlineData("/wiki/_Love_", "/wiki/Love")]
    [InlineData("/wiki/China%E2%80%93Russia%20relations", "/wiki/China%E2%80%93Russia_relations")]
    // A small first letter names the capitalised title, as on Wikiquote.
    [InlineData("/wiki/love", "/wiki/Love")]
    [InlineData("/wiki/friedrich_Nietzsche", "/wiki/Friedrich_Nietzsche")]
    public async Task ANonCanonicalAddressIsRedirectedWithoutLoadingTheTopicThenFromTheCache(string path, string location)
    {
        var host = FreshHost();
        var (first, firstCommands) = await app.GetCountingCommandsAsync(path, host: host);
        var (second, secondCommands) = await app.GetCountingCommandsAsync(path, host: host);

        Assert.Equal((HttpStatusCode.MovedPermanently, location), (first.StatusCode, first.Headers.Location?.OriginalString));
        Assert.NotEmpty(firstCommands);
        Assert.DoesNotContain(firstCommands, LoadsATopic);
        Assert.Equal((HttpStatusCode.MovedPermanently, location), (second.StatusCode, second.Headers.Location?.OriginalString));
        Assert.Empty(secondCommands);
        Assert.NotNull(second.Headers.Age);
    }

    [Fact]
    public async Task TheTopicItselfIsLoaded()
    {
        // What the tests above look for is there when a topic is shown.
        var (page, commands) = await app.GetCountingCommandsAsync("/wiki/Love", host: FreshHost());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(commands, LoadsATopic);
    }

    [Theory]
    [InlineData("/wiki/No_such_topic_anywhere")]
    [InlineData("/api/topics/No_such_topic_anywhere")]
    [InlineData("/no/such/address")]
    public async Task AMissIsDecidedWithoutLoadingATopicThenAnsweredFromTheCacheForAMinute(string path)
    {
        var host = FreshHost();
        var (page, _) = await app.GetCountingCommandsAsync("/wiki/Warmness", host: host);
        var (first, firstCommands) = await app.GetCountingCommandsAsync(path, host: host);
        var (second, secondCommands) = await app.GetCountingCommandsAsync(path, host: host);

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.DoesNotContain(firstCommands, LoadsATopic);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Empty(secondCommands);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());

        // Stored with the tag of entries that live a minute (RedirectsAndMisses.Store), unlike the page.
        await app.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(RedirectsAndMisses.Tag, default);
        var (third, _) = await app.GetCountingCommandsAsync(path, host: host);
        var (pageAgain, pageCommands) = await app.GetCountingCommandsAsync("/wiki/Warmness", host: host);
        Assert.Equal(HttpStatusCode.NotFound, third.StatusCode);
        Assert.Null(third.Headers.Age);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Empty(pageCommands);
        Assert.NotNull(pageAgain.Headers.Age);
    }

    [Fact]
    public async Task AQuoteAddressInCapitalsIsRedirectedFromTheCache()
    {
        var id = app.Query(db => db.Quotes.OrderBy(q => q.Id).Select(q => q.Id).Skip(3).First());
        var host = FreshHost();
        await app.GetCountingCommandsAsync("/q/" + id.ToUpperInvariant(), host: host);

        var (again, _) = await app.GetCountingCommandsAsync("/q/" + id.ToUpperInvariant(), host: host);

        Assert.Equal((HttpStatusCode.MovedPermanently, "/q/" + id), (again.StatusCode, again.Headers.Location?.OriginalString));
        Assert.NotNull(again.Headers.Age);
    }

    [Fact]
    public async Task TheStoreKeepsRedirectsAndMissesForAMinuteAndPagesAsLongAsAsked()
    {
        var recorded = new RecordingStore();
        var store = new RedirectsAndMisses.Store(recorded);

        await store.SetAsync("miss", [1], [RedirectsAndMisses.Tag], TimeSpan.FromMinutes(10), default);
        await store.SetAsync("page", [2], null, TimeSpan.FromMinutes(10), default);
        await store.SetAsync("brief anyway", [3], [RedirectsAndMisses.Tag], TimeSpan.FromSeconds(5), default);

        Assert.Equal(RedirectsAndMisses.Lifetime, recorded.Lifetimes["miss"]);
        Assert.Equal(TimeSpan.FromMinutes(1), RedirectsAndMisses.Lifetime);
        Assert.Equal(TimeSpan.FromMinutes(10), recorded.Lifetimes["page"]);
        Assert.Equal(TimeSpan.FromSeconds(5), recorded.Lifetimes["brief anyway"]);
    }

    /// <summary>A host no other request has used: the output cache keys on it, so the first request is a miss.</summary>
    public static string FreshHost() => CompressionTests.Unique() + ".test";

    // The statements that load a topic read its sections and quotes; deciding where an address leads reads neither.
    public static bool LoadsATopic(string sql) => Regex.IsMatch(sql, @"\b(FROM|JOIN) ""?(Sections|Quotes)\b");

    private sealed class RecordingStore : IOutputCacheStore
    {
        public Dictionary<string, TimeSpan> Lifetimes { get; } = [];

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            Lifetimes[key] = validFor;
            return ValueTask.CompletedTask;
        }
    }
}
