using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;
using QuoteArchive.Web.Discovery;

namespace QuoteArchive.Web.Tests.Sharing;

[Collection(nameof(ArchiveApp))]
public sealed class DiscoveryTests(ArchiveApp app)
{
    private const string Origin = "http://localhost";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task FeedIsAtomWithTheQuoteOfEachOfTheLastThirtyDays()
    {
        app.Clock.Set(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
        try
        {
            using var response = await app.Browser().GetAsync("/feed.atom");
            Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
            using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
            var feed = SyndicationFeed.Load(reader);

            Assert.Equal(30, feed.Items.Count());
            var days = Enumerable.Range(0, 30).Select(i => new DateOnly(2026, 3, 15).AddDays(-i)).ToList();
            var expected = app.Query(db => days.Select(d => QuotePicks.OfTheDayAsync(db, d).GetAwaiter().GetResult()).ToList());
            Assert.Equal(expected.Select(id => Origin + "/q/" + id), feed.Items.Select(i => i.Links.Single().Uri.ToString()));
            Assert.Equal(days.Select(d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)), feed.Items.Select(i => i.PublishDate));
            Assert.Equal(30, feed.Items.Select(i => i.Id).Distinct().Count());
            Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.ToString() == Origin + "/feed.atom");
            // Each entry credits the page it was taken from and its licence, as a reuse must.
            Assert.All(feed.Items, i => Assert.Matches(@"^.+, https?://\S+, CC BY-SA", i.Copyright?.Text ?? ""));
        }
        finally
        {
            app.Clock.Set(null);
        }
    }

    [Fact]
    public async Task SitemapIndexListsFilesThatListEveryTopicAndQuotePage()
    {
        var index = await GetXmlAsync("/sitemap.xml");
        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(Sitemap + "sitemap").Select(s => s.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Equal([Origin + "/sitemaps/topics-1.xml", Origin + "/sitemaps/quotes-1.xml"], files);

        var listed = new List<string>();
        foreach (var file in files)
        {
            var urlset = await GetXmlAsync(new Uri(file).PathAndQuery);
            Assert.Equal(Sitemap + "urlset", urlset.Root!.Name);
            listed.AddRange(urlset.Root.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value));
        }
        var topics = app.Query(db => db.Topics.Select(t => t.Slug).ToList()).Select(s => Origin + "/wiki/" + Slugs.ToUrlPath(s));
        var quotes = app.Query(db => db.Quotes.Select(q => q.Id).ToList()).Select(id => Origin + "/q/" + id);
        Assert.Equal(topics.Concat(quotes).Order(), listed.Order());
    }

    [Fact]
    public void SitemapFilesHoldAtMostFiftyThousandAddresses()
    {
        Assert.Equal(["topics-1", "quotes-1"], Sitemaps.Files(50_000, 1));
        Assert.Equal(["topics-1", "topics-2", "quotes-1", "quotes-2", "quotes-3"], Sitemaps.Files(50_001, 100_001));
        Assert.Empty(Sitemaps.Files(0, 0));
    }

    [Fact]
    public async Task AMissingSitemapFileIsNotFound()
    {
        using var response = await app.Browser().GetAsync("/sitemaps/quotes-2.xml");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RobotsTxtPointsAtTheSitemapAndOpenSearchAtTheSearchPage()
    {
        using var client = app.Browser();
        var robots = await client.GetStringAsync("/robots.txt");
        Assert.Contains("Sitemap: " + Origin + "/sitemap.xml", robots.Split('\n'));

        var description = await GetXmlAsync("/opensearch.xml");
        XNamespace ns = "http://a9.com/-/spec/opensearch/1.1/";
        Assert.Equal("QuoteArchive", description.Root!.Element(ns + "ShortName")!.Value);
        var html = description.Root.Elements(ns + "Url").Single(u => (string?)u.Attribute("type") == "text/html");
        Assert.Equal(Origin + "/search?q={searchTerms}", (string?)html.Attribute("template"));
    }

    private async Task<XDocument> GetXmlAsync(string path)
    {
        using var response = await app.Browser().GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
