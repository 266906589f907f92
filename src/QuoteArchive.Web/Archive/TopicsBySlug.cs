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
        db.ReadAsync(connection => FindAsync(connection, slugs, cancellationToken), cancellationToken);

    public static async Task<List<(string Slug, string Language)>> FindAsync(SqliteConnection connection, IEnumerable<string> slugs,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var names = new List<string>();
        foreach (var slug in slugs.Distinct(StringComparer.Ordinal))
        {
            names.Add("$s" + names.Count);
            command.Parameters.AddWithValue(names[^1], slug);
        }
        if (names.Count == 0)
            return [];
        command.CommandText = $"SELECT Slug, Language FROM Topics WHERE Slug IN ({string.Join(", ", names)})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<(string, string)>();
        while (reader.Read())
            found.Add((reader.GetString(0), reader.GetString(1)));
        return found;
    }
}
