using System.Globalization;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Discovery;

/// <summary>
/// <c>/sitemap.xml</c>, an index of sitemap files: every topic page, then every quote page, at most
/// <see cref="UrlsPerFile"/> addresses a file (the sitemaps.org limit), so an archive of any size can be listed.
/// </summary>
public static class Sitemaps
{
    public const int UrlsPerFile = 50_000;
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The files an archive of so many topics and quotes needs: <c>topics-1</c> …, <c>quotes-1</c> ….</summary>
    public static IEnumerable<string> Files(int topics, int quotes, int perFile = UrlsPerFile) =>
        Enumerable.Range(1, Pages(topics, perFile)).Select(n => $"topics-{n}")
            .Concat(Enumerable.Range(1, Pages(quotes, perFile)).Select(n => $"quotes-{n}"));

    public static async Task<IResult> IndexAsync(HttpRequest request, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var files = Files(await db.Topics.CountAsync(cancellationToken), await db.Quotes.CountAsync(cancellationToken));
        var changed = await LastChangedAsync(db, cancellationToken);
        return DiscoveryEndpoints.Xml(writer =>
        {
            writer.WriteStartElement("sitemapindex", Namespace);
            foreach (var file in files)
            {
                writer.WriteStartElement("sitemap", Namespace);
                writer.WriteElementString("loc", Namespace, request.Absolute($"/sitemaps/{file}.xml"));
                if (changed is not null)
                    writer.WriteElementString("lastmod", Namespace, changed);
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }, "application/xml");
    }

    public static async Task<IResult> FileAsync(string kind, int number, HttpRequest request, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        // One address a file: the number as the index writes it (not "01" or "+1"), and none past what an int can skip.
        if (number < 1 || number > int.MaxValue / UrlsPerFile
            || request.RouteValues["number"] as string != number.ToString(CultureInfo.InvariantCulture))
            return TypedResults.NotFound();
        var skip = (number - 1) * UrlsPerFile;
        // In primary-key order: a file lists the same addresses on every replica.
        var paths = kind switch
        {
            "topics" => (await db.Topics.OrderBy(t => t.Id).Skip(skip).Take(UrlsPerFile).Select(t => t.Slug).ToListAsync(cancellationToken))
                .Select(ArchiveUrls.Topic).ToList(),
            "quotes" => (await db.Quotes.OrderBy(q => q.Id).Skip(skip).Take(UrlsPerFile).Select(q => q.Id).ToListAsync(cancellationToken))
                .Select(ArchiveUrls.Quote).ToList(),
            _ => [],
        };
        if (paths.Count == 0)
            return TypedResults.NotFound();
        var changed = await LastChangedAsync(db, cancellationToken);
        return DiscoveryEndpoints.Xml(writer =>
        {
            writer.WriteStartElement("urlset", Namespace);
            foreach (var path in paths)
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, request.Absolute(path));
                if (changed is not null)
                    writer.WriteElementString("lastmod", Namespace, changed);
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }, "application/xml");
    }

    private static int Pages(int count, int perFile) => (count + perFile - 1) / perFile;

    // A page can change only when the archive is built again (a newer revision of its wiki page, or a newer importer
    // reading it otherwise): the build's time, the same for every page, tells a crawler that nothing changed since.
    private static async Task<string?> LastChangedAsync(ArchiveDbContext db, CancellationToken cancellationToken) =>
        (await db.Builds.OrderBy(b => b.Id).Select(b => (DateTimeOffset?)b.BuiltAt).FirstOrDefaultAsync(cancellationToken))
            ?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
