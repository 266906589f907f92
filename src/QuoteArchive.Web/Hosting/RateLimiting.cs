using System.Globalization;
using System.Threading.RateLimiting;
using QuoteArchive.Web.Health;

namespace QuoteArchive.Web.Hosting;

/// <summary>The <c>RateLimiting</c> configuration section: a token bucket per client address.</summary>
public sealed class RateLimitingOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>The burst a client may send at once.</summary>
    public int TokenLimit { get; set; } = 60;
    /// <summary>Requests a client regains every <see cref="ReplenishmentPeriod"/>.</summary>
    public int TokensPerPeriod { get; set; } = 20;
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}

public static class RateLimiting
{
    /// <summary>
    /// Limits the answers that cost a query each time (search, random, the API) per client address, with 429 and
    /// <c>Retry-After</c>. Pages and static assets come from caches and are left alone, and so are health probes:
    /// a limited probe would take a healthy replica out of rotation.
    /// </summary>
    public static IServiceCollection AddArchiveRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("RateLimiting").Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Off, the middleware has no limiter to ask and passes every request straight on.
            if (!options.Enabled)
                return;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !IsLimited(context.Request.Path)
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "", _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = options.TokenLimit,
                        TokensPerPeriod = options.TokensPerPeriod,
                        ReplenishmentPeriod = options.ReplenishmentPeriod,
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : (int)Math.Ceiling(options.ReplenishmentPeriod.TotalSeconds);
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                response.Headers.CacheControl = "no-store";
                // Said in words too: a reader's browser shows the body, a script reads the problem.
                var detail = $"Too many requests from this address in a short time: try again in {seconds} s.";
                if (rejected.HttpContext.Request.Path.StartsWithSegments("/api"))
                    await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: detail)
                        .ExecuteAsync(rejected.HttpContext);
                else
                {
                    response.ContentType = "text/plain; charset=utf-8";
                    await response.WriteAsync(detail, cancellationToken);
                }
            };
        });
    }

    private static bool IsLimited(PathString path) =>
        !HealthEndpoints.IsProbe(path)
        && (path.StartsWithSegments("/search") || path.StartsWithSegments("/random") || path.StartsWithSegments("/api"));
}
