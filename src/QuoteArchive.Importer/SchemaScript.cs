using System.Text.RegularExpressions;

namespace QuoteArchive.Importer;

/// <summary>
/// The schema EF Core would create, in two parts: the tables, created before the import writes, and the indexes,
/// created once the rows are in. SQLite builds an index over rows already written by sorting them, which is many
/// times faster than keeping it in order through millions of inserts in random key order.
/// </summary>
internal sealed partial record SchemaScript(string Tables, IReadOnlyList<(string Table, string Statement)> IndexStatements)
{
    public static SchemaScript Split(string script)
    {
        var statements = script.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length > 0 && s != ";").ToList();
        var indexes = statements.Where(IsIndex).ToList();
        return new(Join(statements.Except(indexes)), indexes.Select(i => (TableOf(i), i)).ToList());
    }

    private static bool IsIndex(string statement) =>
        statement.StartsWith("CREATE INDEX", StringComparison.OrdinalIgnoreCase)
        || statement.StartsWith("CREATE UNIQUE INDEX", StringComparison.OrdinalIgnoreCase);

    private static string TableOf(string index) => IndexOn().Match(index) is { Success: true } on
        ? on.Groups["table"].Value
        : throw new InvalidOperationException($"an index EF Core's script creates in a shape this importer does not read: {index}");

    /// <summary>The indexes of the tables named: each has at least one.</summary>
    public string IndexesOf(params string[] tables) => tables.FirstOrDefault(t => IndexStatements.All(i => i.Table != t)) is { } none
        ? throw new InvalidOperationException($"the schema has no index on {none}")
        : Join(IndexStatements.Where(i => tables.Contains(i.Table)).Select(i => i.Statement));

    /// <summary>The indexes of every other table.</summary>
    public string IndexesBut(params string[] tables) => Join(IndexStatements.Where(i => !tables.Contains(i.Table)).Select(i => i.Statement));

    private static string Join(IEnumerable<string> statements) => string.Concat(statements.Select(s => s.TrimEnd(';') + ";\n"));

    [GeneratedRegex("""^CREATE (?:UNIQUE )?INDEX "[^"]+" ON "(?<table>[^"]+)" """, RegexOptions.IgnoreCase)]
    private static partial Regex IndexOn();
}
