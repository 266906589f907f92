using Microsoft.EntityFrameworkCore;

namespace QuoteArchive.Web.Pages.Shared;

public sealed record LetterCount(string Letter, int Count);

/// <summary>
/// How a long A–Z list (topics, authors) is split: up to <see cref="AllOnOnePage"/> entries all show at once; above
/// it one letter at a time (the one asked for, else the first), paged, so that no response grows with the archive.
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

    /// <summary>The letter to show (null: all of them), how many entries it holds, and the page of them.</summary>
    public static (string? Letter, int Total, Paging Page) Choose(List<LetterCount> letters, string? asked, Paging paging)
    {
        var total = letters.Sum(l => l.Count);
        var letter = string.IsNullOrEmpty(asked) ? (total > AllOnOnePage ? letters.FirstOrDefault()?.Letter : null) : asked;
        return letter is null
            ? (null, total, new Paging(1, Math.Max(total, 1)))
            : (letter, letters.FirstOrDefault(l => l.Letter == letter)?.Count ?? 0, paging);
    }
}
