using System.Text;
using System.Xml;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Hosting;

namespace QuoteArchive.Web.Discovery;

/// <summary>How readers, feed readers, browsers and crawlers find the archive: the feed, sitemaps, robots.txt, OpenSearch.</summary>
public static class DiscoveryEndpoints
{
    public const string OpenSearchType = "application/opensearchdescription+xml";

    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder routes)
    {
        routes.MapRead("/feed.atom", Feed.AtomAsync);
        routes.MapRead("/sitemap.xml", Sitemaps.IndexAsync);
        routes.MapRead("/sitemaps/{kind}-{number:int}.xml", Sitemaps.FileAsync);
        routes.MapRead("/robots.txt", (HttpRequest request) => TypedResults.Text(
            // Search results and random picks are endless; the API repeats the pages.
            $"User-agent: *\nDisallow: /api/\nDisallow: /search\nDisallow: /random\n\nSitemap: {request.Absolute("/sitemap.xml")}\n",
            "text/plain; charset=utf-8"));
        routes.MapRead("/opensearch.xml", (HttpRequest request) => Xml(writer =>
        {
            const string ns = "http://a9.com/-/spec/opensearch/1.1/";
            writer.WriteStartElement("OpenSearchDescription", ns);
            writer.WriteElementString("ShortName", ns, ArchiveUrls.SiteName);
            writer.WriteElementString("Description", ns, $"Search the quotations of {ArchiveUrls.SiteName}");
            writer.WriteElementString("InputEncoding", ns, "UTF-8");
            writer.WriteStartElement("Url", ns);
            writer.WriteAttributeString("type", "text/html");
            writer.WriteAttributeString("method", "get");
            writer.WriteAttributeString("template", request.Absolute("/search?q={searchTerms}"));
            writer.WriteEndElement();
            writer.WriteStartElement("Url", ns);
            writer.WriteAttributeString("type", OpenSearchType);
            writer.WriteAttributeString("rel", "self");
            writer.WriteAttributeString("template", request.Absolute("/opensearch.xml"));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }, OpenSearchType));
        return routes;
    }

    /// <summary>An XML answer written with an <see cref="XmlWriter"/>, never by concatenation: content is escaped by the writer.</summary>
    public static IResult Xml(Action<XmlWriter> write, string contentType)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            write(writer);
        return TypedResults.Bytes(buffer.ToArray(), contentType + "; charset=utf-8");
    }
}
