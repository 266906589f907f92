using System.Text.RegularExpressions;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Markdown;

/// <summary>What a heading says about the section under it and the quotes in it.</summary>
internal static class SectionRules
{
    /// <summary>
    /// FORMAT.md: "A list section is one whose heading is a list rather than quotes: <c>See also</c>, <c>External links</c>,
    /// <c>Cast</c>, <c>Voice cast</c>, <c>References</c>, <c>Sources</c>, <c>Notes</c>, <c>Bibliography</c>,
    /// <c>Further reading</c>, and their French forms …"
    /// </summary>
    public static readonly string[] ListHeadings =
    [
        "See also", "External links", "Cast", "Voice cast", "References", "Sources", "Notes", "Bibliography", "Further reading",
        "Voir aussi", "Liens externes", "Articles connexes", "Références", "Bibliographie", "Distribution",
    ];

    public static bool IsListHeading(string heading) =>
        ListHeadings.Contains(heading.Trim().TrimEnd(':').Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// FORMAT.md "Quote status", from the headings above the quote: "<c>Disputed</c> → disputed, <c>Misattributed</c> →
    /// misattributed, <c>Unsourced</c> → unsourced, <c>Attributed</c> → attributed, <c>Quotes about …</c> → about".
    /// Null when the heading says nothing; the nearest heading that says something wins.
    /// </summary>
    public static QuoteStatus? StatusOf(string heading)
    {
        var words = heading.Trim().TrimEnd(':').Trim();
        if (words.StartsWith("Quotes about", StringComparison.OrdinalIgnoreCase))
            return QuoteStatus.About;
        return words.ToLowerInvariant() switch
        {
            "disputed" => QuoteStatus.Disputed,
            "misattributed" => QuoteStatus.Misattributed,
            "unsourced" => QuoteStatus.Unsourced,
            "attributed" => QuoteStatus.Attributed,
            _ => null,
        };
    }

    /// <summary>FORMAT.md: "the heading with spaces as <c>_</c>, made unique in the page with <c>_2</c>, <c>_3</c>, as MediaWiki does".</summary>
    public static string UniqueAnchor(string heading, HashSet<string> taken)
    {
        var anchor = string.Join('_', heading.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var unique = anchor;
        for (var n = 2; !taken.Add(unique); n++)
            unique = $"{anchor}_{n}";
        return unique;
    }
}

/// <summary>The fields of an attribution line that has the shape <c>Author, Work (Year)</c>.</summary>
internal sealed partial record AttributionFields(string Author, string? Work, string? Year)
{
    private const int MaxAuthorLength = 60;

    /// <summary>
    /// FORMAT.md: "parsed from the first attribution line when it has the shape <c>Author, Work (Year)</c> (each part
    /// optional but the author) … The raw line is always kept; the parsed fields are a help for the author index".
    /// </summary>
    public static bool TryParse(string line, out AttributionFields? fields)
    {
        fields = null;
        var rest = line.Trim();
        string? year = null;
        var trailing = TrailingYear().Match(rest);
        if (trailing.Success)
        {
            year = trailing.Groups["year"].Value;
            rest = rest[..trailing.Index].TrimEnd();
        }
        var comma = rest.IndexOf(", ", StringComparison.Ordinal);
        var author = (comma < 0 ? rest : rest[..comma]).Trim();
        var work = comma < 0 ? null : rest[(comma + 2)..].Trim().TrimEnd(',');
        // An author is a name: short, and not a sentence or a bracketed remark.
        if (author.Length is 0 or > MaxAuthorLength || author.IndexOfAny(['<', '>', '[', ']', '{', '}']) >= 0
            || (author.IndexOfAny(['(', ')', '.', ':', ';', '"', '“']) >= 0 && !Initials().IsMatch(author)))
            return false;
        fields = new(author, string.IsNullOrEmpty(work) ? null : work, year);
        return true;
    }

    [GeneratedRegex(@"\((?:[^()]*?\b)?(?<year>\d{3,4})(?:\b[^()]*)?\)\s*$")]
    private static partial Regex TrailingYear();

    // "J. R. R. Tolkien", "H.L. Mencken": dots in initials are still a name.
    [GeneratedRegex(@"^(\p{Lu}\.\s?)+[\p{L} '\-]+$")]
    private static partial Regex Initials();
}
