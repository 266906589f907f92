using Microsoft.Data.Sqlite;

namespace QuoteArchive.Importer;

/// <summary>
/// The names a page could not confirm (<c>Ovid, Metamorphoses, II. 846.</c> in page text, with no link and no plain line
/// naming Ovid), confirmed by the whole archive once it is written: a person's page of that name makes it the quote's
/// author, before the author index links it. The search index has those quotes without an author: they are indexed
/// again with it.
/// </summary>
internal static class UnsureAuthors
{
    /// <returns>the rows given an author, each indexed for search without one</returns>
    public static List<(long RowId, string? IndexedAuthor)> Confirm(SqliteConnection connection, SqliteTransaction transaction, ArchiveWriter writer)
    {
        var confirmed = new List<(long, string?)>();
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        // The work and year its page gave it (a film's page: the film) stand where the line names none.
        update.CommandText = "UPDATE Quotes SET Author = $author, Work = coalesce($work, Work), Year = coalesce($year, Year) WHERE rowid = $row";
        var (row, author, work, year) = (update.Parameters.Add("$row", SqliteType.Integer), update.Parameters.Add("$author", SqliteType.Text),
            update.Parameters.Add("$work", SqliteType.Text), update.Parameters.Add("$year", SqliteType.Text));
        foreach (var (rowId, fields) in writer.Unsure.Where(u => writer.Persons.HasPage(u.Fields.Author)))
        {
            (row.Value, author.Value, work.Value, year.Value) = (rowId, fields.Author, (object?)fields.Work ?? DBNull.Value, (object?)fields.Year ?? DBNull.Value);
            update.ExecuteNonQuery();
            writer.Authors.Named(rowId, fields.Author, personId: null);
            confirmed.Add((rowId, null));
        }
        return confirmed;
    }
}
