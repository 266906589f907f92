using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Pages.Shared;

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
    /// <summary>How many topics the category holds; <see cref="Topics"/> is one page of them.</summary>
    public int Total { get; init; }
    [System.Text.Json.Serialization.JsonIgnore] public Paging Paging { get; init; }
    public required IReadOnlyList<TopicSummary> Topics { get; init; }
}

/// <summary>The categories A–Z: all of them, or one letter at a time in a large archive.</summary>
public sealed record CategoryListView
{
    public string? Letter { get; init; }
    public required IReadOnlyList<LetterCount> Letters { get; init; }
    public Paging Paging { get; init; }
    public int Total { get; init; }
    public required IReadOnlyList<CategorySummary> Categories { get; init; }
}

/// <summary>The queries of the category pages and API, shared so the two cannot drift apart.</summary>
public static class CategoryQueries
{
    /// <summary>Every category with how many topics it holds, A–Z; one letter at a time (by its slug) in a large archive.</summary>
    public static async Task<CategoryListView> CategoriesAsync(this ArchiveDbContext db, string? asked, Paging paging, CancellationToken cancellationToken)
    {
        var names = db.Categories.GroupBy(c => c.Slug).Select(g => new { Slug = g.Key, Name = g.Min(c => c.Name)!, Count = g.Count() });
        var letters = await LetterSplit.CountAsync(names.Select(n => n.Slug.Substring(0, 1).ToUpper()), cancellationToken);
        var (letter, total, page) = LetterSplit.Choose(letters, asked, paging);
        var categories = await (letter is null ? names : names.Where(n => n.Slug.Substring(0, 1).ToUpper() == letter))
            .OrderBy(n => n.Slug).Skip(page.Skip).Take(page.PageSize)
            .Select(n => new CategorySummary { Slug = n.Slug, Name = n.Name, TopicCount = n.Count })
            .ToListAsync(cancellationToken);
        return new CategoryListView { Letter = letter, Letters = letters, Paging = page, Total = total, Categories = categories };
    }

    /// <summary>
    /// The slug of the category a path names, however it was spelled: with spaces, decomposed accents, or a small first
    /// letter (as on the wiki, "after_people" is After_people). Null when no topic is in such a category.
    /// </summary>
    public static async Task<string?> CategorySlugAsync(this ArchiveDbContext db, string? path, CancellationToken cancellationToken)
    {
        if (ArchiveQueries.SlugOf(path) is not { } canonical)
            return null;
        var capitalized = Slugs.WithCapitalFirstLetter(canonical);
        var found = await db.Categories.Where(c => c.Slug == canonical || c.Slug == capitalized).Select(c => c.Slug).Distinct()
            .ToListAsync(cancellationToken);
        return found.Contains(canonical) ? canonical : found.FirstOrDefault();
    }

    /// <summary>A page of the topics in a category, A–Z; null when no topic is in it.</summary>
    public static async Task<CategoryView?> CategoryAsync(this ArchiveDbContext db, string slug, Paging paging, CancellationToken cancellationToken)
    {
        var name = await db.Categories.Where(c => c.Slug == slug).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
            return null;
        var members = db.Categories.Where(c => c.Slug == slug);
        var topics = await members.OrderBy(c => c.Topic!.SortKey).ThenBy(c => c.TopicId)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(c => new TopicSummary
            {
                Slug = c.Topic!.Slug,
                Title = c.Topic.Title,
                Description = c.Topic.Description,
                Language = c.Topic.Language,
                Letter = c.Topic.Letter,
                QuoteCount = db.Quotes.Count(q => q.TopicId == c.TopicId),
            })
            .ToListAsync(cancellationToken);
        return new CategoryView { Name = name, Slug = slug, Total = await members.CountAsync(cancellationToken), Paging = paging, Topics = topics };
    }
}
