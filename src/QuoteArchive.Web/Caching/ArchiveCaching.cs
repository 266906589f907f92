using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Hosting;
using QuoteArchive.Web.Pages.Quotes;

namespace QuoteArchive.Web.Caching;

public static class ArchiveCaching
{
    /// <summary>
    /// Gives every successful page and API response an ETag from the archive build and
    /// <c>Cache-Control: public, max-age, stale-while-revalidate</c>, and answers a matching
    /// <c>If-None-Match</c> with 304 before any page runs. Responses that chose their own Cache-Control
    /// (fingerprinted static assets: immutable; health: no-store; <c>/random</c>: no-store) are left alone,
    /// as are errors and responses that set a cookie. The build is the one the request's lease is on.
    /// </summary>
    public static WebApplication UseArchiveCaching(this WebApplication app)
    {
        var options = app.Configuration.GetSection("Caching").Get<CachingOptions>() ?? new CachingOptions();
        var clock = app.Services.GetRequiredService<ArchiveClock>();
        var cacheControl = $"public, max-age={(int)options.MaxAge.TotalSeconds}, stale-while-revalidate={(int)options.StaleWhileRevalidate.TotalSeconds}";

        app.Use(async (context, next) =>
        {
            var request = context.Request;
            // The build of the archive this request reads: after a switch, new requests get the new build's tags.
            var generation = context.RequestServices.GetRequiredService<ArchiveLease>().Generation;
            if (generation is null || !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                await next(context);
                return;
            }
            // A quote's page and its JSON share a path (content negotiation): each has its own tag. Parameters the
            // page does not read change nothing, as they change nothing in the output cache.
            var variant = QuoteFormats.IsNegotiated(request) && QuoteFormats.WantsJson(request) ? "json" : "";
            var query = request.QueryString.HasValue ? QueryString.Create(QueryKeys.Known(context)) : QueryString.Empty;
            var etag = ArchiveEtag.For(ArchiveEtag.VersionOf(generation.BuildId), clock.Today, request.PathBase + request.Path, query, variant);
            var response = context.Response;
            // The tag names this path, and it is only ever sent with a cacheable response of this path,
            // so a client holding it may be told "not modified" without running the page.
            if (ArchiveEtag.Matches(request.Headers.IfNoneMatch, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.Headers.ETag = etag;
                response.Headers.CacheControl = cacheControl;
                // As the whole answer would: a cache keeps one copy per encoding (and per form of a quote).
                StringValues varies = Compression.MayCompress(context) ? HeaderNames.AcceptEncoding : StringValues.Empty;
                response.Headers.Vary = QuoteFormats.IsNegotiated(request) ? StringValues.Concat(varies, HeaderNames.Accept) : varies;
                return;
            }
            // Past this point the output cache would answer 304 to "If-None-Match: *" or to an If-Modified-Since for
            // any entry it holds, a cached 404 or 301 too: this middleware alone says "not modified" for the archive's
            // answers. Static assets keep theirs: they answer them themselves.
            if (context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            {
                request.Headers.Remove(HeaderNames.IfNoneMatch);
                request.Headers.Remove(HeaderNames.IfModifiedSince);
            }
            response.OnStarting(() =>
            {
                if (response.StatusCode == StatusCodes.Status200OK
                    && response.Headers.CacheControl.Count == 0
                    && response.Headers.SetCookie.Count == 0)
                {
                    response.Headers.ETag = etag;
                    response.Headers.CacheControl = cacheControl;
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
        return app;
    }
}
