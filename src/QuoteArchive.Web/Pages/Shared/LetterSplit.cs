using Microsoft.EntityFrameworkCore;
using QuoteArchive.Web.Hosting;

namespace QuoteArchive.Web.Pages.Shared;

public sealed record LetterCount(string Letter, int Count);

/// <summary>
/// How a long A–Z list (topics, authors) is split: up to <see cref="AllOnOnePage"/> entries all show at once, unless a
/// page or a page size is asked for; above it one letter at a time (the one asked for, else the first), paged, so that
/// no response grows with the archive.
/// </summary>
public static class LetterSplit
{
    public const int AllOnOnePage = 1000;

    /// <summary>Every letter with its count: A–Z first, then "#" (digits and signs).</summary>
    public static async Task<List<LetterCount>> CountAsync(IQueryable<string> letters, CancellationToken cancellationToken)
    {
        var counts = await letters.GroupBy(l => l).Select(g => new LetterCount(g.Key, g.Count())).ToListAsync(cancellationToken);
        return counts.OrderBy(l => l.Letter == "#" ? 1 : 0).ThenBy(l => l.Letter, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The API's <c>Link</c> header for a list: the next page (of the letter, for one letter of a split list), or after
    /// a letter's last page the next letter's first, so that following rel=next from the first page reaches every
    /// entry once.
    /// </summary>
    public static void AddLinkHeader(HttpContext context, IReadOnlyList<LetterCount> letters, string? letter, Paging paging, int total)
    {
        var next = letter is null ? null : letters.SkipWhile(l => l.Letter != letter).Skip(1).FirstOrDefault();
        var nextLetter = next is null ? null : QueryKeys.Address(context.Request, ["page", "letter"], new KeyValuePair<string, string?>("letter", next.Letter));
        paging.AddLinkHeader(context, total, afterLastPage: nextLetter);
    }

    /// <summary>
    /// A letter asked for that the list has no entry under (<c>?letter=ZZZ</c>): the list answers 404, still showing
    /// its letters.
    /// </summary>
    public static bool IsUnknown(IReadOnlyList<LetterCount> letters, string? letter) =>
        letter is not null && !letters.Any(l => l.Letter == letter);

    /// <summary>What an API client is told for an unknown letter.</summary>
    public static string LettersThereAre(IReadOnlyList<LetterCount> letters) =>
        letters.Count == 0 ? "The list is empty." : $"Its letters are {string.Join(", ", letters.Select(l => l.Letter))}.";

    /// <summary>The letter to show (null: all of them), how many entries it holds, and the page of them.</summary>
    public static (string? Letter, int Total, Paging Page) Choose(List<LetterCount> letters, string? asked, Paging paging)
    {
        var total = letters.Sum(l => l.Count);
        // Letters are kept in capitals: "j" is J.
        var letter = string.IsNullOrEmpty(asked) ? (total > AllOnOnePage ? letters.FirstOrDefault()?.Letter : null) : asked.ToUpperInvariant();
        if (letter is not null)
            return (letter, letters.FirstOrDefault(l => l.Letter == letter)?.Count ?? 0, paging);
        return (null, total, paging.IsAsked ? paging : new Paging(1, Math.Max(total, 1)));
    }
}
