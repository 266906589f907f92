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
    public static void Resolve(SqliteConnection connection, SqliteTransaction transaction, ImportOptions options, ArchiveWriter writer)
    {
        // Two statements per table, prepared once: a dump's links to pages it lacks are hundreds of thousands of rows.
        foreach (var table in writer.RowsWithWikiLinks.GroupBy(r => r.Table))
        {
            using var read = Command(connection, transaction, $"SELECT Html FROM \"{table.Key}\" WHERE rowid = $row");
            var readRow = read.Parameters.Add("$row", SqliteType.Integer);
            using var update = Command(connection, transaction, $"UPDATE \"{table.Key}\" SET Html = $html WHERE rowid = $row");
            var html = update.Parameters.Add("$html", SqliteType.Text);
            var updateRow = update.Parameters.Add("$row", SqliteType.Integer);
            foreach (var row in table)
            {
                readRow.Value = row.RowId;
                var written = (string)read.ExecuteScalar()!;
                var resolved = WikiHref().Replace(written, link =>
                {
                    var slug = Slugs.Canonicalize(WebUtility.HtmlDecode(link.Groups["path"].Value));
                    return writer.HasTopic(slug)
                        ? link.Value
                        : $"href=\"{WebUtility.HtmlEncode(options.SourceUrlFor(row.Language, slug))}{link.Groups["fragment"].Value}\"";
                });
                if (resolved == written)
                    continue;
                (html.Value, updateRow.Value) = (resolved, row.RowId);
                update.ExecuteNonQuery();
            }
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    [GeneratedRegex("href=\"/wiki/(?<path>[^\"#]*)(?<fragment>#[^\"]*)?\"")]
    private static partial Regex WikiHref();
}

/// <summary>A row whose HTML holds a link to a topic: its table, its rowid, and the language of its topic.</summary>
internal sealed record WikiLinkRow(string Table, long RowId, string Language);
