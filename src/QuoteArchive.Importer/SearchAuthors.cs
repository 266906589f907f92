using System.Text;
using Microsoft.Data.Sqlite;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

/// <summary>
/// The author column of a quote's row in the search index, which is filled as the quotes are written, before the
/// author index exists: a quote on a person's page is by the person (the page's title), any other by the name it
/// gives, cleaned as the author index cleans names. The author index may then name that author with another spelling
/// (the first it met of names equal but for case): those quotes are indexed again with the name QuotesFtsContent shows.
/// </summary>
internal static class SearchAuthors
{
    public static string? Of(string? author, int? personAuthorId, string topicTitle) =>
        personAuthorId is not null ? topicTitle : (author is null ? null : AuthorIndex.CleanName(author) ?? author);

    /// <summary>
    /// The quotes indexed with a spelling of their author that gives other words than the author index's name, each
    /// with the spelling it was indexed with.
    /// </summary>
    /// <param name="nameByRaw">the author index's name of each raw author name it spells otherwise</param>
    public static List<(long RowId, string? IndexedAuthor)> Respelled(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyDictionary<string, string> nameByRaw, PersonAuthors persons)
    {
        var respelled = new List<(long, string?)>();
        if (nameByRaw.Count == 0)
            return respelled;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT rowid, Author, TopicId, Status FROM Quotes WHERE Author IS NOT NULL ORDER BY rowid";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // A quote on its person's page was indexed with the page's title, which is the author index's name.
            if (!nameByRaw.TryGetValue(reader.GetString(1), out var name)
                || PersonAuthors.AuthorOf((QuoteStatus)reader.GetInt32(3), persons.IdOfTopic(reader.GetInt32(2))) is not null)
                continue;
            var indexed = Of(reader.GetString(1), null, "");
            if (!SameWords(indexed!, name))
                respelled.Add((reader.GetInt64(0), indexed));
        }
        return respelled;
    }

    // FTS5's tokenizer folds case as Unicode's simple mappings do, but from tables of its own version: only ASCII
    // letters are sure to fold alike.
    private static bool SameWords(string a, string b) => Ascii.IsValid(a) && Ascii.IsValid(b) && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
