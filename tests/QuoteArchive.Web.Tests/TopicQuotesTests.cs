using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Tests;

/// <summary>
/// A topic reads all its quotes and their lines at once, in an order of its own; a permalink reads one quote alone. Every
/// quote must come out the same both ways and as EF reads it, its lines (attribution, dialogue, notes) its own and in their order.
/// </summary>
internal static class TopicQuotesChecks
{
    public static async Task AssertEveryQuoteOfEveryTopicIsAsItsPermalinkReadsItAsync(ArchiveApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var seen = 0;
        foreach (var slug in await db.Topics.Select(t => t.Slug).ToListAsync())
        {
            var topic = await db.TopicAsync(slug, CancellationToken.None);
            foreach (var quote in topic!.Sections.SelectMany(s => s.Quotes).Prepend(topic.Featured).OfType<QuoteView>())
            {
                var alone = await db.QuoteAsync(quote.Id, CancellationToken.None);
                Assert.Equal(Describe(alone!), Describe(quote));
                // Both read with data readers; EF reads it through the model's relationships.
                var throughEf = await db.Quotes.Where(q => q.Id == quote.Id).Select(QuoteView.FromEntity).AsSplitQuery().SingleAsync();
                Assert.Equal(Describe(throughEf), Describe(quote));
                seen++;
            }
        }
        Assert.Equal(await db.Quotes.CountAsync(), seen);
    }

    // Everything a card or the API shows of a quote, the [JsonIgnore]d members too.
    private static string Describe(QuoteView quote) => JsonSerializer.Serialize(new
    {
        quote.Id, quote.Kind, quote.Status, quote.Text, quote.Html, quote.DialogueLines, quote.Attribution, quote.Notes, quote.Author,
        quote.Work, quote.Year, quote.AuthorSlug, quote.AuthorName, quote.IsFeatured, Topic = quote.Topic.Slug, quote.Topic.Revision,
        quote.Section,
    });
}

[Collection(nameof(ArchiveApp))]
public sealed class TopicQuotesTests(ArchiveApp app)
{
    [Fact]
    public Task EveryQuoteOfATopicIsAsItsPermalinkReadsIt() => TopicQuotesChecks.AssertEveryQuoteOfEveryTopicIsAsItsPermalinkReadsItAsync(app);
}

/// <summary>Wiki pages bring what page text lacks: dialogue with a cast, notes on quotes.</summary>
[Collection(nameof(WikiArchiveApp))]
public sealed class WikiTopicQuotesTests(WikiArchiveApp app)
{
    [Fact]
    public async Task EveryQuoteOfAWikiTopicIsAsItsPermalinkReadsIt()
    {
        var lines = app.Query(db => (Dialogue: db.DialogueLines.Count(), Notes: db.QuoteNotes.Count(), Attribution: db.AttributionLines.Count()));
        Assert.True(lines is { Dialogue: > 0, Notes: > 0, Attribution: > 0 }, $"the wiki samples no longer have every kind of line: {lines}");
        await TopicQuotesChecks.AssertEveryQuoteOfEveryTopicIsAsItsPermalinkReadsItAsync(app);
    }
}
