using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Quotes;

/// <summary>A quote as schema.org data (JSON-LD) for search engines and link previews.</summary>
public static partial class LinkedData
{
    // The default encoder escapes <, > and & as \u003C …: a quote saying "</script>" cannot close the block it sits in.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>A <c>schema.org/Quotation</c>, serialised for a <c>&lt;script type="application/ld+json"&gt;</c> block.</summary>
    public static string Quotation(QuoteView quote, HttpRequest request)
    {
        var topic = quote.Topic;
        var url = request.Absolute(quote.Url);
        var quotation = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Quotation",
            ["@id"] = url,
            ["url"] = url,
            ["text"] = quote.Text,
            ["inLanguage"] = topic.Language,
            ["image"] = request.Absolute(quote.Url + ".png"),
            ["isPartOf"] = new JsonObject { ["@type"] = "CollectionPage", ["name"] = topic.Title, ["url"] = request.Absolute(ArchiveUrls.Topic(topic.Slug)) },
            ["license"] = License(topic),
            ["isBasedOn"] = (topic.Revision is { } revision ? WikiRevisions.RevisionUrl(topic.SourceUrl, revision.Id) : null) ?? topic.SourceUrl,
        };
        if (Byline.AuthorOf(quote) is { } author)
        {
            var person = new JsonObject { ["@type"] = "Person", ["name"] = author };
            if (quote.AuthorUrl is { } authorUrl)
                person["url"] = request.Absolute(authorUrl);
            quotation["creator"] = person;
        }
        if (quote.Year is { } year && Year().IsMatch(year))
            quotation["dateCreated"] = year;
        if (quote.Work is { } work)
        {
            var cited = new JsonObject { ["@type"] = "CreativeWork", ["name"] = work };
            if (quotation["dateCreated"] is not null)
                cited["dateCreated"] = quote.Year;
            quotation["citation"] = cited;
        }
        // "Quotes about …": said of the topic, not by it.
        if (quote.Status == QuoteStatus.About)
            quotation["about"] = new JsonObject { ["@type"] = "Thing", ["name"] = topic.Title, ["url"] = request.Absolute(ArchiveUrls.Topic(topic.Slug)) };
        return quotation.ToJsonString(Options);
    }

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex Year();

    // schema.org's license is a URL or a CreativeWork: the deed where the version is known, else the licence by name.
    private static JsonNode License(TopicRef topic) => ArchiveMarkup.LicenseUrl(topic.License) is { } deed
        ? JsonValue.Create(deed)
        : new JsonObject { ["@type"] = "CreativeWork", ["name"] = topic.StatedLicense };
}
