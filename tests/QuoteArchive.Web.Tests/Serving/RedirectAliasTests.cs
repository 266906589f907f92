using System.Net;

namespace QuoteArchive.Web.Tests.Serving;

/// <summary>Another title of a topic (a wiki redirect) answers 301 from the Redirects table, then from the cache.</summary>
[Collection(nameof(WikiArchiveApp))]
public sealed class RedirectAliasTests(WikiArchiveApp app)
{
    [Theory]
    [InlineData("/wiki/Pacha", "/wiki/Le_Pacha")]
    [InlineData("/api/topics/Pacha", "/api/topics/Le_Pacha")]
    [InlineData("/wiki/pacha", "/wiki/Le_Pacha")]
    // A redirect to a section of its topic leads there; one to another redirect leads where that one does.
    [InlineData("/wiki/Synthetic_section_alias", "/wiki/The_Half_of_It#Cast")]
    [InlineData("/wiki/Synthetic_double_alias", "/wiki/The_Half_of_It#Cast")]
    [InlineData("/api/topics/Synthetic_double_alias", "/api/topics/The_Half_of_It")]
    public async Task ARedirectAliasIsAnsweredWithoutLoadingTheTopicThenFromTheCache(string path, string location)
    {
        var host = RedirectAndMissTests.FreshHost();
        var (first, firstCommands) = await app.GetCountingCommandsAsync(path, host: host);
        var (second, secondCommands) = await app.GetCountingCommandsAsync(path, host: host);

        Assert.Equal((HttpStatusCode.MovedPermanently, location), (first.StatusCode, first.Headers.Location?.OriginalString));
        Assert.Contains(firstCommands, sql => sql.Contains("\"Redirects\"", StringComparison.Ordinal));
        Assert.DoesNotContain(firstCommands, RedirectAndMissTests.LoadsATopic);
        Assert.Equal((HttpStatusCode.MovedPermanently, location), (second.StatusCode, second.Headers.Location?.OriginalString));
        Assert.Empty(secondCommands);
        Assert.NotNull(second.Headers.Age);
    }

    // A filter may name a topic by another title, as its address may.
    [Theory]
    [InlineData("/api/random?topic=Pacha")]
    [InlineData("/api/random?topic=pacha")]
    [InlineData("/api/random?topic=Synthetic%20double%20alias")]
    public async Task ARandomPickTakesItsTopicByAnotherTitle(string path)
    {
        var expected = path.Contains("alias") ? "The_Half_of_It" : "Le_Pacha";
        var quote = await app.GetJsonAsync(path);
        Assert.Equal(expected, quote.GetProperty("topic").GetProperty("slug").GetString());
    }
}
