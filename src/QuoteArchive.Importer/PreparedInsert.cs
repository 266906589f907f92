using Microsoft.Data.Sqlite;
using SQLitePCL;

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

    public void Run(params object?[] values) => statement.Run(values);

    /// <summary>The rowid of the row the last successful insert wrote.</summary>
    public long LastRowId => statement.LastRowId;

    /// <summary>Inserts the row; false (and nothing written) when a unique key of the table already holds its values.</summary>
    public bool TryRun(params object?[] values)
    {
        var result = statement.Step(values);
        if ((result & 0xff) == raw.SQLITE_CONSTRAINT && statement.ExtendedErrorCode is raw.SQLITE_CONSTRAINT_PRIMARYKEY or raw.SQLITE_CONSTRAINT_UNIQUE)
            return false;
        statement.Check(result);
        return true;
    }

    public void Dispose() => statement.Dispose();
}
