using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Hosting;

namespace QuoteArchive.Web.Pages.Quotes;

/// <summary>A quote's page in other forms: <c>/q/{id}.json</c>, <c>.txt</c>, <c>.png</c> (its share card) and its citations.</summary>
public static class QuoteFormats
{
    public static IEndpointRouteBuilder MapQuoteFormats(this IEndpointRouteBuilder routes)
    {
        routes.MapRead("/q/{id}.json", (string id, ArchiveDbContext db, CancellationToken cancellationToken) =>
            AnswerAsync(db, id, ".json", quote => TypedResults.Json(quote), cancellationToken));
        routes.MapRead("/q/{id}.txt", (string id, HttpRequest request, ArchiveDbContext db, CancellationToken cancellationToken) =>
            AnswerAsync(db, id, ".txt", quote => TypedResults.Text(PlainText(quote, request.Absolute(quote.Url)), PlainTextType), cancellationToken,
                // The text form says it in text too: a terminal or a script reading lines shows it as it is.
                gone => TypedResults.Text($"This quote is no longer in the archive. It stood in the topic “{gone.TopicTitle}”: "
                    + $"{request.Absolute(ArchiveUrls.Topic(gone.TopicSlug))}\n", PlainTextType, statusCode: StatusCodes.Status410Gone),
                TypedResults.Text("No quote has this id.\n", PlainTextType, statusCode: StatusCodes.Status404NotFound)));
        routes.MapRead("/q/{id}.png", (string id, ArchiveDbContext db, CancellationToken cancellationToken) =>
            AnswerAsync(db, id, ".png", quote => TypedResults.Bytes(ShareImage.Render(quote), "image/png"), cancellationToken))
            .Uncompressed();
        routes.MapRead("/q/{id}/cite", (string id, HttpRequest request, ArchiveClock clock, ArchiveDbContext db, CancellationToken cancellationToken) =>
            AnswerAsync(db, id, "/cite", quote => TypedResults.Json(Citations.For(quote, request.Absolute(quote.Url), clock.Today)), cancellationToken));
        return routes;
    }

    /// <summary>
    /// True for the quote addresses (<c>/q/…</c>), whose answer depends on the Accept header (<see cref="WantsJson"/>):
    /// they are cached once per form, and every answer, a 304 too, says it varies by Accept.
    /// </summary>
    public static bool IsNegotiated(HttpRequest request) => request.Path.StartsWithSegments("/q");

    /// <summary>
    /// True when the client asks for JSON rather than HTML (<c>Accept: application/json</c>): <c>/q/{id}</c> then
    /// answers as <c>/q/{id}.json</c> does. A browser names text/html, so it always gets the page.
    /// </summary>
    public static bool WantsJson(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
            return false;
        double Quality(params string[] types) => accepted
            .Where(a => types.Any(t => a.MediaType.Equals(t, StringComparison.OrdinalIgnoreCase)))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var json = Quality("application/json");
        return json > 0 && json > Quality("text/html", "application/xhtml+xml") && json >= Quality("*/*");
    }

    /// <summary>The text on one line, as verse is quoted inline: its lines divided by a slash.</summary>
    public static string Inline(string text) => string.Join(" / ", Lines(text));

    /// <summary>The text on one line (<see cref="Inline"/>) cut to about <paramref name="length"/> characters at a word boundary, with an ellipsis.</summary>
    public static string Shorten(string text, int length) => Cut(Inline(text), length);

    /// <summary>As <see cref="Shorten"/>, keeping the text's line breaks (verse, dialogue), one per line.</summary>
    public static string ShortenLines(string text, int length) => Cut(string.Join('\n', Lines(text)), length);

    /// <summary>The text's lines, each with its white space collapsed; blank lines left out.</summary>
    public static IEnumerable<string> Lines(string text) => text.Split('\n').Select(QuoteIds.Normalize).Where(line => line.Length > 0);

    private static string Cut(string text, int length)
    {
        if (text.Length <= length)
            return text;
        var cut = text.LastIndexOfAny([' ', '\n'], length);
        // No mark left dangling before the ellipsis: a comma, or the slash between two lines of verse.
        return text[..(cut > length / 2 ? cut : length)].TrimEnd(',', ';', ':', '.', '/', ' ') + "…";
    }

    /// <summary>The quote as plain text: its words, its attribution, and where it lives.</summary>
    public static string PlainText(QuoteView quote, string permalink)
    {
        var text = new StringBuilder(quote.Text.Trim()).Append('\n');
        if (Byline.Caution(quote) is { } caution)
            text.Append($"[{caution}]\n");
        // The author first, where the attribution does not start with the name (a person page's own quote: "Essay 2").
        var author = Byline.AuthorOf(quote);
        if (author is not null && !(quote.Attribution is [var first, ..] && first.Text.StartsWith(author, StringComparison.Ordinal)))
            text.Append("\n— ").Append(author);
        foreach (var line in quote.Attribution)
        {
            // A line of the attribution that breaks goes on under its own words, not at the margin where the quote's are.
            var indent = new string(' ', 2 * (line.Depth - 1));
            text.Append('\n').Append(indent).Append(line.IsLabelled ? "  " : "— ").Append(string.Join("\n" + indent + "  ", Lines(line.Text)));
        }
        if (author is not null || quote.Attribution.Count > 0)
            text.Append('\n');
        // What a reuse must credit: the page the quote was taken from and its licence, as the citations give them.
        return text.Append($"\nFrom “{quote.Topic.Title}” on {ArchiveUrls.SiteName}: {permalink}\n")
            .Append($"Source: {Citations.SourceOf(quote)}\n").ToString();
    }

    /// <summary>
    /// The problem (404) an id no quote has is answered with, wherever a quote is asked for in JSON; its type given,
    /// as a Razor page's result does not add it.
    /// </summary>
    public static ProblemDetails UnknownQuote() => new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        Status = StatusCodes.Status404NotFound,
        Title = "Quote not found",
        Detail = "No quote has this id.",
    };

    /// <summary>The body of a 410 in JSON: what became of the quote, and where its topic is.</summary>
    public static object GoneDetails(QuoteLink.Gone gone) => new
    {
        title = "Quote removed",
        status = StatusCodes.Status410Gone,
        detail = $"This quote is no longer in the archive. It stood in the topic “{gone.TopicTitle}”.",
        topic = ArchiveUrls.Topic(gone.TopicSlug),
    };

    private const string PlainTextType = "text/plain; charset=utf-8";

    // A removed or unknown quote is told in JSON (a problem) unless the form says otherwise; with a body either way,
    // so that the site's 404 page does not take the answer over.
    private static async Task<IResult> AnswerAsync(ArchiveDbContext db, string id, string suffix, Func<QuoteView, IResult> answer,
        CancellationToken cancellationToken, Func<QuoteLink.Gone, IResult>? removed = null, IResult? unknown = null) =>
        await db.ResolveAsync(id, cancellationToken) switch
        {
            QuoteLink.Found found => answer(found.Quote),
            QuoteLink.Moved moved => TypedResults.Redirect(ArchiveUrls.Quote(moved.Id) + suffix, permanent: true),
            QuoteLink.Gone gone => removed?.Invoke(gone)
                ?? TypedResults.Json(GoneDetails(gone), statusCode: StatusCodes.Status410Gone, contentType: "application/problem+json"),
            _ => unknown ?? TypedResults.Problem(UnknownQuote()),
        };
}
