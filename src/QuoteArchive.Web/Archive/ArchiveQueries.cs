using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;
using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Archive;

/// <summary>
/// The queries that both a page and its JSON twin run, so that they show the same data.
/// Each is one LINQ query projecting into the view records.
/// </summary>
public static class ArchiveQueries
{
    /// <summary>A dictionary order of titles: SQLite orders by code point ("Z" before "a", "É" after "z").</summary>
    public static readonly StringComparer AToZ = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);

    /// <summary>The topics A–Z with their quote counts: all of them, or one letter at a time in a large archive.</summary>
    public static async Task<TopicListView> TopicListAsync(this ArchiveDbContext db, string? asked, Paging paging, CancellationToken cancellationToken)
    {
        var letters = await LetterSplit.CountAsync(db.Topics.Select(t => t.Letter), cancellationToken);
        var (letter, total, page) = LetterSplit.Choose(letters, asked, paging);
        var topics = await (letter is null ? db.Topics : db.Topics.Where(t => t.Letter == letter))
            .OrderBy(t => t.Letter == "#" ? 1 : 0).ThenBy(t => t.Letter).ThenBy(t => t.SortKey).ThenBy(t => t.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(t => new TopicSummary
            {
                Slug = t.Slug,
                Title = t.Title,
                Description = t.Description,
                Language = t.Language,
                Letter = t.Letter,
                QuoteCount = db.Quotes.Count(q => q.TopicId == t.Id),
            })
            .ToListAsync(cancellationToken);
        return new TopicListView { Letter = letter, Letters = letters, Paging = page, Total = total, Topics = topics };
    }

    /// <summary>A whole topic, its featured quote lifted out of the sections; null when no topic has the slug.</summary>
    /// <remarks>
    /// Quotes and their lines are read flat for the whole topic (<see cref="TopicQuotes"/>) and put into their sections
    /// here: EF's split query of collections inside collections (sections, their quotes, each quote's lines) built a
    /// delegate and a task per quote and collection, and was most of a cache miss of a long topic (Love: 1,530 quotes).
    /// </remarks>
    public static Task<TopicView?> TopicAsync(this ArchiveDbContext db, string slug, CancellationToken cancellationToken) =>
        db.ReadAsync(statements => ReadTopicAsync(statements, slug, cancellationToken), cancellationToken);

    private static async Task<TopicView?> ReadTopicAsync(ArchiveStatements statements, string slug, CancellationToken cancellationToken)
    {
        if (await TopicOutline.ReadAsync(statements, slug, cancellationToken) is not var (topicId, view, sectionIds))
            return null;
        // What every quote card of the topic says of its topic: the same for all of them, so made once.
        var topicRef = new TopicRef
        {
            Slug = view.Slug, Title = view.Title, Language = view.Language, SourceUrl = view.SourceUrl, License = view.License,
            Revision = view.Revision,
        };
        var sectionOf = sectionIds.Zip(view.Sections)
            .ToDictionary(s => s.First, s => new SectionRef { Heading = s.Second.Heading, Anchor = s.Second.Anchor });
        var quotesOf = await TopicQuotes.ReadAsync(statements, topicId, topicRef, sectionOf, cancellationToken);
        var sectionViews = sectionIds.Zip(view.Sections)
            .Select(s => quotesOf.TryGetValue(s.First, out var list) ? s.Second with { Quotes = list } : s.Second).ToList();
        var topic = view with
        {
            Sections = sectionViews,
            Revision = view.Revision is { } revision ? revision with { Url = WikiRevisions.RevisionUrl(view.SourceUrl, revision.Id) } : null,
            OtherLanguages = await LinkLanguagesAsync(statements, view.OtherLanguages, cancellationToken),
        };

        // The featured quote heads the page once; it is not repeated in its section.
        var featured = topic.Sections.SelectMany(s => s.Quotes).FirstOrDefault(q => q.IsFeatured);
        if (featured is null)
            return topic;
        return topic with
        {
            Featured = featured,
            Sections = topic.Sections
                .Select(s => s.Quotes.Any(q => ReferenceEquals(q, featured))
                    ? s with { Quotes = s.Quotes.Where(q => !ReferenceEquals(q, featured)).ToList() }
                    : s)
                .ToList(),
        };
    }

    /// <summary>Each other-language page links to the archive's own topic of that title and language, else to its Wikiquote.</summary>
    private static async Task<IReadOnlyList<LanguageLinkView>> LinkLanguagesAsync(ArchiveStatements statements,
        IReadOnlyList<LanguageLinkView> links, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
            return links;
        var held = (await TopicsBySlug.FindAsync(statements, links.Select(l => Slugs.FromTitle(l.Title)), cancellationToken)).ToHashSet();
        return links.Select(l => l with
        {
            Url = held.Contains((Slugs.FromTitle(l.Title), l.Language))
                ? ArchiveUrls.Topic(Slugs.FromTitle(l.Title))
                : $"https://{l.Language}.wikiquote.org/wiki/{Slugs.ToUrlPath(Slugs.FromTitle(l.Title))}",
        }).ToList();
    }

    /// <summary>The archive's own total of quotes, counted once at import.</summary>
    public static Task<int> QuoteCountAsync(this ArchiveDbContext db, CancellationToken cancellationToken) =>
        db.Builds.OrderBy(b => b.Id).Select(b => b.Quotes).FirstOrDefaultAsync(cancellationToken);

    public static Task<QuoteView?> QuoteAsync(this ArchiveDbContext db, string id, CancellationToken cancellationToken) =>
        QuoteById.ReadAsync(db, id, cancellationToken);

    /// <summary>Topics whose title shares the longest word of what was asked for: suggestions for a 404 page.</summary>
    public static async Task<List<TopicSummary>> TopicsLikeAsync(this ArchiveDbContext db, string asked, int count, CancellationToken cancellationToken)
    {
        var word = asked.Split([' ', '_', '-', '–', '/', ',', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3)
            .MaxBy(w => w.Length);
        if (word is null)
            return [];
        var pattern = "%" + EscapeLike(word[..Math.Min(word.Length, 100)]) + "%";
        return await db.Topics
            .Where(t => EF.Functions.Like(t.Title, pattern, "\\"))
            .OrderBy(t => t.Title)
            .Take(count)
            .Select(t => new TopicSummary { Slug = t.Slug, Title = t.Title, Description = t.Description, Language = t.Language })
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The slug of the topic a request path names, in any spelling that reaches it: spaces or underscores,
    /// percent-encoded or not (FORMAT.md: the slug is "the title with spaces as <c>_</c>"). Null when no topic has it.
    /// Read from the slug's index alone, so that a redirect or a miss is decided without loading the topic.
    /// </summary>
    public static async Task<string?> TopicSlugAsync(this ArchiveDbContext db, string? path, CancellationToken cancellationToken)
    {
        if (ReadSlug(path) is not var (canonical, literal))
            return null;
        // A link typed with a small first letter names the capitalised title, as on the wiki.
        var capitalized = Slugs.WithCapitalFirstLetter(canonical);
        var found = (await TopicsBySlug.FindAsync(db, [canonical, literal, capitalized], cancellationToken)).Select(t => t.Slug).ToList();
        return found.Contains(canonical) ? canonical : found.Contains(literal) ? literal : found.FirstOrDefault();
    }

    /// <summary>
    /// The slug of the topic a filter names (<c>?topic=…</c>): as its address would (<see cref="TopicSlugAsync"/>), by
    /// another title (a wiki redirect), or in any case ("the half of it", "LOVE"). Null when no topic has it.
    /// </summary>
    public static async Task<string?> TopicFilterSlugAsync(this ArchiveDbContext db, string filter, CancellationToken cancellationToken)
    {
        if (await db.TopicSlugAsync(filter, cancellationToken) is { } slug)
            return slug;
        if (await db.RedirectTargetAsync(filter, cancellationToken) is { } target)
            return target.Slug;
        return SlugOf(filter) is { } canonical ? await SlugInAnyCaseAsync(db, TopicInAnyCase, canonical, cancellationToken) : null;
    }

    /// <summary>A filter's author, as <see cref="AuthorSlugAsync"/> finds one, or in any case ("THOMAS GRAY").</summary>
    public static async Task<string?> AuthorFilterSlugAsync(this ArchiveDbContext db, string filter, CancellationToken cancellationToken) =>
        await db.AuthorSlugAsync(filter, cancellationToken)
        ?? (SlugOf(filter) is { } canonical ? await SlugInAnyCaseAsync(db, AuthorInAnyCase, canonical, cancellationToken) : null);

    // A slug of the table in another case than asked, ASCII letters folded (SQLite's NOCASE): read by a scan of the slug
    // index, a few milliseconds at full size, and only for a filter no spelling above found.
    private static async Task<string?> SlugInAnyCaseAsync(ArchiveDbContext db, string query, string slug, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<string>(query, new Microsoft.Data.Sqlite.SqliteParameter("$slug", slug)).ToListAsync(cancellationToken)).FirstOrDefault();

    private const string TopicInAnyCase = "SELECT Slug AS Value FROM Topics WHERE Slug = $slug COLLATE NOCASE ORDER BY Slug LIMIT 1";
    private const string AuthorInAnyCase = "SELECT Slug AS Value FROM Authors WHERE Slug = $slug COLLATE NOCASE ORDER BY Slug LIMIT 1";

    /// <summary>
    /// The slug of the author a path names however it was spelled: with spaces, decomposed accents, a small first
    /// letter or in small letters throughout ("thomas_gray" is Thomas_Gray), or as another title of the author's page
    /// (a wiki redirect, which the author index followed: "Benedict_XVI" is Pope_Benedict_XVI). Null when no author has it.
    /// </summary>
    public static async Task<string?> AuthorSlugAsync(this ArchiveDbContext db, string? path, CancellationToken cancellationToken)
    {
        if (ReadSlug(path) is not var (canonical, literal))
            return null;
        var capitalized = Slugs.WithCapitalFirstLetter(canonical);
        string[] spellings = [canonical, literal, capitalized, EachWordCapitalized(canonical)];
        var found = await db.Authors.Where(a => spellings.Contains(a.Slug)).Select(a => a.Slug).ToListAsync(cancellationToken);
        if (spellings.FirstOrDefault(found.Contains) is { } slug)
            return slug;
        var target = await db.Redirects.Where(r => r.Slug == canonical || r.Slug == capitalized).OrderBy(r => r.Slug == canonical ? 0 : 1)
            .Select(r => new { r.TopicId, r.Topic!.Slug }).FirstOrDefaultAsync(cancellationToken);
        return target is null ? null : await db.Authors.Where(a => a.TopicId == target.TopicId || a.Slug == target.Slug)
            .OrderBy(a => a.TopicId == target.TopicId ? 0 : 1).Select(a => a.Slug).FirstOrDefaultAsync(cancellationToken);
    }

    private static string EachWordCapitalized(string slug) =>
        string.Join('_', slug.Split('_').Select(word => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant()));

    /// <summary>
    /// The <c>topic</c>, <c>author</c> and <c>lang</c> filters as the archive spells them, however they were asked
    /// (a title, a name or a slug, in any case: "love", "albert camus", "FR"); null where nothing was asked. Unknown
    /// when one names what the archive does not have: then no quote passes. Search, <c>/api/random</c> and
    /// <c>/random</c> all read their filters here, so a value one of them accepts, the others accept too.
    /// </summary>
    public static async Task<FilterNames> FilterNamesAsync(this ArchiveDbContext db, ArchiveGeneration archive, string? topic, string? author,
        string? lang, CancellationToken cancellationToken)
    {
        var topicSlug = string.IsNullOrWhiteSpace(topic) ? null : await db.TopicFilterSlugAsync(topic, cancellationToken);
        var authorSlug = string.IsNullOrWhiteSpace(author) ? null : await db.AuthorFilterSlugAsync(author, cancellationToken);
        var language = string.IsNullOrWhiteSpace(lang) ? null
            : archive.Languages.FirstOrDefault(l => l.Equals(lang.Trim(), StringComparison.OrdinalIgnoreCase));
        var unknown = topicSlug is null && !string.IsNullOrWhiteSpace(topic) || authorSlug is null && !string.IsNullOrWhiteSpace(author)
            || language is null && !string.IsNullOrWhiteSpace(lang);
        return new(topicSlug, authorSlug, language, unknown);
    }

    /// <summary>The topic a redirect names (another title of it) and the section it points to, if any; null when the path is no redirect.</summary>
    public static async Task<RedirectTarget?> RedirectTargetAsync(this ArchiveDbContext db, string? path, CancellationToken cancellationToken)
    {
        if (SlugOf(path) is not { } slug)
            return null;
        var capitalized = Slugs.WithCapitalFirstLetter(slug);
        return await db.Redirects.Where(r => r.Slug == slug || r.Slug == capitalized)
            .OrderBy(r => r.Slug == slug ? 0 : 1).Select(r => new RedirectTarget(r.Topic!.Slug, r.Anchor)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The canonical slug of a request path, or null when it cannot be one (too long, unpaired surrogates …).</summary>
    public static string? SlugOf(string? path) => ReadSlug(path)?.Canonical;

    /// <summary>The path segment as the server decoded it; servers leave an encoded slash encoded ("AC%2FDC").</summary>
    public static string AsRequested(string path) => path.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The canonical slug of a path, and the path merely decoded for titles that canonicalisation would
    /// change (<c>C++</c>: <c>+</c> reads as a space in a query string). Null when it cannot be a slug.
    /// </summary>
    private static (string Canonical, string Literal)? ReadSlug(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Length > MaxSlugLength)
            return null;
        try
        {
            var canonical = Slugs.Canonicalize(path);
            var literal = Slugs.FromTitle(AsRequested(path).Normalize(NormalizationForm.FormC));
            return canonical.Length == 0 ? null : (canonical, literal);
        }
        catch (ArgumentException)
        {
            // string.Normalize rejects lone surrogates: no title has one.
            return null;
        }
    }

    // Longer than any title a wiki allows (255 bytes); longer paths are not looked up at all.
    private const int MaxSlugLength = 1024;

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

/// <summary>Filters as the archive spells them (<see cref="ArchiveQueries.FilterNamesAsync"/>).</summary>
public sealed record FilterNames(string? TopicSlug, string? AuthorSlug, string? Language, bool Unknown);
