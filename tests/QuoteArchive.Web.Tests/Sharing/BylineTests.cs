using System.Net;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Tests.Sharing;

/// <summary>
/// Where a quote stands without its page around it (a share card, a title, the plain text, the JSON), it is credited
/// to its author when the archive knows one, and otherwise never to the topic as if the topic were the author.
/// </summary>
[Collection(nameof(ArchiveApp))]
public sealed class BylineTests(ArchiveApp app)
{
    [Theory]
    // A quote the page itself calls misattributed: its share card named Friedrich Nietzsche as its author.
    [InlineData("Friedrich_Nietzsche", QuoteStatus.Misattributed, "Misattributed, in “Friedrich Nietzsche”")]
    [InlineData("Friedrich_Nietzsche", QuoteStatus.About, "About Friedrich Nietzsche")]
    public async Task AQuoteNotByThePagesSubjectIsNotCreditedToIt(string topic, QuoteStatus status, string byline)
    {
        var quote = app.Query(db => db.Quotes.First(q => q.Topic!.Slug == topic && q.Status == status && q.Author == null && q.AuthorId == null));

        var page = await app.GetPageAsync("/q/" + quote.Id);

        Assert.Equal(byline, page.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
        Assert.Equal(byline, page.QuerySelector("meta[name='twitter:title']")?.GetAttribute("content"));
        Assert.EndsWith("— " + byline + " · QuoteArchive", page.Title, StringComparison.Ordinal);
        var text = await app.CreateClient().GetStringAsync($"/q/{quote.Id}.txt");
        Assert.DoesNotContain("— Friedrich Nietzsche", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousQuoteIsFromItsTopic()
    {
        var quote = app.Query(db => db.Quotes.First(q => q.Topic!.Slug == "Love" && q.Status == QuoteStatus.Sourced && q.Author == null && q.AuthorId == null));
        var page = await app.GetPageAsync("/q/" + quote.Id);
        Assert.Equal("From “Love”", page.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task TheTitleOfAQuotePageNamesItsAuthor()
    {
        var quote = app.Query(db => db.Quotes.First(q => q.Topic!.Slug == "Love" && q.Author == "U Thant"));
        var page = await app.GetPageAsync("/q/" + quote.Id);
        Assert.EndsWith("— U Thant · QuoteArchive", page.Title, StringComparison.Ordinal);
    }

    // A person page's own quote has its person for author though its attribution line gives only the work: the JSON
    // and the plain text said no author.
    [Fact]
    public async Task APersonPagesOwnQuoteHasItsAuthorInJsonAndText()
    {
        var quote = app.Query(db => db.Quotes.Include(q => q.Attribution)
            .First(q => q.Topic!.Slug == "Friedrich_Nietzsche" && q.AuthorId != null && q.Author == null && q.Attribution.Any()));

        var json = await app.GetJsonAsync($"/api/quotes/{quote.Id}");
        Assert.Equal("Friedrich Nietzsche", json.GetProperty("author").GetString());
        Assert.Equal("/authors/Friedrich_Nietzsche", json.GetProperty("authorUrl").GetString());
        var text = await app.CreateClient().GetStringAsync($"/q/{quote.Id}.txt");
        var lines = text.Split('\n');
        Assert.Equal("— Friedrich Nietzsche", lines[Array.IndexOf(lines, "") + 1]);
        Assert.Contains("— " + quote.Attribution.OrderBy(a => a.Position).First().Text, lines);
    }

    // Every line under the quote's words is the attribution's, each part of a line that breaks indented under its dash.
    [Fact]
    public async Task AnAttributionLineThatBreaksStaysUnderItsDashInText()
    {
        var quote = app.Query(db => db.Quotes.Include(q => q.Attribution)
            .First(q => !q.Text.Contains('\n') && q.Attribution.Any(a => a.Text.Contains('\n'))));
        var text = await app.CreateClient().GetStringAsync($"/q/{quote.Id}.txt");

        var attribution = text.Split('\n').Skip(1).TakeWhile(line => !line.StartsWith("From “", StringComparison.Ordinal))
            .Where(line => line.Length > 0 && !line.StartsWith('['));
        Assert.All(attribution, line => Assert.Matches(@"^( *— | +\S)", line));
        Assert.Contains(attribution, line => !line.TrimStart().StartsWith('—'));
    }

    [Fact]
    public async Task ATextFormCreditsThePageItWasTakenFromAndItsLicence()
    {
        var quote = app.Query(db => db.Quotes.Include(q => q.Topic).First(q => q.Topic!.Slug == "Love"));
        var text = await app.CreateClient().GetStringAsync($"/q/{quote.Id}.txt");

        var source = text.Split('\n').Single(line => line.StartsWith("Source: ", StringComparison.Ordinal));
        Assert.StartsWith("Source: Wikiquote (en.wikiquote.org), https://en.wikiquote.org/", source, StringComparison.Ordinal);
        Assert.Contains(", CC BY-SA", source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuoteWithoutAttributionHasOneBlankLineBeforeItsSourceInText()
    {
        var quote = app.Query(db => db.Quotes.First(q => !q.Attribution.Any() && q.Author == null && q.AuthorId == null && !q.Text.Contains('\n')));
        var text = await app.CreateClient().GetStringAsync($"/q/{quote.Id}.txt");
        Assert.StartsWith(quote.Text.Trim() + "\n\nFrom “", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(QuoteStatus.Misattributed, "Misattributed")]
    [InlineData(QuoteStatus.Disputed, "Attribution disputed")]
    public async Task AQuoteThePageDoubtsSaysSoInItsTextAndEveryCitation(QuoteStatus status, string caution)
    {
        var quote = app.Query(db => db.Quotes.First(q => q.Status == status));

        var text = await app.CreateClient().GetStringAsync($"/q/{quote.Id}.txt");
        Assert.StartsWith(quote.Text.Trim() + $"\n[{caution}]\n", text, StringComparison.Ordinal);
        var cite = await app.GetJsonAsync($"/q/{quote.Id}/cite");
        Assert.All(cite.GetProperty("formats").EnumerateArray(),
            f => Assert.Contains(caution, f.GetProperty("text").GetString()!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AQuoteOfSeveralLinesKeepsThemAsSlashesInItsPreview()
    {
        var quote = app.Query(db => db.Quotes.First(q => q.Topic!.Slug == "Love" && q.Text.Contains('\n') && q.Text.Length < 150));
        var page = await app.GetPageAsync("/q/" + quote.Id);
        var lines = Pages.Quotes.QuoteFormats.Lines(quote.Text).ToList();
        Assert.Equal(string.Join(" / ", lines), page.QuerySelector("meta[property='og:description']")?.GetAttribute("content"));
    }

    [Fact]
    public void AShortenedQuoteLeavesNoSlashOrCommaBeforeItsEllipsis()
    {
        Assert.Equal("Love costs all we are / and will ever be.", Pages.Quotes.QuoteFormats.Shorten("Love costs all we are \n\n  and will ever be.", 300));
        Assert.Equal("one two…", Pages.Quotes.QuoteFormats.Shorten("one two\nthree four", 9));
        Assert.Equal("one, two…", Pages.Quotes.QuoteFormats.Shorten("one, two, three four", 9));
    }

    [Fact]
    public void ShareImageTextKeepsTheLinesOfVerse()
    {
        Assert.Equal("Love costs all we are\nand will ever be.", Pages.Quotes.QuoteFormats.ShortenLines("Love costs all we are \n\n  and will ever be.", 600));
        Assert.Equal("one two\nthree…", Pages.Quotes.QuoteFormats.ShortenLines("one two\nthree four five six seven", 14));
    }
}
