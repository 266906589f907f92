using Microsoft.Data.Sqlite;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Archive;

/// <summary>A quote's own columns and its author's, as every data reader of quotes selects and reads them.</summary>
internal static class QuoteColumns
{
    /// <summary>The columns, from <c>Quotes q</c> and <c>Authors a</c>, in the order <see cref="Read"/> reads them.</summary>
    public const string Select = "q.Id, q.Kind, q.Status, q.Text, q.Html, q.Author, q.Work, q.Year, a.Slug, a.Name, q.IsFeatured";

    public const int Count = 11;

    /// <summary>The quote whose columns start at <paramref name="first"/>, without its lines.</summary>
    public static QuoteView Read(SqliteDataReader reader, int first, TopicRef topic, SectionRef section) => new()
    {
        Id = reader.GetString(first),
        Kind = (QuoteKind)reader.GetInt32(first + 1),
        Status = (QuoteStatus)reader.GetInt32(first + 2),
        Text = reader.GetString(first + 3),
        Html = reader.GetStringOrNull(first + 4),
        Author = reader.GetStringOrNull(first + 5),
        Work = reader.GetStringOrNull(first + 6),
        Year = reader.GetStringOrNull(first + 7),
        AuthorSlug = reader.GetStringOrNull(first + 8),
        AuthorName = reader.GetStringOrNull(first + 9),
        IsFeatured = reader.GetBoolean(first + 10),
        Attribution = [],
        Topic = topic,
        Section = section,
    };
}
