using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Pages.Authors;

/// <summary>The queries of the author pages and API, shared so the two cannot drift apart.</summary>
public static class AuthorQueries
{
    /// <summary>Below this many authors the A–Z shows them all; above it, one letter at a time.</summary>
    public const int AllOnOnePage = 1000;

    public static async Task<AuthorListView> AuthorListAsync(this ArchiveDbContext db, string? letter, Paging paging,
        CancellationToken cancellationToken)
    {
        var letters = await db.Authors.GroupBy(a => a.Letter)
            .Select(g => new LetterCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        letters = letters.OrderBy(l => l.Letter == "#" ? 1 : 0).ThenBy(l => l.Letter, StringComparer.Ordinal).ToList();
        var total = letters.Sum(l => l.Count);
        if (string.IsNullOrEmpty(letter) && total > AllOnOnePage)
            letter = letters.FirstOrDefault()?.Letter;
        var authors = db.Authors.AsQueryable();
        if (!string.IsNullOrEmpty(letter))
        {
            authors = authors.Where(a => a.Letter == letter);
            total = letters.FirstOrDefault(l => l.Letter == letter)?.Count ?? 0;
        }
        var page = string.IsNullOrEmpty(letter) ? new Paging(1, Math.Max(total, 1)) : paging;
        var list = await authors.OrderBy(a => a.Letter).ThenBy(a => a.SortKey).ThenBy(a => a.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(a => new AuthorSummary
            {
                Slug = a.Slug,
                Name = a.Name,
                QuoteCount = a.QuoteCount,
                Letter = a.Letter,
                TopicSlug = db.Topics.Where(t => t.Id == a.TopicId).Select(t => t.Slug).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new AuthorListView
        {
            Letter = string.IsNullOrEmpty(letter) ? null : letter,
            Letters = letters,
            Page = page.Page,
            PageSize = page.PageSize,
            Total = total,
            Authors = list,
        };
    }

    public static async Task<AuthorView?> AuthorAsync(this ArchiveDbContext db, string slug, Paging paging,
        CancellationToken cancellationToken)
    {
        var author = await db.Authors.Where(a => a.Slug == slug)
            .Select(a => new { a.Id, a.Slug, a.Name, a.QuoteCount, TopicSlug = db.Topics.Where(t => t.Id == a.TopicId).Select(t => t.Slug).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (author is null)
            return null;
        var quotes = await db.Quotes.Where(q => q.AuthorId == author.Id)
            .OrderBy(q => q.Topic!.Title).ThenBy(q => q.TopicId).ThenBy(q => q.Section!.Position).ThenBy(q => q.Position)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(QuoteView.FromEntity)
            .ToListAsync(cancellationToken);
        return new AuthorView
        {
            Slug = author.Slug,
            Name = author.Name,
            QuoteCount = author.QuoteCount,
            TopicSlug = author.TopicSlug,
            Page = paging.Page,
            PageSize = paging.PageSize,
            Topics = quotes.GroupBy(q => q.Topic.Slug)
                .Select(g => new AuthorTopicView { Slug = g.Key, Title = g.First().Topic.Title, Language = g.First().Topic.Language, Quotes = g.ToList() })
                .ToList(),
        };
    }
}
