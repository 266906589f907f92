using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace QuoteArchive.Storage.Search;

/// <summary>Narrows a random pick: topic slug, author slug, text length in characters, topic language.</summary>
public sealed record PickFilter(string? Topic = null, string? Author = null, int? MinLength = null, int? MaxLength = null, string? Language = null);

/// <summary>Picks single quotes: at random, or the quote of a day.</summary>
public static class QuotePicks
{
    /// <summary>A quote of the day is short enough to read at a glance, and long enough to say something.</summary>
    public const int DailyMinLength = 20, DailyMaxLength = 200;

    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The id of a random quote that passes the filter, or null when none does.</summary>
    public static async Task<string?> RandomAsync(ArchiveDbContext db, PickFilter filter, Random random,
        CancellationToken cancellationToken = default)
    {
        var quotes = db.Quotes.AsQueryable();
        if (filter.Topic is { Length: > 0 } topic)
        {
            var topicId = await db.Topics.Where(t => t.Slug == topic).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);
            if (topicId is null)
                return null;
            quotes = quotes.Where(q => q.TopicId == topicId);
        }
        if (filter.Author is { Length: > 0 } author)
        {
            var authorId = await db.Authors.Where(a => a.Slug == author).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (authorId is null)
                return null;
            quotes = quotes.Where(q => q.AuthorId == authorId);
        }
        if (filter.Language is { Length: > 0 } language)
            quotes = quotes.Where(q => q.Topic!.Language == language);
        if (filter.MinLength is { } min)
            quotes = quotes.Where(q => q.Text.Length >= min);
        if (filter.MaxLength is { } max)
            quotes = quotes.Where(q => q.Text.Length <= max);

        if (filter.Topic is { Length: > 0 } || filter.Author is { Length: > 0 })
        {
            // A topic or an author has a bounded number of quotes, reached through an index: count and skip.
            var count = await quotes.CountAsync(cancellationToken);
            return count == 0
                ? null
                : await quotes.OrderBy(q => q.Id).Skip(random.Next(count)).Select(q => q.Id).FirstAsync(cancellationToken);
        }
        return await AtOrAfterAsync(quotes, RandomKey(random), cancellationToken);
    }

    /// <summary>
    /// The quote of <paramref name="date"/>: the same for everyone on every replica, because it depends only on
    /// the date and the archive's quote ids, and a short, sourced quote whenever the archive has one.
    /// </summary>
    public static async Task<string?> OfTheDayAsync(ArchiveDbContext db, DateOnly date, CancellationToken cancellationToken = default)
    {
        var key = DayKey(date);
        var preferred = db.Quotes.Where(q => q.Status == QuoteStatus.Sourced && q.Kind == QuoteKind.Quote
                                             && q.Text.Length >= DailyMinLength && q.Text.Length <= DailyMaxLength);
        return await AtOrAfterAsync(preferred, key, cancellationToken)
               ?? await AtOrAfterAsync(db.Quotes, key, cancellationToken);
    }

    /// <summary>The key a date picks with: base32 of a SHA-256 of the date, spelled like a quote id.</summary>
    public static string DayKey(DateOnly date) =>
        ToKey(SHA256.HashData(Encoding.UTF8.GetBytes("quote-of-the-day " + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));

    // Quote ids are base32 of a SHA-256, spread evenly over the key space: the first id at or after a uniform key is
    // a fair pick, found through their index (PK_Quotes) without counting the archive.
    private static async Task<string?> AtOrAfterAsync(IQueryable<Quote> quotes, string key, CancellationToken cancellationToken) =>
        await quotes.Where(q => string.Compare(q.Id, key) >= 0).OrderBy(q => q.Id).Select(q => q.Id).FirstOrDefaultAsync(cancellationToken)
        ?? await quotes.OrderBy(q => q.Id).Select(q => q.Id).FirstOrDefaultAsync(cancellationToken);

    private static string RandomKey(Random random)
    {
        Span<byte> bytes = stackalloc byte[5];
        random.NextBytes(bytes);
        return ToKey(bytes);
    }

    private static string ToKey(ReadOnlySpan<byte> bytes)
    {
        // The first 40 bits as 8 base32 characters.
        ulong value = 0;
        for (var i = 0; i < 5; i++)
            value = value << 8 | bytes[i];
        var key = new char[8];
        for (var i = 7; i >= 0; i--, value >>= 5)
            key[i] = IdAlphabet[(int)(value & 31)];
        return new string(key);
    }
}
