using Microsoft.AspNetCore.Diagnostics;
using Serilog;

namespace QuoteArchive.Web.Hosting;

public static class RequestLogging
{
    /// <summary>One line per request, carrying the topic or quote it was about.</summary>
    public static IApplicationBuilder UseArchiveRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options => options.EnrichDiagnosticContext = (diagnostics, context) =>
        {
            // Read from the route rather than set by the handlers: a response from the output cache runs no
            // handler, and a 404 re-executed as the not-found page has lost its route values but for this feature.
            var values = context.Features.Get<IStatusCodeReExecuteFeature>()?.RouteValues ?? context.Request.RouteValues;
            if (values.TryGetValue("slug", out var slug) && slug is string topicSlug)
                diagnostics.Set("TopicSlug", Truncate(topicSlug));
            if (values.TryGetValue("id", out var id) && id is string quoteId)
                diagnostics.Set("QuoteId", Truncate(quoteId));
        });

    // A path may be kilobytes long; a log line need not be.
    private static string Truncate(string value) => value.Length <= 200 ? value : value[..200] + "…";
}
