using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Health;

/// <summary>
/// Ready when the archive opens and holds topics. An import that skipped files still serves what imported,
/// so it is Degraded (HTTP 200) with the errors listed, not Unhealthy: a replica should take traffic,
/// and the operator should see why some pages are missing. So is a replacement file that failed its check
/// while the archive opened before it is still served. Every result carries its cause in one word,
/// <c>reason</c>, which is all that visitors from outside see.
/// </summary>
internal sealed class ArchiveHealthCheck(CurrentArchive archive, ArchiveLease lease, ArchiveDbContext db) : IHealthCheck
{
    public const string Reason = "reason";
    private const int ListedDiagnostics = 20;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lease.Generation is not { } generation)
            return HealthCheckResult.Unhealthy($"No archive is open: {archive.Problem}.",
                data: new Dictionary<string, object> { [Reason] = archive.Problem ?? "missing", ["path"] = archive.Path, ["detail"] = archive.ProblemDetail ?? "" });
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
                ["generation"] = generation.Number,
                ["topics"] = topics,
                ["quotes"] = build?.Quotes ?? 0,
                ["warnings"] = build?.Warnings ?? 0,
                ["errors"] = build?.Errors ?? errors.Count,
                ["diagnostics"] = errors,
                // The common words' sets search keeps (CommonWordSets), and whether some are still being read.
                ["searchSets"] = generation.CommonWords.Kept,
                ["searchSetsReading"] = generation.CommonWords.Reading,
            };
            if (topics == 0)
                return HealthCheckResult.Unhealthy("The archive holds no topics.", data: With(data, "empty"));
            if (archive.Problem is { } problem)
                return HealthCheckResult.Degraded(
                    $"The file at the archive's path is {problem} ({archive.ProblemDetail}); the archive opened before it is still served.",
                    data: With(data, problem, ("path", archive.Path)));
            if (errors.Count > 0 || build?.Errors > 0)
                return HealthCheckResult.Degraded(
                    $"The import reported {data["errors"]} error(s); files with errors were skipped, the rest is served.", data: With(data, "import-errors"));
            return HealthCheckResult.Healthy($"{topics} topics.", With(data, "ok"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The archive cannot be read.", ex, new Dictionary<string, object> { [Reason] = "unreadable" });
        }
    }

    private static Dictionary<string, object> With(Dictionary<string, object> data, string reason, params (string Key, object Value)[] more)
    {
        data[Reason] = reason;
        foreach (var (key, value) in more)
            data[key] = value;
        return data;
    }
}
