namespace QuoteArchive.Importer.Topics;

/// <summary>
/// FORMAT.md: "made unique in the page with <c>_2</c>, <c>_3</c>, as MediaWiki does" — for section anchors, and for
/// author slugs, which follow the same habit.
/// </summary>
public sealed class UniqueNames
{
    private readonly HashSet<string> taken = new(StringComparer.Ordinal);
    // The suffix to try first for a name claimed before: every one below it is taken, and stays taken. Without it a
    // page with a thousand "Quotes" headings would try _2, _3 … again for each, work growing with the square.
    private readonly Dictionary<string, int> nextSuffix = new(StringComparer.Ordinal);

    /// <summary><paramref name="name"/>, or <c>name_2</c>, <c>name_3</c> … whichever is not yet claimed; claimed now.</summary>
    public string Claim(string name)
    {
        if (taken.Add(name))
            return name;
        var n = nextSuffix.GetValueOrDefault(name, 2);
        string unique;
        while (!taken.Add(unique = $"{name}_{n}"))
            n++;
        nextSuffix[name] = n + 1;
        return unique;
    }
}
