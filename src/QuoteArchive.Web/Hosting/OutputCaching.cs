using Microsoft.AspNetCore.StaticAssets;

namespace QuoteArchive.Web.Hosting;

public static class OutputCaching
{
    /// <summary>
    /// The archive only changes when it is re-imported (and the server restarted), so pages and API answers are
    /// cached whole. Static assets are left to MapStaticAssets: fingerprinted, immutable, negotiated by encoding.
    /// </summary>
    public static IServiceCollection AddArchiveOutputCache(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            // /q/ABC answers 301 to /q/abc: paths that differ in case are different answers, not one cache entry.
            options.UseCaseSensitivePaths = true;
            options.AddBasePolicy(policy => policy
                .With(context => context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
                .Expire(TimeSpan.FromMinutes(10)));
        });
}
