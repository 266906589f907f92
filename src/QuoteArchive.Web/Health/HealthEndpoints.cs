using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QuoteArchive.Web.Health;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddArchiveHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ArchiveHealthCheck>("archive", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// <c>/healthz</c>: the process answers (liveness; runs no check, so a slow disk never restarts a pod).
    /// <c>/readyz</c>: the archive is open and has topics (readiness), with the import's errors in the body.
    /// Both answer <c>Cache-Control: no-store</c> and are never output-cached.
    /// </summary>
    public static IEndpointRouteBuilder MapArchiveHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync })
            .CacheOutput(policy => policy.NoCache());
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteJsonAsync })
            .CacheOutput(policy => policy.NoCache());
        return endpoints;
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                error = e.Value.Exception?.Message,
                data = e.Value.Data,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
