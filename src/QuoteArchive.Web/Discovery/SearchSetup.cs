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

/// <summary>A page of a long list, read leniently from the query string: a bad value is the default, not an error.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 100;
    /// <summary>Far enough for any reader; it bounds what a request can make the database skip.</summary>
    public const int MaxPage = 1000;

    public int Skip => (Page - 1) * PageSize;

    public static Paging From(string? page, string? pageSize, int defaultPageSize = 20) => new(
        int.TryParse(page, out var p) ? Math.Clamp(p, 1, MaxPage) : 1,
        int.TryParse(pageSize, out var s) ? Math.Clamp(s, 1, MaxPageSize) : defaultPageSize);

    public bool HasNext(int total) => Page < MaxPage && (long)Page * PageSize < total;

    public int LastPage(int total) => Math.Clamp((total + PageSize - 1) / PageSize, 1, MaxPage);

    /// <summary>The current request's URL with another page number, every other parameter kept.</summary>
    public static string UrlFor(HttpRequest request, int page)
    {
        var query = request.Query
            .Where(p => !p.Key.Equals("page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return request.PathBase + request.Path + QueryString.Create(query);
    }

    /// <summary>RFC 8288 <c>Link</c> header of the API: the next page, and the previous one.</summary>
    public void AddLinkHeader(HttpContext context, int total)
    {
        var links = new List<string>();
        if (HasNext(total))
            links.Add($"<{UrlFor(context.Request, Page + 1)}>; rel=\"next\"");
        if (Page > 1)
            links.Add($"<{UrlFor(context.Request, Math.Min(Page - 1, LastPage(total)))}>; rel=\"prev\"");
        if (links.Count > 0)
            context.Response.Headers.Link = string.Join(", ", links);
    }
}
