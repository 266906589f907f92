using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using QuoteArchive.Web.Discovery;

namespace QuoteArchive.Web.Hosting;

public static class Compression
{
    /// <summary>
    /// Brotli, else gzip, for clients that ask, over what the app itself writes: pages, JSON, feed, sitemaps and text.
    /// Not static assets, which MapStaticAssets serves precompressed, nor the share PNG, compressed already.
    /// Placed inside the output cache, which stores what it compresses.
    /// </summary>
    public static IServiceCollection AddArchiveCompression(this IServiceCollection services) =>
        services
            .AddResponseCompression(options =>
            {
                // BREACH reads a secret out of compressed pages that also echo what an attacker sends; no answer here holds
                // one (no cookie, no antiforgery token, no session, nothing per user).
                options.EnableForHttps = true;
                options.Providers.Add<BrotliCompressionProvider>();
                options.Providers.Add<GzipCompressionProvider>();
                options.MimeTypes =
                [
                    "text/html", "application/json", "application/problem+json", "text/plain",
                    "application/xml", "application/atom+xml", DiscoveryEndpoints.OpenSearchType,
                ];
            })
            // Optimal rather than the providers' Fastest: once per cache entry, Love (1.2 MB) takes about 15 ms more and
            // 30% fewer bytes (br 197 KB, gzip 215 KB). Brotli's quality 5 would save 5% more at three times the time
            // of a cache miss; gzip's SmallestSize saves 0.1%.
            .Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal)
            .Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);

    /// <summary>
    /// False for an endpoint marked <see cref="Uncompressed"/> (the share PNG): its answer is the same bytes whatever
    /// encoding the client accepts, so it is cached once and says it does not vary by Accept-Encoding.
    /// </summary>
    public static bool MayCompress(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<Uncompressed>() is null;

    /// <summary>Marks an endpoint whose answers are of a type this app never compresses.</summary>
    public static TBuilder Uncompressed<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Hosting.Uncompressed.Instance);
}

/// <summary>Endpoint metadata: see <see cref="Compression.MayCompress"/>.</summary>
public sealed class Uncompressed
{
    public static readonly Uncompressed Instance = new();

    private Uncompressed()
    {
    }
}
