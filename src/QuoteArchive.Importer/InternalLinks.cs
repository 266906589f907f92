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
    // Every table whose rendered HTML may hold a wiki link, with the language of the topic each row belongs to.
    private static readonly string[] RowsWithLinks =
    [
        "SELECT x.rowid, 'Quotes', x.Html, t.Language FROM Quotes x JOIN Topics t ON t.Id = x.TopicId",
        "SELECT x.rowid, 'AttributionLines', x.Html, t.Language FROM AttributionLines x JOIN Quotes q ON q.Id = x.QuoteId JOIN Topics t ON t.Id = q.TopicId",
        "SELECT x.rowid, 'QuoteNotes', x.Html, t.Language FROM QuoteNotes x JOIN Quotes q ON q.Id = x.QuoteId JOIN Topics t ON t.Id = q.TopicId",
        "SELECT x.rowid, 'Paragraphs', x.Html, t.Language FROM Paragraphs x LEFT JOIN Sections s ON s.Id = x.SectionId JOIN Topics t ON t.Id = coalesce(x.TopicId, s.TopicId)",
        "SELECT x.rowid, 'ListItems', x.Html, t.Language FROM ListItems x JOIN Sections s ON s.Id = x.SectionId JOIN Topics t ON t.Id = s.TopicId",
    ];

    public static void Resolve(SqliteConnection connection, SqliteTransaction transaction, ImportOptions options)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        using (var command = Command(connection, transaction, "SELECT Slug FROM Topics"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                slugs.Add(reader.GetString(0));
        }

        var changes = new List<(long RowId, string Table, string Html)>();
        foreach (var query in RowsWithLinks)
        {
            // Each query's first table is "x": the one whose HTML it reads.
            using var command = Command(connection, transaction, query + " WHERE instr(x.Html, 'href=\"/wiki/') > 0");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var (html, language) = (reader.GetString(2), reader.GetString(3));
                var resolved = WikiHref().Replace(html, link =>
                {
                    var slug = Slugs.Canonicalize(WebUtility.HtmlDecode(link.Groups["path"].Value));
                    return slugs.Contains(slug)
                        ? link.Value
                        : $"href=\"{WebUtility.HtmlEncode(options.SourceUrlFor(language, slug))}{link.Groups["fragment"].Value}\"";
                });
                if (resolved != html)
                    changes.Add((reader.GetInt64(0), reader.GetString(1), resolved));
            }
        }
        // One statement per table, prepared once: a dump's links to pages it lacks are hundreds of thousands of rows.
        foreach (var table in changes.GroupBy(c => c.Table))
        {
            using var update = Command(connection, transaction, $"UPDATE \"{table.Key}\" SET Html = $html WHERE rowid = $row");
            var html = update.Parameters.Add("$html", SqliteType.Text);
            var row = update.Parameters.Add("$row", SqliteType.Integer);
            foreach (var change in table)
            {
                (html.Value, row.Value) = (change.Html, change.RowId);
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
