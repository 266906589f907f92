using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QuoteArchive.Web.Health;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddArchiveHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HealthOptions>(configuration.GetSection("Health"));
        services.AddHealthChecks().AddCheck<ArchiveHealthCheck>("archive", tags: [ReadyTag]);
        return services;
    }

    /// <summary>The probes: no archive needed, never rate-limited, logged only when they fail.</summary>
    public static bool IsProbe(PathString path) => path == "/healthz" || path == "/readyz";

    /// <summary>
    /// <c>/healthz</c>: the process answers (liveness; runs no check, so a slow disk never restarts a pod).
    /// <c>/readyz</c>: the archive is open and has topics (readiness): to everyone the status and one word per check;
    /// to loopback and the networks in <c>Health:DetailsNetworks</c> also paths, errors and import diagnostics.
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
        var details = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthOptions>>().Value
            .MaySeeDetails(context.Connection.RemoteIpAddress);
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => details
                ? (object)new
                {
                    status = e.Value.Status.ToString(),
                    reason = e.Value.Data.GetValueOrDefault(ArchiveHealthCheck.Reason),
                    description = e.Value.Description,
                    error = e.Value.Exception?.Message,
                    data = e.Value.Data.Where(d => d.Key != ArchiveHealthCheck.Reason).ToDictionary(),
                }
                : new { status = e.Value.Status.ToString(), reason = e.Value.Data.GetValueOrDefault(ArchiveHealthCheck.Reason) }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>The <c>Health</c> configuration section.</summary>
public sealed class HealthOptions
{
    /// <summary>Networks (CIDR, comma-separated) besides loopback that see <c>/readyz</c> details: paths, errors, diagnostics.</summary>
    public string DetailsNetworks { get; set; } = "";

    public bool MaySeeDetails(IPAddress? client)
    {
        // No address: a Unix socket, or the in-process test server; neither is reachable from outside.
        if (client is null)
            return true;
        if (client.IsIPv4MappedToIPv6)
            client = client.MapToIPv4();
        return IPAddress.IsLoopback(client)
            || DetailsNetworks.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Any(network => IPNetwork.TryParse(network, out var parsed) && parsed.Contains(client));
    }
}
