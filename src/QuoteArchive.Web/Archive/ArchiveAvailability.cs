using Microsoft.AspNetCore.StaticAssets;
using QuoteArchive.Web.Health;

namespace QuoteArchive.Web.Archive;

public static class ArchiveAvailability
{
    private const string RetryAfterSeconds = "30";

    private const string UnavailablePage = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>QuoteArchive is not available</title></head>
        <body><h1>Not available right now</h1><p>The archive is not open. Please try again in a minute.</p></body></html>
        """;

    /// <summary>
    /// Takes each request's lease on the current archive as it starts. Without an archive, pages answer 503 with a
    /// short static page and the API a JSON problem, both with <c>Retry-After</c>; health probes and static assets
    /// need no archive and pass. The cause is logged once, by <see cref="CurrentArchive"/>, not per request.
    /// </summary>
    public static IApplicationBuilder UseCurrentArchive(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HealthEndpoints.IsProbe(context.Request.Path)
                || context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
                || context.RequestServices.GetRequiredService<ArchiveLease>().Generation is not null)
            {
                await next(context);
                return;
            }
            var response = context.Response;
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = RetryAfterSeconds;
            response.Headers.CacheControl = "no-store";
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Archive not available",
                    detail: "The archive is not open; try again later.").ExecuteAsync(context);
                return;
            }
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(UnavailablePage);
        });
}
