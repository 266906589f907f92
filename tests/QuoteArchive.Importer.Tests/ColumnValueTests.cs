using Microsoft.Data.Sqlite;

namespace QuoteArchive.Importer.Tests;

/// <summary>The values the writer binds, unboxed: each must reach SQLite as the type and value it was.</summary>
public sealed class ColumnValueTests
{
    [Fact]
    public void EachValueIsStoredWithItsOwnTypeAndValue()
    {
        using var connection = WithTable("CREATE TABLE Bound (Value)");
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

    [Fact]
    public void AStatementRunWithTooFewValuesIsRefusedRatherThanGivenTheLastRowsOnes()
    {
        using var connection = WithTable("CREATE TABLE Pairs (First, Second)");
        using var insert = new PreparedInsert(connection, "Pairs", "First", "Second");
        insert.Run("a", "b");

        var refused = Assert.Throws<ArgumentException>(() => insert.Run("c"));
        Assert.Contains("Pairs: 1 values for 2 parameters", refused.Message);
        Assert.Throws<ArgumentException>(() => insert.Run(null));
    }

    private static SqliteConnection WithTable(string create)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = create;
        command.ExecuteNonQuery();
        return connection;
    }
}
