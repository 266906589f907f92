namespace QuoteArchive.Importer.Wikitext;

/// <summary>
/// One use of a template, <c>{{name|positional|key=value}}</c>: its parameters, rendered on demand (and once) with the
/// page's inline rules, so a template's rendering never reads raw wikitext.
/// </summary>
internal sealed class TemplateCall(InlineRenderer renderer, string name, List<(string Key, int From, int To)> parameters, int depth, List<RefNote> notes, int line)
{
    private readonly Dictionary<int, Piece> rendered = [];

    /// <summary>The name as MediaWiki reads it: trimmed, underscores as spaces, comments dropped.</summary>
    public string Name { get; } = name;
    public int Line { get; } = line;
    public PageContext Page => renderer.Page;
    public IEnumerable<string> Keys => parameters.Select(p => p.Key);

    /// <summary>The first of <paramref name="keys"/> that is given and not empty (positional parameters are "1", "2" …).</summary>
    public Piece Get(params string[] keys)
    {
        foreach (var key in keys)
            for (var k = 0; k < parameters.Count; k++)
                if (parameters[k].Key.Equals(key, StringComparison.OrdinalIgnoreCase) && Value(k) is { IsEmpty: false } value)
                    return value;
        return Piece.Empty;
    }

    public string Text(params string[] keys) => Get(keys).Text;

    /// <summary>The positional parameters ("1", "2" …) that are given and not empty, with their keys, in the order written.</summary>
    public IEnumerable<(string Key, Piece Value)> Positional() =>
        Enumerable.Range(0, parameters.Count)
            .Where(k => parameters[k].Key.Length > 0 && parameters[k].Key.All(char.IsAsciiDigit))
            .Select(k => (parameters[k].Key, Value(k)))
            .Where(p => !p.Item2.IsEmpty);

    /// <summary>Where a link to <paramref name="target"/> leads, as <c>[[target]]</c> would (<see cref="InlineRenderer.LinkAddress"/>).</summary>
    public string? LinkAddress(string target) => renderer.LinkAddress(target);

    public bool Has(string key) => parameters.Any(p => p.Key.Equals(key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every parameter's rendered value, in order: what an unknown template shows.</summary>
    public IEnumerable<Piece> Values() => Enumerable.Range(0, parameters.Count).Select(Value);

    private Piece Value(int k)
    {
        if (!rendered.TryGetValue(k, out var piece))
            rendered[k] = piece = renderer.Render(parameters[k].From, parameters[k].To, notes, depth + 1).Trim();
        return piece;
    }
}
