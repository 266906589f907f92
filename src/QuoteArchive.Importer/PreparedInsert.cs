using Microsoft.Data.Sqlite;

namespace QuoteArchive.Importer;

/// <summary>An INSERT prepared once and run with new values for each row, in the connection's open transaction.</summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly PreparedStatement statement;

    public string Table => statement.Table;
    public IReadOnlyList<string> Columns { get; }

    public PreparedInsert(SqliteConnection connection, string table, params string[] columns)
    {
        Columns = columns;
        statement = new(connection, table, $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                                            $"VALUES ({string.Join(", ", columns.Select(_ => "?"))})");
    }

    public void Run(params ReadOnlySpan<ColumnValue> values) => statement.Run(values);

    /// <summary>The rowid of the row the last successful insert wrote.</summary>
    public long LastRowId => statement.LastRowId;

    public void Dispose() => statement.Dispose();
}
