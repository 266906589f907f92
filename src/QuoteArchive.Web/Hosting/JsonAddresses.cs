using Microsoft.Net.Http.Headers;
using QuoteArchive.Web.Pages.Quotes;

namespace QuoteArchive.Web.Hosting;

/// <summary>
/// The addresses that answer JSON: the API (<c>/api/…</c>, its description too), a quote's <c>.json</c> and
/// <c>/cite</c>, and a quote's permalink asked for JSON. Scripts on other sites may read them (<see cref="JsonCors"/>),
/// and what they refuse they say as a problem in JSON, not as a page.
/// </summary>
public static class JsonAddresses
{
    public static bool Includes(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/api"))
            return true;
        if (!request.Path.StartsWithSegments("/q", out var rest) || rest.Value is not { Length: > 1 } quote)
            return false;
        if (quote.EndsWith(".json", StringComparison.Ordinal) || quote.EndsWith("/cite", StringComparison.Ordinal))
            return true;
        // The permalink itself (not .txt, .png): a preflight cannot say which form the request after it will ask for.
        return !quote.AsSpan(1).ContainsAny('/', '.') && (QuoteFormats.WantsJson(request) || IsPreflight(request));
    }

    private static bool IsPreflight(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod);
}
