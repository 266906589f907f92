using Serilog;
using Serilog.Events;

namespace QuoteArchive.Web.Hosting;

public static class RequestLogging
{
    /// <summary>One line per request, carrying the topic or quote it was about.</summary>
    public static IApplicationBuilder UseArchiveRequestLogging(this IApplicationBuilder app) =>
        // Read from the route rather than set by the handlers: a response from the output cache runs no handler.
        app.UseSerilogRequestLogging(options =>
        {
            options.EnrichDiagnosticContext = (diagnostics, context) => Enrich(diagnostics, context.Request.RouteValues);
            // Orchestrators probe /healthz and /readyz every few seconds: successful probes are not worth a line each.
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : QuoteArchive.Web.Health.HealthEndpoints.IsProbe(context.Request.Path) && context.Response.StatusCode < 400 ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });

    /// <summary>
    /// Adds <c>TopicSlug</c> and <c>QuoteId</c> from route values. The not-found page calls it too, with the values
    /// of the request it stands in for, which the re-execution has cleared by the time the request is logged.
    /// </summary>
    public static void Enrich(IDiagnosticContext diagnostics, RouteValueDictionary? values)
    {
        if (values is null)
            return;
        if (values.TryGetValue("slug", out var slug) && slug is string topicSlug)
            diagnostics.Set("TopicSlug", Truncate(topicSlug));
        if (values.TryGetValue("id", out var id) && id is string quoteId)
            diagnostics.Set("QuoteId", Truncate(quoteId));
    }

    // A path may be kilobytes long; a log line need not be.
    private static string Truncate(string value) => value.Length <= 200 ? value : value[..200] + "…";
}
