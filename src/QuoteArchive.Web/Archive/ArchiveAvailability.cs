using Microsoft.AspNetCore.StaticAssets;
using QuoteArchive.Web.Health;
using QuoteArchive.Web.Hosting;

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
    /// need no archive and pass. The cause is logged once, by <see cref="CurrentArchive"/>, not per request. So does a
    /// request that finds the archive's file damaged (SQLite's <c>SQLITE_CORRUPT</c>) before it has answered.
    /// </summary>
    public static IApplicationBuilder UseCurrentArchive(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var lease = context.RequestServices.GetRequiredService<ArchiveLease>();
            if (!HealthEndpoints.IsProbe(context.Request.Path)
                && context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null
                && lease.Generation is null)
            {
                await AnswerUnavailableAsync(context);
                return;
            }
            try
            {
                await next(context);
            }
            // The archive found at start is served before its check has read every page, and a disk may fail later:
            // a damaged page is the archive being unavailable, not an error of the app.
            catch (Exception ex) when (ArchiveCheck.IsDamage(ex) && !context.Response.HasStarted)
            {
                context.RequestServices.GetRequiredService<CurrentArchive>().ReportDamage(lease.Generation, ex);
                context.Response.Clear();
                await AnswerUnavailableAsync(context);
            }
        });

    private static async Task AnswerUnavailableAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds;
        response.Headers.CacheControl = "no-store";
        if (JsonAddresses.Includes(context.Request))
        {
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Archive not available",
                detail: "The archive is not open; try again later.").ExecuteAsync(context);
            return;
        }
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(UnavailablePage);
    }
}
