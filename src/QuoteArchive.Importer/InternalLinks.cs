using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

/// <summary>
/// A wiki link in a page (<c>[[Love]]</c>) is rendered as a link to the archive's topic, <c>/wiki/Love</c>. Which
/// topics the archive has is known only when every file is written: then the links to topics it lacks are pointed
/// at the page on the wiki of the linking topic's language instead.
/// </summary>
internal static partial class InternalLinks
{
    /// <summary>What a rendered link to a topic starts with: a row whose HTML lacks it has none to resolve.</summary>
    public const string Marker = "href=\"/wiki/";

    /// <summary>Points the links of the rows the writer noted (<see cref="ArchiveWriter.RowsWithWikiLinks"/>) at the wiki
    /// where the archive lacks their topic.</summary>
    public static void Resolve(SqliteConnection connection, ImportOptions options, ArchiveWriter writer)
    {
        // Two statements per table, prepared once: a dump's links to pages it lacks are hundreds of thousands of rows.
        foreach (var table in writer.RowsWithWikiLinks.GroupBy(r => r.Table))
        {
            using var read = new PreparedStatement(connection, table.Key, $"SELECT Html FROM \"{table.Key}\" WHERE rowid = ?");
            using var update = new PreparedStatement(connection, table.Key, $"UPDATE \"{table.Key}\" SET Html = ? WHERE rowid = ?");
            foreach (var row in table)
            {
                var written = read.ReadText(row.RowId)!;
                var resolved = WikiHref().Replace(written, link =>
                {
                    var slug = Slugs.Canonicalize(WebUtility.HtmlDecode(link.Groups["path"].Value));
                    return writer.HasTopic(slug)
                        ? link.Value
                        : $"href=\"{WebUtility.HtmlEncode(options.SourceUrlFor(row.Language, slug))}{link.Groups["fragment"].Value}\"";
                });
                if (resolved != written)
                    update.Run(resolved, row.RowId);
            }
        }
    }

    [GeneratedRegex("href=\"/wiki/(?<path>[^\"#]*)(?<fragment>#[^\"]*)?\"")]
    private static partial Regex WikiHref();
}

/// <summary>A row whose HTML holds a link to a topic: its table, its rowid, and the language of its topic.</summary>
internal sealed record WikiLinkRow(string Table, long RowId, string Language);
