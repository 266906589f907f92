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
        var indexes = statements.Select(s => (Match: IndexOn().Match(s), Statement: s)).Where(i => i.Match.Success).ToList();
        var tables = statements.Except(indexes.Select(i => i.Statement)).ToList();
        if (tables.FirstOrDefault(s => s.Contains("INDEX", StringComparison.OrdinalIgnoreCase) && !s.StartsWith("CREATE TABLE", StringComparison.OrdinalIgnoreCase)) is { } unread)
            throw new InvalidOperationException($"an index EF Core's script creates in a shape this importer does not read: {unread}");
        return new(Join(tables), indexes.Select(i => (i.Match.Groups[1].Value, i.Statement)).ToList());
    }

    /// <summary>The indexes of the tables named: each has at least one.</summary>
    public string IndexesOf(params string[] tables) => tables.FirstOrDefault(t => IndexStatements.All(i => i.Table != t)) is { } none
        ? throw new InvalidOperationException($"the schema has no index on {none}")
        : Join(IndexStatements.Where(i => tables.Contains(i.Table)).Select(i => i.Statement));

    /// <summary>The indexes of every other table.</summary>
    public string IndexesBut(params string[] tables) => Join(IndexStatements.Where(i => !tables.Contains(i.Table)).Select(i => i.Statement));

    private static string Join(IEnumerable<string> statements) => string.Concat(statements.Select(s => s.TrimEnd(';') + ";\n"));

    [GeneratedRegex("""^CREATE (?:UNIQUE )?INDEX "[^"]+" ON "([^"]+)" """, RegexOptions.IgnoreCase)]
    private static partial Regex IndexOn();
}
