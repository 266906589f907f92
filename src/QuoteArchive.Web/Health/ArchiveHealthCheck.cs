using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Health;

/// <summary>
/// Ready when the archive opens and holds topics. An import that skipped files still serves what imported,
/// so it is Degraded (HTTP 200) with the errors listed, not Unhealthy: a replica should take traffic,
/// and the operator should see why some pages are missing.
/// </summary>
internal sealed class ArchiveHealthCheck(ArchiveDbContext db) : IHealthCheck
{
    private const int ListedDiagnostics = 20;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var topics = await db.Topics.CountAsync(cancellationToken);
            var build = await db.Builds.OrderBy(b => b.Id).FirstOrDefaultAsync(cancellationToken);
            var errors = await db.Diagnostics.Where(d => d.Severity == "error").OrderBy(d => d.Id).Take(ListedDiagnostics)
                .Select(d => d.File + ":" + d.Line + ":" + d.Column + ": error: " + d.Message)
                .ToListAsync(cancellationToken);
            var data = new Dictionary<string, object>
            {
                ["buildId"] = build?.BuildId ?? "",
                ["builtAt"] = build?.BuiltAt.ToString("O") ?? "",
                ["topics"] = topics,
                ["quotes"] = build?.Quotes ?? 0,
                ["warnings"] = build?.Warnings ?? 0,
                ["errors"] = build?.Errors ?? errors.Count,
                ["diagnostics"] = errors,
            };
            if (topics == 0)
                return HealthCheckResult.Unhealthy("The archive holds no topics.", data: data);
            if (errors.Count > 0 || build?.Errors > 0)
                return HealthCheckResult.Degraded(
                    $"The import reported {data["errors"]} error(s); files with errors were skipped, the rest is served.", data: data);
            return HealthCheckResult.Healthy($"{topics} topics.", data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The archive cannot be read.", ex);
        }
    }
}
