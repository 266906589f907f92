using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Pages.Authors;

/// <summary>The queries of the author pages and API, shared so the two cannot drift apart.</summary>
public static class AuthorQueries
{
    /// <summary>Below this many authors the A–Z shows them all; above it, one letter at a time.</summary>
    public static async Task<AuthorListView> AuthorListAsync(this ArchiveDbContext db, string? asked, Paging paging,
        CancellationToken cancellationToken)
    {
        var letters = await LetterSplit.CountAsync(db.Authors.Select(a => a.Letter), cancellationToken);
        var (letter, total, page) = LetterSplit.Choose(letters, asked, paging);
        var authors = letter is null ? db.Authors : db.Authors.Where(a => a.Letter == letter);
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
            Letter = letter,
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
            // One statement for a page of at most a hundred quotes and their lines, as EF does unless told: said, so that
            // EF does not warn of it at every author page.
            .AsSingleQuery()
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
