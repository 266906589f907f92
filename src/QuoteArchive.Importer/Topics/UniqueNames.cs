namespace QuoteArchive.Importer.Topics;

/// <summary>
/// FORMAT.md: "made unique in the page with <c>_2</c>, <c>_3</c>, as MediaWiki does" — for section anchors, and for
/// author slugs, which follow the same habit.
/// </summary>
public static class UniqueNames
{
    /// <summary><paramref name="name"/>, or <c>name_2</c>, <c>name_3</c> … whichever is not yet in <paramref name="taken"/>; added to it.</summary>
    public static string Claim(string name, HashSet<string> taken)
    {
        var unique = name;
        for (var n = 2; !taken.Add(unique); n++)
            unique = $"{name}_{n}";
        return unique;
    }
}
