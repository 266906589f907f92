using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Net.Http.Headers;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Pages.Quotes;

namespace QuoteArchive.Web.Hosting;

/// <summary>Every output-cache policy of the site.</summary>
public static class OutputCaching
{
    /// <summary>The policy of answers that must differ on every request (a random quote): never cached.</summary>
    public const string Never = "never";

    /// <summary>
    /// The archive only changes as a whole (a new file, a new generation), so pages and API answers are cached whole,
    /// keyed on the generation the request reads. Static assets are left to MapStaticAssets: fingerprinted, immutable, negotiated by encoding.
    /// </summary>
    public static IServiceCollection AddArchiveOutputCache(this IServiceCollection services, IConfiguration configuration)
    {
        // The bodies it holds, in megabytes. Memory follows it: after a crawl of 21,000 topics of the full shape the
        // app took 446 MB with ASP.NET Core's default of 100, 333 MB with 32 (bench/miss-walk.sh, MISS_WARM=20000).
        var setting = configuration["OutputCache:SizeLimitMegabytes"];
        var megabytes = setting is null ? 32 : int.TryParse(setting, out var asked) ? asked : 0;
        services.AddOptions<OutputCacheOptions>()
            .Validate(options => options.SizeLimit >= 1L << 20, "OutputCache:SizeLimitMegabytes must be a whole number of megabytes, 1 or more")
            .ValidateOnStart();
        services.AddOutputCache(options =>
        {
            options.SizeLimit = (long)megabytes << 20;
            // /q/ABC answers 301 to /q/abc: paths that differ in case are different answers, not one cache entry.
            options.UseCaseSensitivePaths = true;
            options.AddBasePolicy(policy => policy
                .With(context => context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
                .Expire(TimeSpan.FromMinutes(10)));
            options.AddBasePolicy(new KeyedBy(VaryByArchive));
            // /q/{id} answers JSON to a client that asks for it, the page to everyone else: one entry each.
            options.AddBasePolicy(policy => policy
                .With(context => QuoteFormats.IsNegotiated(context.HttpContext.Request))
                .VaryByValue(context => new("json", QuoteFormats.WantsJson(context.Request) ? "1" : "0")));
            // Only by the query parameters the endpoint reads, not every one (the default): an unknown parameter
            // (?utm_source=…) neither misses nor adds an entry.
            options.AddBasePolicy(new KeyedBy(context => context.CacheVaryByRules.QueryKeys = QueryKeys.Of(context.HttpContext)));
            options.AddBasePolicy(new KeyedBy(VaryByEncoding));
            // Pages name the configured address whatever the host: one entry serves every host name.
            options.AddBasePolicy(new KeyedBy(context => context.CacheVaryByRules.VaryByHost = !PublicAddress.IsConfigured(context.HttpContext)));
            options.AddBasePolicy(RedirectsAndMisses.Policy);
            options.AddPolicy(Never, policy => policy.NoCache());
        });
        return services.AddRedirectsAndMissesStore();
    }

    // The cache key changes with the archive's date, so a cached page never shows yesterday's quote of the day, and
    // with the archive file, so no page of the old file is served after a switch.
    private static void VaryByArchive(OutputCacheContext context)
    {
        var services = context.HttpContext.RequestServices;
        context.CacheVaryByRules.VaryByValues["utc-date"] = services.GetRequiredService<ArchiveClock>().Today.ToString("O");
        context.CacheVaryByRules.VaryByValues["archive"] = services.GetRequiredService<ArchiveLease>().Generation?.Number.ToString() ?? "";
    }

    // Response compression runs inside the output cache, which so stores bodies compressed once. An entry is kept per
    // encoding the compression middleware will choose (br, gzip or none), not per Accept-Encoding header, which comes
    // in many spellings of the same choice ("gzip, br", "br, gzip", "gzip, deflate, br, zstd"). Every answer says it
    // varies so, the uncompressed too, which the middleware leaves unmarked: a shared cache must not serve them to all.
    private static void VaryByEncoding(OutputCacheContext context)
    {
        var http = context.HttpContext;
        if (!Compression.MayCompress(http))
            return;
        var compression = http.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        context.CacheVaryByRules.VaryByValues["encoding"] = compression.CheckRequestAcceptsCompression(http)
            ? compression.GetCompressionProvider(http)?.EncodingName ?? ""
            : "";
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
    }

    // Only adds to the key of what the first policy caches: whether a response is cached at all stays the decision of
    // the other policies (a policy from OutputCachePolicyBuilder would switch caching on for everything, static assets too).
    private sealed class KeyedBy(Action<OutputCacheContext> vary) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.EnableOutputCaching)
                vary(context);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
