using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Topics;

/// <summary>What a section is, by its heading.</summary>
public static class SectionRules
{
    /// <summary>
    /// FORMAT.md: "A list section is one whose heading is a list rather than quotes: <c>See also</c>, <c>External
    /// links</c>, <c>Cast</c>, <c>Voice cast</c>, <c>References</c>, <c>Sources</c>, <c>Notes</c>, <c>Bibliography</c>,
    /// <c>Further reading</c>, and their French forms (<c>Voir aussi</c>, <c>Liens externes</c>, <c>Articles connexes</c>,
    /// <c>Références</c>, <c>Bibliographie</c>, <c>Distribution</c>)."
    /// </summary>
    private static readonly HashSet<string> ListHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "See also", "External links", "External link", "Cast", "Voice cast", "References", "Sources", "Notes", "Footnotes",
        "Bibliography", "Further reading",
        "Voir aussi", "Liens externes", "Lien externe", "Articles connexes", "Références", "Notes et références", "Bibliographie", "Distribution",
    };

    private static readonly HashSet<string> QuoteHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "Quotes", "Quote", "Quotations", "Sourced", "Dialogue", "Dialogues", "Citations", "Répliques",
        "Disputed", "Misattributed", "Unsourced", "Attributed",
    };

    public static bool IsList(string heading) => ListHeadings.Contains(heading.Trim());

    /// <summary>The cast list of a film or television page: its items say who plays whom.</summary>
    public static bool IsCast(string heading) => heading.Trim() is var h
        && (h.Equals("Cast", StringComparison.OrdinalIgnoreCase) || h.Equals("Voice cast", StringComparison.OrdinalIgnoreCase)
            || h.Equals("Distribution", StringComparison.OrdinalIgnoreCase));

    /// <summary>A heading every Wikiquote page may have: never a page's description.</summary>
    public static bool IsKnownHeading(string text) =>
        IsList(text) || QuoteHeadings.Contains(text.Trim()) || text.StartsWith("Quotes about", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// FORMAT.md "Quote status, from the headings above the quote: <c>Disputed</c> → disputed, <c>Misattributed</c> →
    /// misattributed, <c>Unsourced</c> → unsourced, <c>Attributed</c> → attributed, <c>Quotes about …</c> → about".
    /// Null for a heading that sets no status; <see cref="Reset"/> for one that ends the status of those above
    /// (<c>Quotes</c>, <c>Sourced</c>).
    /// </summary>
    public static QuoteStatus? StatusOf(string heading, out bool reset)
    {
        var text = heading.Trim();
        reset = false;
        if (Starts(text, "Disputed") || Starts(text, "Contestées") || Starts(text, "Citations contestées"))
            return QuoteStatus.Disputed;
        if (Starts(text, "Misattributed") || Starts(text, "Citations faussement attribuées") || Starts(text, "Faussement attribuées"))
            return QuoteStatus.Misattributed;
        if (Starts(text, "Unsourced") || Starts(text, "Non sourcées") || Starts(text, "Citations non sourcées"))
            return QuoteStatus.Unsourced;
        if (Starts(text, "Attributed") || Starts(text, "Attribuées") || Starts(text, "Citations attribuées"))
            return QuoteStatus.Attributed;
        if (Starts(text, "Quotes about") || Starts(text, "About ") || Starts(text, "Citations sur") || Starts(text, "À propos"))
            return QuoteStatus.About;
        reset = text.Equals("Quotes", StringComparison.OrdinalIgnoreCase) || text.Equals("Sourced", StringComparison.OrdinalIgnoreCase)
                || text.Equals("Citations", StringComparison.OrdinalIgnoreCase);
        return null;
    }

    private static bool Starts(string text, string prefix) => text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}
