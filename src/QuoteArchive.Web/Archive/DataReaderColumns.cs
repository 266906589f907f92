using Microsoft.Data.Sqlite;

namespace QuoteArchive.Web.Archive;

internal static class DataReaderColumns
{
    public static string? GetStringOrNull(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
