using SQLitePCL;

namespace QuoteArchive.Importer;

/// <summary>
/// A value bound to a parameter of a <see cref="PreparedStatement"/>: text, an integer or NULL, held as it is. The
/// writer binds a dozen values for each of millions of rows: as objects, each integer was boxed and each row an array.
/// </summary>
internal readonly struct ColumnValue
{
    private readonly string? text;
    private readonly long number;
    private readonly bool isNumber;

    private ColumnValue(string? text, long number, bool isNumber) => (this.text, this.number, this.isNumber) = (text, number, isNumber);

    public static ColumnValue Null => default;

    public static implicit operator ColumnValue(string? text) => new(text, 0, false);
    public static implicit operator ColumnValue(long number) => new(null, number, true);
    public static implicit operator ColumnValue(long? number) => number is { } value ? new(null, value, true) : default;
    public static implicit operator ColumnValue(bool flag) => new(null, flag ? 1 : 0, true);

    /// <summary>Binds the value to the parameter numbered from 1; SQLite's result code.</summary>
    public int BindTo(sqlite3_stmt statement, int parameter) =>
        isNumber ? raw.sqlite3_bind_int64(statement, parameter, number)
        : text is null ? raw.sqlite3_bind_null(statement, parameter)
        : raw.sqlite3_bind_text(statement, parameter, text);
}
