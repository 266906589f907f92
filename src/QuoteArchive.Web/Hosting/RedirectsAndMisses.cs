using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QuoteArchive.Web.Hosting;

/// <summary>
/// Permanent redirects (301) and misses (404, 410) are output-cached like pages, but for a minute only: a crawler's
/// typo or a redirect alias costs one lookup a minute, and room in the cache stays with the pages.
/// </summary>
public static class RedirectsAndMisses
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>The output-cache tag of their entries.</summary>
    public const string Tag = "redirect-or-miss";

    /// <summary>Stores them, which the default policy declines (it stores 200s only), and tags them.</summary>
    public static readonly IOutputCachePolicy Policy = new StoreTagged();

    /// <summary>
    /// Wraps the output-cache store so that it keeps tagged entries for <see cref="Lifetime"/>. The middleware fixes
    /// an entry's lifetime as the first byte of its body passes, before any policy has seen the status
    /// (dotnet/aspnetcore#52670); its tags it reads at the end, when the entry is stored.
    /// </summary>
    public static IServiceCollection AddRedirectsAndMissesStore(this IServiceCollection services)
    {
        var registered = services.Single(d => d.ServiceType == typeof(IOutputCacheStore));
        return services.Replace(ServiceDescriptor.Singleton<IOutputCacheStore>(provider =>
            new Store((IOutputCacheStore)registered.ImplementationFactory!(provider))));
    }

    private static bool IsRedirectOrMiss(int status) =>
        status is StatusCodes.Status301MovedPermanently or StatusCodes.Status404NotFound or StatusCodes.Status410Gone;

    private sealed class StoreTagged : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            // A request that may be answered from the cache (the default policy's GET or HEAD without credentials)
            // may store its answer; one that sets a cookie is nobody else's.
            if (context.AllowCacheLookup && IsRedirectOrMiss(response.StatusCode) && response.Headers.SetCookie.Count == 0)
            {
                context.AllowCacheStorage = true;
                context.Tags.Add(Tag);
            }
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The output-cache store, keeping the entries tagged <see cref="Tag"/> for <see cref="Lifetime"/> at most.</summary>
    public sealed class Store(IOutputCacheStore store) : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => store.EvictByTagAsync(tag, cancellationToken);

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => store.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            store.SetAsync(key, value, tags, tags?.Contains(Tag) == true && validFor > Lifetime ? Lifetime : validFor, cancellationToken);
    }
}
