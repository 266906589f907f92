namespace QuoteArchive.Web.Caching;

/// <summary>The <c>Caching</c> configuration section: how long shared caches (a CDN, a reverse proxy) may keep a page.</summary>
public sealed class CachingOptions
{
    /// <summary>Fresh for this long (<c>max-age</c>).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Then served stale while the cache revalidates in the background (<c>stale-while-revalidate</c>).</summary>
    public TimeSpan StaleWhileRevalidate { get; set; } = TimeSpan.FromDays(1);
}
