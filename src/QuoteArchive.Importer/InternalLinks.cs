using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

/// <summary>
/// A wiki link in a page (<c>[[Love]]</c>) is rendered as a link to the archive's topic, <c>/wiki/Love</c>, when the
/// archive has that topic, and else as a link to the page on the wiki of the linking topic's language. A row is
/// written with its links as they will most likely stay (<see cref="PointAtWiki"/>): those to topics written before it
/// local, the others at the wiki; once every topic is written, <see cref="Resolve"/> points back those whose topic came
/// later. A row that grew after it was written would split its page of the table: pointing every link at the topic
/// first and at the wiki afterwards left an eighth of AttributionLines' pages empty.
/// </summary>
internal static partial class InternalLinks
{
    /// <summary>What a rendered link to a topic starts with: a row whose HTML lacks it has none to resolve.</summary>
    public const string Marker = "href=\"/wiki/";

    /// <summary>
    /// The HTML to write for a row of a topic in <paramref name="language"/>: its links to topics the archive has so
    /// far as they are, the others pointed at the wiki and listed in <paramref name="deferred"/> (null when none).
    /// </summary>
    public static string PointAtWiki(string html, string language, ImportOptions options, Func<string, bool> hasTopic,
        out DeferredLink[]? deferred)
    {
        deferred = null;
        if (!html.Contains(Marker, StringComparison.Ordinal))
            return html;
        StringBuilder? written = null;
        List<DeferredLink>? links = null;
        var copied = 0;
        foreach (Match link in WikiHref().Matches(html))
        {
            if (hasTopic(SlugOf(link)))
                continue;
            written ??= new StringBuilder(html.Length + 64);
            written.Append(html, copied, link.Index - copied);
            (links ??= []).Add(new(written.Length, link.Value));
            written.Append(WikiHrefOf(link, language, options));
            copied = link.Index + link.Length;
        }
        if (written is null)
            return html;
        deferred = [.. links!];
        return written.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>Points back at their topics the links of the rows the writer noted (<see cref="ArchiveWriter.RowsWithDeferredLinks"/>)
    /// whose topic was written after them.</summary>
    public static void Resolve(SqliteConnection connection, ImportOptions options, ArchiveWriter writer)
    {
        // Two statements per table, prepared once: a dump may have hundreds of thousands of such rows.
        var arrived = writer.RowsWithDeferredLinks.Where(row => row.Links.Any(l => writer.HasTopic(SlugOf(l))));
        foreach (var table in arrived.GroupBy(r => r.Table))
        {
            using var read = new PreparedStatement(connection, table.Key, $"SELECT Html FROM \"{table.Key}\" WHERE rowid = ?");
            using var update = new PreparedStatement(connection, table.Key, $"UPDATE \"{table.Key}\" SET Html = ? WHERE rowid = ?");
            foreach (var row in table)
                update.Run(PointBack(read.ReadText(row.RowId)!, row, options, writer.HasTopic), row.RowId);
        }
    }

    private static string PointBack(string written, RowWithDeferredLinks row, ImportOptions options, Func<string, bool> hasTopic)
    {
        var resolved = new StringBuilder(written.Length);
        var copied = 0;
        foreach (var link in row.Links)
        {
            var local = WikiHref().Match(link.Local);
            var wiki = WikiHrefOf(local, row.Language, options);
            // Where the link was written; a text that SQLite could not store as it was (a lone surrogate) may have
            // moved it, and then the next link to that page after the last one is it.
            var at = string.CompareOrdinal(written, link.Offset, wiki, 0, wiki.Length) == 0 && link.Offset >= copied
                ? link.Offset
                : written.IndexOf(wiki, copied, StringComparison.Ordinal);
            if (at < 0 || !hasTopic(SlugOf(local)))
                continue;
            resolved.Append(written, copied, at - copied).Append(link.Local);
            copied = at + wiki.Length;
        }
        return resolved.Append(written, copied, written.Length - copied).ToString();
    }

    private static string SlugOf(Match link) => Slugs.Canonicalize(WebUtility.HtmlDecode(link.Groups["path"].Value));

    private static string SlugOf(DeferredLink link) => SlugOf(WikiHref().Match(link.Local));

    private static string WikiHrefOf(Match link, string language, ImportOptions options) =>
        $"href=\"{WebUtility.HtmlEncode(options.SourceUrlFor(language, SlugOf(link)))}{link.Groups["fragment"].Value}\"";

    [GeneratedRegex("href=\"/wiki/(?<path>[^\"#]*)(?<fragment>#[^\"]*)?\"")]
    private static partial Regex WikiHref();
}

/// <summary>A link to a topic not written yet, pointed at the wiki: where it starts in the HTML written, and the
/// link to the topic it was.</summary>
internal readonly record struct DeferredLink(int Offset, string Local);

/// <summary>A row whose HTML holds links to topics not written before it: its table, its rowid, the language of its
/// topic, and those links in order.</summary>
internal sealed record RowWithDeferredLinks(string Table, long RowId, string Language, DeferredLink[] Links);
