using Serilog;
using Serilog.Events;

namespace QuoteArchive.Web.Hosting;

public static class RequestLogging
{
    /// <summary>Nginx's status for a request whose client closed the connection before the answer: no server error.</summary>
    public const int ClientClosedRequest = 499;

    /// <summary>One line per request, carrying the topic or quote it was about.</summary>
    public static IApplicationBuilder UseArchiveRequestLogging(this IApplicationBuilder app) =>
        // Read from the route rather than set by the handlers: a response from the output cache runs no handler.
        app.UseSerilogRequestLogging(options =>
        {
            options.EnrichDiagnosticContext = (diagnostics, context) => Enrich(diagnostics, context.Request.RouteValues);
            // Orchestrators probe /healthz and /readyz every few seconds: successful probes are not worth a line each.
            // A 503 is the archive being away, whose cause is logged once: a warning per request, not an error.
            options.GetLevel = (context, _, exception) =>
                exception is null && context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable ? LogEventLevel.Warning
                : exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : QuoteArchive.Web.Health.HealthEndpoints.IsProbe(context.Request.Path) && context.Response.StatusCode < 400 ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        }).Use(AnswerClientsThatLeft);

    /// <summary>
    /// A client that closes its connection cancels the request: whatever was reading for it stops with an
    /// <see cref="OperationCanceledException"/>, which would be logged as a server error (500) though nothing failed
    /// (a load test's end, a probe's timeout). Logged as 499 instead.
    /// </summary>
    public static async Task AnswerClientsThatLeft(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (!context.Response.HasStarted)
                context.Response.StatusCode = ClientClosedRequest;
        }
    }

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
