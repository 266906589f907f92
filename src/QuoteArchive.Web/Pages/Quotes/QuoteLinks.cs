using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Quotes;

/// <summary>What a quote id in a link answers now: the quote, another id (301), its removal (410), or nothing (404).</summary>
public abstract record QuoteLink
{
    public sealed record Found(QuoteView Quote) : QuoteLink;

    /// <summary>The address as written, lower-cased; or an old id, now the id of the quote's edited text.</summary>
    public sealed record Moved(string Id) : QuoteLink;

    public sealed record Gone(string TopicSlug, string TopicTitle) : QuoteLink;

    public sealed record Missing : QuoteLink;
}

public static partial class QuoteLinks
{
    /// <summary>
    /// Every address of a quote (its page, .json, .txt, .png, its citations) resolves its id here, so an old link
    /// keeps working in every form.
    /// </summary>
    public static async Task<QuoteLink> ResolveAsync(this ArchiveDbContext db, string id, CancellationToken cancellationToken)
    {
        // Ids are lower-case base32 (FORMAT.md): anything else is no quote, and needs no query to say so.
        if (!IsId(id.ToLowerInvariant()))
            return new QuoteLink.Missing();
        // Written in capitals: the address as written when it leads somewhere (one hop, to the quote's id now if it
        // moved), the 404 or 410 at once when it does not: never a 301 to a miss.
        if (!IsId(id))
            return await db.ResolveAsync(id.ToLowerInvariant(), cancellationToken) switch
            {
                QuoteLink.Found => new QuoteLink.Moved(id.ToLowerInvariant()),
                var other => other,
            };
        if (await db.QuoteAsync(id, cancellationToken) is { } quote)
            return new QuoteLink.Found(quote);
        var history = await db.QuoteIdHistory.Where(h => h.OldId == id)
            .Select(h => new { h.NewId, h.TopicSlug, h.TopicTitle }).FirstOrDefaultAsync(cancellationToken);
        return history switch
        {
            null => new QuoteLink.Missing(),
            { NewId: { } newId } => new QuoteLink.Moved(newId),
            _ => new QuoteLink.Gone(history.TopicSlug, history.TopicTitle),
        };
    }

    private static bool IsId(string id) => id.Length is >= QuoteIds.DefaultLength and <= QuoteIds.MaxLength && IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z2-7]+$")]
    private static partial Regex IdPattern();
}
