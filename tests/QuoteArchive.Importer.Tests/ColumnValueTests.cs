using Microsoft.Data.Sqlite;

namespace QuoteArchive.Importer.Tests;

/// <summary>The values the writer binds, unboxed: each must reach SQLite as the type and value it was.</summary>
public sealed class ColumnValueTests
{
    [Fact]
    public void EachValueIsStoredWithItsOwnTypeAndValue()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE Bound (Value)";
            create.ExecuteNonQuery();
        }
        int? noNumber = null;
        long? someNumber = 42;
        using (var insert = new PreparedInsert(connection, "Bound", "Value"))
        {
            insert.Run(ColumnValue.Null);
            insert.Run((string?)null);
            insert.Run("");
            insert.Run("née\nà la ligne");
            insert.Run(7);
            insert.Run(long.MinValue);
            insert.Run(true);
            insert.Run(false);
            insert.Run(noNumber);
            insert.Run(someNumber);
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT typeof(Value) || ' ' || quote(Value) FROM Bound ORDER BY rowid";
        using var reader = read.ExecuteReader();
        var stored = new List<string>();
        while (reader.Read())
            stored.Add(reader.GetString(0));
        Assert.Equal(["null NULL", "null NULL", "text ''", "text 'née\nà la ligne'", "integer 7", $"integer {long.MinValue}",
            "integer 1", "integer 0", "null NULL", "integer 42"], stored);
    }
}
