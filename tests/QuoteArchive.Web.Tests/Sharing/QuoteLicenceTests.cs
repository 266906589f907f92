using System.Net.Http.Json;
using System.Text.Json;

namespace QuoteArchive.Web.Tests.Sharing;

/// <summary>
/// A script that reuses a quote must credit its source and keep its licence: every JSON form of a quote names its
/// topic's language, source page and licence.
/// </summary>
[Collection(nameof(WikiArchiveApp))]
public sealed class QuoteLicenceTests(WikiArchiveApp app)
{
    [Fact]
    public async Task EveryJsonFormOfAQuoteNamesItsTopicsLanguageSourceAndLicence()
    {
        var quote = app.Query(db => db.Quotes.Where(q => q.Topic!.Slug == "Le_Pacha").OrderBy(q => q.Id)
            .Select(q => new { q.Id, q.Text, q.Topic!.Title, q.Topic.Language, q.Topic.SourceUrl, q.Topic.License }).First());
        // A revision of 2013: its licence recorded, not Wikiquote's default.
        Assert.Equal("CC BY-SA 3.0", quote.License);
        var word = quote.Text.Split(' ').Where(w => w.All(char.IsLetter)).MaxBy(w => w.Length)!;
        using var asJson = new HttpRequestMessage(HttpMethod.Get, "/q/" + quote.Id) { Headers = { { "Accept", "application/json" } } };
        using var permalink = await app.Browser().SendAsync(asJson);

        var topics = new List<JsonElement>
        {
            (await app.GetJsonAsync("/api/quotes/" + quote.Id)).GetProperty("topic"),
            (await app.GetJsonAsync($"/q/{quote.Id}.json")).GetProperty("topic"),
            (await permalink.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("topic"),
            (await app.GetJsonAsync("/api/random?topic=Le_Pacha")).GetProperty("topic"),
        };
        var topic = await app.GetJsonAsync("/api/topics/Le_Pacha");
        topics.AddRange(topic.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("quotes").EnumerateArray()).Select(q => q.GetProperty("topic")));
        var found = await app.GetJsonAsync($"/api/search?q={Uri.EscapeDataString(word)}&topic=Le_Pacha");
        topics.AddRange(found.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("topic")));

        Assert.True(topics.Count > 5, $"{topics.Count} quotes' topics: the topic's quotes and the search found none");
        var expected = $"slug=Le_Pacha, title={quote.Title}, language=fr, sourceUrl={quote.SourceUrl}, license={quote.License}";
        Assert.All(topics, t => Assert.Equal(expected, string.Join(", ", t.EnumerateObject().Select(p => $"{p.Name}={p.Value}"))));
        Assert.Equal(quote.SourceUrl, topic.GetProperty("sourceUrl").GetString());
    }

    // The licence recorded, or Wikiquote's where the import recorded none: the JSON says what the quote's page says.
    [Fact]
    public async Task AQuotesLicenceIsTheOneItsPageStates()
    {
        var quotes = app.Query(db => db.Quotes.GroupBy(q => q.Topic!.License).Select(g => g.Min(q => q.Id)).ToList());
        Assert.True(quotes.Count > 1, "quotes under more than one licence");

        foreach (var id in quotes)
        {
            var json = await app.GetJsonAsync("/api/quotes/" + id!);
            var page = await app.GetPageAsync("/q/" + id);
            var stated = page.QuerySelector(".source-notice a[rel~=license], .source-notice span")?.TextContent;
            Assert.Equal(stated, json.GetProperty("topic").GetProperty("license").GetString());
        }
    }
}
