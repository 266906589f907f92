using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QuoteArchive.Web.Discovery;

public static class SearchSetup
{
    /// <summary>
    /// The clock of the quote of the day (tests replace it), and a cache key that changes with the UTC date, so a
    /// cached page never shows yesterday's quote of the day.
    /// </summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<OutputCacheOptions>(options => options.AddBasePolicy(new VaryByUtcDate()));
        return services;
    }

    // Only adds to the cache key: whether a response is cached at all stays the decision of the other policies
    // (a policy from OutputCachePolicyBuilder would switch caching on for everything, static assets too).
    private sealed class VaryByUtcDate : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.CacheVaryByRules.VaryByValues["utc-date"] = Today(context.HttpContext.RequestServices).ToString("O");
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    public static DateOnly Today(IServiceProvider services) =>
        DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
}
