using System.Text;
using Microsoft.AspNetCore.Routing.Patterns;

namespace QuoteArchive.Web.Hosting;

/// <summary>
/// One address per page: routing matches <c>/Wiki/Love</c>, <c>/Q/…</c> and <c>/q/…/</c> as well as the addresses
/// the site writes, so each other spelling of a route's fixed words, or a slash after its last, is sent to the
/// address the site writes (301, with the parameters the page reads); so is Razor Pages' other route to the home
/// page, <c>/Index</c>. What a page's parameters hold (a slug, an id) the page itself makes canonical.
/// </summary>
public static class CanonicalPaths
{
    public static IApplicationBuilder UseCanonicalPaths(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // A fallback (MapFallback's order: after every route) answers what no route does, the API's 404: in any
        // spelling a miss, never worth a 301 first.
        if (context.GetEndpoint() is not RouteEndpoint { RoutePattern: var pattern } endpoint
            || endpoint.Order == int.MaxValue
            || Canonical(context.Request.Path.Value!, pattern) is not { } canonical)
            return next(context);
        context.Response.Redirect(context.Request.PathBase + canonical + QueryString.Create(QueryKeys.Known(context)), permanent: true);
        return Task.CompletedTask;
    });

    /// <summary>The path with the route's fixed words as the route spells them and no slash after the last; null when it is so already.</summary>
    public static string? Canonical(string path, RoutePattern pattern)
    {
        if (pattern.PathSegments is [{ Parts: [RoutePatternLiteralPart { Content: "Index" }] }])
            return "/";
        // Cheap for what the site writes (every cache hit comes here): nothing is allocated unless something changes.
        var segments = pattern.PathSegments;
        var canonical = default(StringBuilder);
        var start = 1;
        for (var i = 0; i < segments.Count && start <= path.Length; i++)
        {
            var end = path.IndexOf('/', start);
            if (end < 0)
                end = path.Length;
            var segment = path.AsSpan(start, end - start);
            // The rest is one parameter (a slug that may hold slashes), without a slash after it: "/wiki/Love/" is "/wiki/Love".
            if (segments[i].Parts is [RoutePatternParameterPart { IsCatchAll: true }])
                return path.Length > start && path.EndsWith('/')
                    ? (canonical ?? new StringBuilder().Append(path, 0, start)).Append(path, start, path.Length - start - 1).ToString()
                    : canonical?.Append(path, start, path.Length - start).ToString();
            var literal = segments[i].Parts is [RoutePatternLiteralPart { Content: var content }] ? content : null;
            if (literal is not null && !segment.SequenceEqual(literal) && canonical is null)
                canonical = new StringBuilder().Append(path, 0, start);
            canonical?.Append(literal ?? segment).Append('/');
            start = end + 1;
        }
        // A slash after the last segment, which routing ignores: "/q/abc/" is "/q/abc".
        var trailingSlash = segments.Count > 0 && start == path.Length && path.EndsWith('/');
        if (canonical is null && !trailingSlash)
            return null;
        return canonical is null ? path[..^1] : canonical.ToString(0, canonical.Length - 1);
    }
}
