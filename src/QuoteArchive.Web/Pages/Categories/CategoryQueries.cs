using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Categories;

public sealed record CategorySummary
{
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public string Url => ArchiveUrls.Category(Slug);
    public int TopicCount { get; init; }
}

public sealed record CategoryView
{
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public string Url => ArchiveUrls.Category(Slug);
    public required IReadOnlyList<TopicSummary> Topics { get; init; }
}

/// <summary>The queries of the category pages and API, shared so the two cannot drift apart.</summary>
public static class CategoryQueries
{
    /// <summary>Every category with how many topics it holds, A–Z.</summary>
    public static async Task<List<CategorySummary>> CategoriesAsync(this ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.GroupBy(c => c.Slug)
            .Select(g => new CategorySummary { Slug = g.Key, Name = g.Min(c => c.Name)!, TopicCount = g.Count() })
            .ToListAsync(cancellationToken);
        categories.Sort((a, b) => ArchiveQueries.AToZ.Compare(a.Name, b.Name));
        return categories;
    }

    /// <summary>The topics in a category, A–Z; null when no topic is in it.</summary>
    public static async Task<CategoryView?> CategoryAsync(this ArchiveDbContext db, string slug, CancellationToken cancellationToken)
    {
        var topics = await db.Categories.Where(c => c.Slug == slug)
            .Select(c => new
            {
                c.Name,
                Topic = new TopicSummary
                {
                    Slug = c.Topic!.Slug,
                    Title = c.Topic.Title,
                    Description = c.Topic.Description,
                    Language = c.Topic.Language,
                    QuoteCount = db.Quotes.Count(q => q.TopicId == c.TopicId),
                },
            })
            .ToListAsync(cancellationToken);
        if (topics.Count == 0)
            return null;
        return new CategoryView
        {
            Name = topics[0].Name,
            Slug = slug,
            Topics = topics.Select(t => t.Topic).OrderBy(t => t.Title, ArchiveQueries.AToZ).ToList(),
        };
    }
}
