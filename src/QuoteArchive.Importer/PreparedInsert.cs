using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace QuoteArchive.Importer;

/// <summary>
/// An INSERT prepared once and run with new values for each row, in the connection's open transaction. It binds
/// through SQLite's own interface (the library under Microsoft.Data.Sqlite): an import writes millions of rows, and
/// the command layer's parameter objects and checks cost more than the insert itself.
/// </summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;

    public string Table { get; }
    public IReadOnlyList<string> Columns { get; }

    public PreparedInsert(SqliteConnection connection, string table, params string[] columns)
    {
        (Table, Columns) = (table, columns);
        database = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                  $"VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        Check(raw.sqlite3_prepare_v2(database, sql, out statement));
    }

    public void Run(params object?[] values) => Check(Step(values));

    /// <summary>The rowid of the row the last successful insert wrote.</summary>
    public long LastRowId => raw.sqlite3_last_insert_rowid(database);

    /// <summary>Inserts the row; false (and nothing written) when a unique key of the table already holds its values.</summary>
    public bool TryRun(params object?[] values)
    {
        var result = Step(values);
        if ((result & 0xff) == raw.SQLITE_CONSTRAINT && raw.sqlite3_extended_errcode(database) is raw.SQLITE_CONSTRAINT_PRIMARYKEY or raw.SQLITE_CONSTRAINT_UNIQUE)
            return false;
        Check(result);
        return true;
    }

    private int Step(object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var column = i + 1;
            Check(values[i] switch
            {
                null => raw.sqlite3_bind_null(statement, column),
                string text => raw.sqlite3_bind_text(statement, column, text),
                int number => raw.sqlite3_bind_int64(statement, column, number),
                long number => raw.sqlite3_bind_int64(statement, column, number),
                bool flag => raw.sqlite3_bind_int(statement, column, flag ? 1 : 0),
                double number => raw.sqlite3_bind_double(statement, column, number),
                var other => throw new ArgumentException($"{Table}.{Columns[i]}: no SQLite type for {other.GetType().Name}"),
            });
        }
        var stepped = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        return stepped;
    }

    private void Check(int result)
    {
        if (result is not raw.SQLITE_OK and not raw.SQLITE_DONE)
            throw new SqliteException($"{Table}: {raw.sqlite3_errmsg(database).utf8_to_string()}", result);
    }

    public void Dispose() => statement.Dispose();
}
