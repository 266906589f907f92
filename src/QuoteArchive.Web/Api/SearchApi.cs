using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Hosting;
using QuoteArchive.Web.Pages.Authors;
using QuoteArchive.Web.Pages.Search;
using QuoteArchive.Web.Pages.Shared;
using QuoteArchive.Web.Pages.Shared.Components.QuoteOfTheDay;

namespace QuoteArchive.Web.Api;

/// <summary>Search, suggestions, authors, random quotes and the quote of the day, in JSON; and <c>/random</c>.</summary>
public static class SearchApi
{
    public const int SuggestionCount = 10;

    // The filters of a random pick, the same for its page and its JSON.
    public static readonly string[] RandomKeys = ["topic", "author", "minLength", "maxLength", "lang"];

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Search");
        api.MapRead("/search", SearchAsync).ReadsQuery("q", "topic", "author", "status", "lang", "kind", "page", "pageSize");
        api.MapRead("/suggest", SuggestAsync).ReadsQuery("q");
        api.MapRead("/authors", AuthorsAsync).ReadsQuery("letter", "page", "pageSize");
        api.MapRead("/authors/{**slug}", AuthorAsync).ReadsQuery("page", "pageSize");
        api.MapRead("/random", RandomAsync).ReadsQuery(RandomKeys).CacheOutput(OutputCaching.Never);
        api.MapRead("/today", TodayAsync);
        routes.MapRead("/random", RandomRedirectAsync).ReadsQuery(RandomKeys).CacheOutput(OutputCaching.Never);
        return routes;
    }

    private static async Task<Results<Ok<SearchResultsView>, ProblemHttpResult>> SearchAsync(HttpContext context, ArchiveDbContext db, ArchiveLease lease,
        string? q, string? page, string? pageSize, string? topic, string? author, string? status, string? lang, string? kind,
        CancellationToken cancellationToken)
    {
        // A status or kind there is none of is a filter nothing could pass: a script is told so, with the values there are.
        if ((UnknownValue<QuoteStatus>("status", "status of a quote", status, SearchFilterValues.Statuses)
                ?? UnknownValue<TopicKind>("kind", "kind of page", kind, SearchFilterValues.Kinds)) is { } unknown)
            return unknown;
        var paging = Paging.From(page, pageSize);
        var results = await db.SearchAsync(lease.Generation!, q, topic, author, status, lang, kind, paging, cancellationToken);
        paging.AddLinkHeader(context, results.Total);
        return TypedResults.Ok(results);
    }

    private static async Task<Ok<List<SuggestionView>>> SuggestAsync(ArchiveDbContext db, string? q, CancellationToken cancellationToken)
    {
        var suggestions = await QuoteSearch.SuggestAsync(db, q, SuggestionCount, cancellationToken);
        return TypedResults.Ok(suggestions.Select(s => new SuggestionView
        {
            Name = s.Name,
            Kind = s.Kind,
            Slug = s.Slug,
            // Another title of a topic leads where its redirect does: to the section it names.
            Url = s.Kind == "author" ? ArchiveUrls.Author(s.Slug) : ArchiveUrls.Topic(new RedirectTarget(s.Slug, s.Anchor)),
            Quotes = s.Quotes,
        }).ToList());
    }

    private static async Task<Results<Ok<AuthorListView>, ProblemHttpResult>> AuthorsAsync(HttpContext context, ArchiveDbContext db,
        string? letter, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        var paging = Paging.From(page, pageSize, Paging.MaxPageSize);
        var list = await db.AuthorListAsync(letter, paging, cancellationToken);
        if (LetterSplit.IsUnknown(list.Letters, list.Letter))
            return NotFound("No author under this letter", LetterSplit.LettersThereAre(list.Letters));
        LetterSplit.AddLinkHeader(context, list.Letters, list.Letter, new Paging(list.Page, list.PageSize), list.Total);
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<AuthorView>, RedirectHttpResult, ProblemHttpResult>> AuthorAsync(HttpContext context, ArchiveDbContext db,
        string? slug, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        var paging = Paging.From(page, pageSize, Paging.MaxPageSize);
        var author = slug is { Length: > 0 } ? await db.AuthorAsync(ArchiveQueries.AsRequested(slug), paging, cancellationToken) : null;
        if (author is null)
            return slug is { Length: > 0 } && await db.AuthorSlugAsync(slug, cancellationToken) is { } stored && stored != ArchiveQueries.AsRequested(slug)
                ? TypedResults.Redirect("/api" + ArchiveUrls.Author(stored) + QueryString.Create(QueryKeys.Known(context)), permanent: true)
                : NotFound("Author not found", "No author has this slug; /api/authors lists them all.");
        paging.AddLinkHeader(context, author.QuoteCount);
        return TypedResults.Ok(author);
    }

    private static async Task<Results<Ok<QuoteView>, ProblemHttpResult>> RandomAsync(HttpContext context, ArchiveDbContext db, Random random,
        ArchiveLease lease, string? topic, string? author, string? minLength, string? maxLength, string? lang, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        var filter = await FilterAsync(db, lease.Generation!, topic, author, minLength, maxLength, lang, cancellationToken);
        var id = filter is null ? null : await QuotePicks.RandomAsync(db, filter, random, cancellationToken);
        var quote = id is null ? null : await db.QuoteAsync(id, cancellationToken);
        return quote is null
            ? NotFound("No quote found", "No quote passes these filters.")
            : TypedResults.Ok(quote);
    }

    private static async Task<IResult> RandomRedirectAsync(HttpContext context, ArchiveDbContext db, Random random,
        ArchiveLease lease, string? topic, string? author, string? minLength, string? maxLength, string? lang, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        var filter = await FilterAsync(db, lease.Generation!, topic, author, minLength, maxLength, lang, cancellationToken);
        var id = filter is null ? null : await QuotePicks.RandomAsync(db, filter, random, cancellationToken);
        // 302: the next visit goes somewhere else.
        return id is null ? Results.NotFound() : Results.Redirect(ArchiveUrls.Quote(id));
    }

    private static async Task<Results<Ok<TodayView>, ProblemHttpResult>> TodayAsync(ArchiveDbContext db, ArchiveClock clock,
        CancellationToken cancellationToken)
    {
        var today = await db.QuoteOfTheDayAsync(clock.Today, cancellationToken);
        return today is null
            ? NotFound("No quote of the day", "The archive has no quotes.")
            : TypedResults.Ok(today);
    }

    /// <summary>
    /// The filter of a random pick, or null when no quote of this archive can pass it (a language it does not have,
    /// a minimum longer than its longest quote, a maximum below 1, a topic or author it does not have): answered at once, where the query would read
    /// every quote to find none. Lengths are clamped to what the archive holds; a language, a topic and an author are
    /// the archive's own however they were spelled ("FR", "love", "thomas gray").
    /// </summary>
    public static async Task<PickFilter?> FilterAsync(ArchiveDbContext db, ArchiveGeneration archive, string? topic, string? author,
        string? minLength, string? maxLength, string? lang, CancellationToken cancellationToken)
    {
        int? min = LengthOf(minLength) is { } parsedMin && parsedMin > 0 ? (int)Math.Min(parsedMin, int.MaxValue) : null;
        int? max = LengthOf(maxLength) is { } parsedMax ? (int)Math.Clamp(parsedMax, 0, int.MaxValue) : null;
        if (min > archive.LongestQuote || max < 1 || min > max)
            return null;
        if (max >= archive.LongestQuote)
            max = null;
        var names = await db.FilterNamesAsync(archive, topic, author, lang, cancellationToken);
        return names.Unknown ? null : new(names.TopicSlug, names.AuthorSlug, min, max, names.Language);
    }

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    private static ProblemHttpResult? UnknownValue<TEnum>(string key, string meaning, string? value, IReadOnlyList<string> values)
        where TEnum : struct, Enum =>
        SearchFilterValues.IsUnknown<TEnum>(value)
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Unknown {key}",
                detail: $"'{value!.Trim()}' is no {meaning}; {key} is one of: {string.Join(", ", values)}.")
            : null;

    // A length as asked: digits too many for a long are a length too, beyond every quote's.
    private static long? LengthOf(string? value) =>
        long.TryParse(value, out var length) ? length
        : value is { Length: > 0 } && value.All(char.IsAsciiDigit) ? long.MaxValue
        : null;
}

public sealed record SuggestionView
{
    public required string Name { get; init; }
    /// <summary><c>topic</c> or <c>author</c>.</summary>
    public required string Kind { get; init; }
    /// <summary>The topic's or author's slug: <c>/api/topics/{slug}</c> or <c>/api/authors/{slug}</c> answers it.</summary>
    public required string Slug { get; init; }
    public required string Url { get; init; }
    public int Quotes { get; init; }
}
