namespace QuoteArchive.Importer;

/// <summary>
/// The archive's schema (<see cref="Storage.ArchiveSchema.CreateScript"/>) in two parts: the tables, created before
/// the import writes, and the indexes, created once the rows are in. SQLite builds an index over rows already written
/// by sorting them, which is many times faster than keeping it in order through millions of inserts in random key order.
/// </summary>
internal sealed record SchemaScript(string Tables, string Indexes)
{
    public static SchemaScript Split(string script)
    {
        var statements = script.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length > 0 && s != ";").ToList();
        var indexes = statements.Where(IsIndex).ToList();
        return new(Join(statements.Except(indexes)), Join(indexes));
    }

    private static bool IsIndex(string statement) =>
        statement.StartsWith("CREATE INDEX", StringComparison.OrdinalIgnoreCase)
        || statement.StartsWith("CREATE UNIQUE INDEX", StringComparison.OrdinalIgnoreCase);

    private static string Join(IEnumerable<string> statements) => string.Concat(statements.Select(s => s.TrimEnd(';') + ";\n"));
}
