using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace QuoteArchive.Importer;

/// <summary>
/// A statement prepared once and run with new values each time, bound through SQLite's own interface (the library
/// under Microsoft.Data.Sqlite): an import runs some statements millions of times, and the command layer's parameter
/// objects, readers and checks cost more than the statement itself.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    private readonly int parameters;

    /// <summary>The table the statement writes or reads, as errors name it.</summary>
    public string Table { get; }

    public PreparedStatement(SqliteConnection connection, string table, string sql)
    {
        Table = table;
        database = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(database, sql, out statement));
        parameters = raw.sqlite3_bind_parameter_count(statement);
    }

    /// <summary>Runs the statement to its end; throws when SQLite reports an error.</summary>
    public void Run(params ReadOnlySpan<ColumnValue> values)
    {
        Bind(values);
        Check(StepToTheEnd());
    }

    /// <summary>The first column of the first row the statement reads as text; null when it reads no row.</summary>
    public string? ReadText(params ReadOnlySpan<ColumnValue> values)
    {
        Bind(values);
        var stepped = raw.sqlite3_step(statement);
        var text = stepped == raw.SQLITE_ROW ? raw.sqlite3_column_text(statement, 0).utf8_to_string() : null;
        raw.sqlite3_reset(statement);
        Check(stepped);
        return text;
    }

    private int StepToTheEnd()
    {
        var stepped = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        return stepped;
    }

    /// <summary>Binds an integer to the parameter numbered from 1, for <see cref="Run()"/>.</summary>
    public void Bind(int parameter, long value) => Check(raw.sqlite3_bind_int64(statement, parameter, value));

    /// <summary>Binds UTF-8 text to the parameter numbered from 1, for <see cref="Run()"/>.</summary>
    public void Bind(int parameter, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(statement, parameter, utf8));

    /// <summary>Binds NULL to the parameter numbered from 1, for <see cref="Run()"/>.</summary>
    public void BindNull(int parameter) => Check(raw.sqlite3_bind_null(statement, parameter));

    /// <summary>Runs the statement to its end with the values bound one by one; throws when SQLite reports an error.</summary>
    public void Run() => Check(StepToTheEnd());

    /// <summary>The rowid of the row the connection's last successful insert wrote.</summary>
    public long LastRowId => raw.sqlite3_last_insert_rowid(database);

    // SQLite keeps a parameter's value from one run to the next: a value left out would be the last row's.
    private void Bind(ReadOnlySpan<ColumnValue> values)
    {
        if (values.Length != parameters)
            throw new ArgumentException($"{Table}: {values.Length} values for {parameters} parameters");
        for (var i = 0; i < values.Length; i++)
            Check(values[i].BindTo(statement, i + 1));
    }

    public void Check(int result)
    {
        if (result is not raw.SQLITE_OK and not raw.SQLITE_DONE and not raw.SQLITE_ROW)
            throw new SqliteException($"{Table}: {raw.sqlite3_errmsg(database).utf8_to_string()}", result);
    }

    public void Dispose() => statement.Dispose();
}
