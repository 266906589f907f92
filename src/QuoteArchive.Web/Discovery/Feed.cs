using System.Globalization;
using System.ServiceModel.Syndication;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Pages.Quotes;
using QuoteArchive.Web.Hosting;
using QuoteArchive.Web.Pages.Shared.Components.QuoteOfTheDay;

namespace QuoteArchive.Web.Discovery;

/// <summary><c>/feed.atom</c>: the quote of the day, one entry a day for the last <see cref="Days"/> days, newest first.</summary>
public static class Feed
{
    public const int Days = 30;

    public static async Task<IResult> AtomAsync(HttpRequest request, ArchiveDbContext db, ArchiveClock clock, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var entries = new List<SyndicationItem>();
        for (var day = today; day > today.AddDays(-Days); day = day.AddDays(-1))
        {
            if (await db.QuoteOfTheDayAsync(day, cancellationToken) is { Quote: var quote })
                entries.Add(Entry(request, quote, day));
        }
        var feed = new SyndicationFeed($"{ArchiveUrls.SiteName}: quote of the day", "A quotation from the archive each day.",
            new Uri(request.Absolute("/")), TagUri(request, "quote-of-the-day"), Midnight(today), entries);
        feed.Authors.Add(new SyndicationPerson { Name = ArchiveUrls.SiteName, Uri = request.Absolute("/") });
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(request.Absolute("/feed.atom")), "application/atom+xml"));
        return DiscoveryEndpoints.Xml(writer => new Atom10FeedFormatter(feed).WriteTo(writer), "application/atom+xml");
    }

    private static SyndicationItem Entry(HttpRequest request, QuoteView quote, DateOnly day)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (by, _) = Byline.Of(quote);
        var item = new SyndicationItem($"{date}: {QuoteFormats.Shorten(quote.Text, 80)}",
            new TextSyndicationContent(QuoteFormats.PlainText(quote, request.Absolute(quote.Url))),
            new Uri(request.Absolute(quote.Url)), TagUri(request, "quote-of-the-day:" + date), Midnight(day))
        {
            PublishDate = Midnight(day),
            Summary = new TextSyndicationContent($"{quote.Text} — {by}"),
            // Atom's rights: the page the quote was taken from and its licence, as a reuse must credit them.
            Copyright = new TextSyndicationContent(Citations.SourceOf(quote)),
        };
        return item;
    }

    // An entry's id must never change and never repeat: the site's host and the day, as a tag URI (RFC 4151).
    private static string TagUri(HttpRequest request, string specific) => $"tag:{PublicAddress.HostNameOf(request)},2024:{specific}";

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
