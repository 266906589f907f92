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
        string? prefix = null;
        var copied = 0;
        foreach (Match link in WikiHref().Matches(html))
        {
            var slug = SlugOf(link);
            if (hasTopic(slug))
                continue;
            written ??= new StringBuilder(html.Length + 64);
            written.Append(html, copied, link.Index - copied);
            var wiki = WikiHrefOf(link, language, options);
            // Most links are written as the wiki's address would be (wikitext's always are): then the link to the
            // topic is known from the address, and is not kept (hundreds of thousands of rows in a dump).
            prefix ??= WikiPrefix(language, options);
            var local = string.Equals(LocalOf(wiki, prefix), link.Value, StringComparison.Ordinal) ? null : link.Value;
            (links ??= []).Add(new(written.Length, HashOf(slug), local));
            written.Append(wiki);
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
        var topics = writer.TopicSlugs.Select(HashOf).ToHashSet();
        // Two statements per table, prepared once: a dump may have hundreds of thousands of such rows.
        foreach (var table in writer.RowsWithDeferredLinks.Where(row => row.Links.Any(l => topics.Contains(l.SlugHash))).GroupBy(r => r.Table))
        {
            using var read = new PreparedStatement(connection, table.Key, $"SELECT Html FROM \"{table.Key}\" WHERE rowid = ?");
            using var update = new PreparedStatement(connection, table.Key, $"UPDATE \"{table.Key}\" SET Html = ? WHERE rowid = ?");
            foreach (var row in table)
            {
                var written = read.ReadText(row.RowId)!;
                var resolved = PointBack(written, row, options, writer.HasTopic);
                if (!ReferenceEquals(resolved, written))
                    update.Run(resolved, row.RowId);
            }
        }
    }

    private static string PointBack(string written, RowWithDeferredLinks row, ImportOptions options, Func<string, bool> hasTopic)
    {
        var prefix = WikiPrefix(row.Language, options);
        StringBuilder? resolved = null;
        var copied = 0;
        foreach (var link in row.Links)
        {
            // The wiki's address as it was written there (a row's text reads back as long as it was written: SQLite
            // stores a lone surrogate as U+FFFD), and the link to the topic it stands for.
            var end = written.IndexOf('"', Math.Min(link.Offset + prefix.Length, written.Length));
            if (link.Offset < copied || end < 0)
                continue;
            var wiki = written[link.Offset..(end + 1)];
            var local = LocalOf(wiki, prefix) is { } derived ? link.Local ?? derived : null;
            if (local is null || !hasTopic(SlugOf(WikiHref().Match(local))))
                continue;
            resolved ??= new StringBuilder(written.Length);
            resolved.Append(written, copied, link.Offset - copied).Append(local);
            copied = end + 1;
        }
        return resolved is null ? written : resolved.Append(written, copied, written.Length - copied).ToString();
    }

    // The link to the topic that the wiki's address stands for: href="/wiki/…" with the address's path and part.
    private static string? LocalOf(string wiki, string prefix) =>
        wiki.StartsWith(prefix, StringComparison.Ordinal) && wiki.Length > prefix.Length ? Marker + wiki[prefix.Length..] : null;

    private static string WikiPrefix(string language, ImportOptions options) =>
        "href=\"" + WebUtility.HtmlEncode(options.SourceUrlFor(language, ""));

    // Within one run only: which deferred links may have arrived, each then checked by its slug.
    private static int HashOf(string slug) => StringComparer.Ordinal.GetHashCode(slug);

    private static string SlugOf(Match link) => Slugs.Canonicalize(PathAndFragment(link).Path);

    private static string WikiHrefOf(Match link, string language, ImportOptions options)
    {
        var (path, fragment) = PathAndFragment(link);
        return $"href=\"{WebUtility.HtmlEncode(options.SourceUrlFor(language, Slugs.Canonicalize(path)) + fragment)}\"";
    }

    // The link's address as written, HTML-decoded first: the "#" of "&#39;" in Hitchhiker&#39;s is no fragment. A
    // title never holds a "#".
    private static (string Path, string Fragment) PathAndFragment(Match link)
    {
        var address = WebUtility.HtmlDecode(link.Groups["address"].Value);
        var hash = address.IndexOf('#');
        return hash < 0 ? (address, "") : (address[..hash], address[hash..]);
    }

    [GeneratedRegex("href=\"/wiki/(?<address>[^\"]*)\"")]
    private static partial Regex WikiHref();
}

/// <summary>A link to a topic not written yet, pointed at the wiki: where it starts in the HTML written, the hash of
/// the topic's slug, and the link to the topic as it was unless the wiki's address says it.</summary>
internal readonly record struct DeferredLink(int Offset, int SlugHash, string? Local);

/// <summary>A row whose HTML holds links to topics not written before it: its table, its rowid, the language of its
/// topic, and those links in order.</summary>
internal readonly record struct RowWithDeferredLinks(string Table, long RowId, string Language, DeferredLink[] Links);
