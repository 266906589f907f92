using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Topics;

/// <summary>
/// FORMAT.md "Quote status, from the headings above the quote", for formats whose headings have levels: the nearest
/// heading above that sets a status wins; a plain <c>Quotes</c> heading sets none, and ends the search.
/// </summary>
public sealed class HeadingStatus
{
    // The headings above the current section, outermost first, with what each says about quote status.
    private readonly List<(int Level, QuoteStatus? Status, bool Reset)> chain = [];

    /// <summary>Enters a section under <paramref name="heading"/>; returns the status its quotes take from the headings.</summary>
    public QuoteStatus? Enter(int level, string heading)
    {
        chain.RemoveAll(h => h.Level >= level);
        chain.Add((level, SectionRules.StatusOf(heading, out var reset), reset));
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            if (chain[i].Status is { } status)
                return status;
            if (chain[i].Reset)
                return null;
        }
        return null;
    }
}
