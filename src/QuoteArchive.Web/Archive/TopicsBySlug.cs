using Microsoft.Data.Sqlite;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Archive;

/// <summary>
/// Which of some slugs the archive holds, and in which language, read from the slugs' index with a data reader: on
/// every topic page and every 301 or 404 of one, where EF's building of the query cost more than the lookup.
/// </summary>
internal static class TopicsBySlug
{
    public static Task<List<(string Slug, string Language)>> FindAsync(ArchiveDbContext db, IEnumerable<string> slugs,
        CancellationToken cancellationToken) =>
        db.ReadAsync(statements => FindAsync(statements, slugs, cancellationToken), cancellationToken);

    public static async Task<List<(string Slug, string Language)>> FindAsync(ArchiveStatements statements, IEnumerable<string> slugs,
        CancellationToken cancellationToken)
    {
        var distinct = slugs.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
            return [];
        // One statement for each number of slugs, each prepared once.
        var command = statements.Command($"SELECT Slug, Language FROM Topics WHERE Slug IN ({string.Join(", ", distinct.Select((_, i) => "$s" + i))})");
        for (var i = 0; i < distinct.Count; i++)
            command.Parameters.AddWithValue("$s" + i, distinct[i]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<(string, string)>();
        while (reader.Read())
            found.Add((reader.GetString(0), reader.GetString(1)));
        return found;
    }
}
