using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Hosting;
using QuoteArchive.Web.Pages.Categories;
using QuoteArchive.Web.Pages.Quotes;
using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Api;

/// <summary>The JSON API: the same records as the pages, in a shape its clients rely on, so it changes only by adding.</summary>
public static class ArchiveApi
{
    /// <summary>Where the API describes itself (OpenAPI 3.1): every address, parameter and answer's fields.</summary>
    public const string DescriptionPath = "/api/openapi/v1.json";

    public static IServiceCollection AddArchiveApi(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            // "kind": "dialogue", "status": "misattributed"; text in every script stays readable.
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            // The web defaults read numbers from strings too, and the API's description then says every integer may be
            // a string; the API only writes JSON, and writes numbers as numbers.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        })
        // The JSON API only: pages, feeds and a quote's other forms are not in it.
        .AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                // No server named: ASP.NET Core would write the host of the request that made the document, which the
                // output cache then hands to every client. Clients resolve the paths against the document's own address.
                document.Servers = [];
                document.Info.Title = "QuoteArchive";
                document.Info.Description = "A read-only archive of quotations: its topics, quotes, authors and categories, search, "
                    + "random picks and the quote of the day. Lists are paged (page, pageSize) with a Link header to the next page.";
                return Task.CompletedTask;
            });
        });

    public static RouteGroupBuilder MapArchiveApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Archive");
        api.MapRead("/topics", TopicsAsync).ReadsQuery("letter", "page", "pageSize");
        api.MapRead("/topics/{**slug}", TopicAsync);
        api.MapRead("/quotes/{id}", QuoteAsync).Produces<QuoteView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        api.MapRead("/categories", CategoriesAsync).ReadsQuery("letter", "page", "pageSize");
        api.MapRead("/categories/{**slug}", CategoryAsync).ReadsQuery("page", "pageSize");
        // The document's name in the path, not the query: the output cache keys on the path and the query keys a page names.
        routes.MapOpenApi("/api/openapi/{documentName}.json").WithMetadata(ReadEndpoints.GetAndHeadMetadata);
        // Under /api a wrong address answers in JSON too, not with the HTML 404 page.
        api.MapFallback("{**path}", () => NotFound("No such API address", "The API has /api/topics, /api/topics/{slug}, /api/quotes/{id}, /api/categories, /api/categories/{slug}, " +
            $"/api/authors, /api/authors/{{slug}}, /api/search?q=…, /api/suggest?q=…, /api/random and /api/today; {DescriptionPath} describes them."));
        return api;
    }

    /// <summary>
    /// Every topic A–Z; in a large archive one letter at a time, paged (<c>letter</c>, <c>page</c>, <c>pageSize</c>),
    /// with a <c>Link</c> header to the next page, or to the next letter after a letter's last page.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<TopicSummary>>, ProblemHttpResult>> TopicsAsync(HttpContext context, ArchiveDbContext db,
        string? letter, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        var list = await db.TopicListAsync(letter, Paging.From(page, pageSize, Paging.MaxPageSize), cancellationToken);
        if (LetterSplit.IsUnknown(list.Letters, list.Letter))
            return NotFound("No topic under this letter", LetterSplit.LettersThereAre(list.Letters));
        LetterSplit.AddLinkHeader(context, list.Letters, list.Letter, list.Paging, list.Total);
        return TypedResults.Ok(list.Topics);
    }

    private static async Task<Results<Ok<TopicView>, RedirectHttpResult, ProblemHttpResult>> TopicAsync(
        string? slug, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        // Any spelling that reaches a topic answers it; a redirect or a miss is decided without loading one.
        if (await db.TopicSlugAsync(slug, cancellationToken) is { } stored && await db.TopicAsync(stored, cancellationToken) is { } topic)
            return TypedResults.Ok(topic);
        return await db.RedirectTargetAsync(slug, cancellationToken) is { } target
            ? TypedResults.Redirect("/api/topics/" + Slugs.ToUrlPath(target.Slug), permanent: true)
            : NotFound("Topic not found", "No topic has this slug; /api/topics lists them all.");
    }

    // As the permalink answers: an id the quote had before an update (or in capitals) moves to its id now, and a quote
    // taken out of the archive is gone, with the topic it stood in.
    private static async Task<IResult> QuoteAsync(string id, ArchiveDbContext db, CancellationToken cancellationToken) =>
        await db.ResolveAsync(id, cancellationToken) switch
        {
            QuoteLink.Found found => TypedResults.Ok(found.Quote),
            QuoteLink.Moved moved => TypedResults.Redirect("/api/quotes/" + moved.Id, permanent: true),
            QuoteLink.Gone gone => TypedResults.Json(QuoteFormats.GoneDetails(gone), statusCode: StatusCodes.Status410Gone, contentType: "application/problem+json"),
            _ => TypedResults.Problem(QuoteFormats.UnknownQuote()),
        };

    private static async Task<Results<Ok<IReadOnlyList<CategorySummary>>, ProblemHttpResult>> CategoriesAsync(HttpContext context, ArchiveDbContext db,
        string? letter, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        var list = await db.CategoriesAsync(letter, Paging.From(page, pageSize, Paging.MaxPageSize), cancellationToken);
        if (LetterSplit.IsUnknown(list.Letters, list.Letter))
            return NotFound("No category under this letter", LetterSplit.LettersThereAre(list.Letters));
        LetterSplit.AddLinkHeader(context, list.Letters, list.Letter, list.Paging, list.Total);
        return TypedResults.Ok(list.Categories);
    }

    private static async Task<Results<Ok<CategoryView>, ProblemHttpResult>> CategoryAsync(HttpContext context,
        string? slug, string? page, string? pageSize, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var paging = Paging.From(page, pageSize, Paging.MaxPageSize);
        // Any spelling that reaches a category answers it, as for topics.
        var category = await db.CategorySlugAsync(slug, cancellationToken) is { } stored ? await db.CategoryAsync(stored, paging, cancellationToken) : null;
        if (category is not null)
            paging.AddLinkHeader(context, category.Total);
        return category is null
            ? NotFound("Category not found", "No topic is in this category; /api/categories lists them all.")
            : TypedResults.Ok(category);
    }

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}
