namespace QuoteArchive.Web.Hosting;

/// <summary>
/// Kestrel takes any Host header of the right characters; some of them are no host at all (<c>x:99999</c>, <c>a..b</c>,
/// a punycode label that decodes to nothing, <c>xn--a</c>), and the output cache's key and every absolute link would
/// throw on them. Such a request is told so (400), before anything reads the host.
/// </summary>
public static class HostHeader
{
    public static IApplicationBuilder UseUsableHost(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // The header as sent: reading Request.Host is what throws.
        if (IsUsable(context.Request.Headers.Host.ToString()))
            return next(context);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("The Host header names no host this site can answer for.\n");
    });

    // Nearly every request names the host the last one did: that one is not checked again (one entry, so that hosts
    // made up by a client cannot fill memory).
    private static string? lastUsable;

    /// <summary>True when the host can stand in an absolute URL (none at all, as in HTTP/1.0, can: the local address stands in).</summary>
    public static bool IsUsable(string host)
    {
        if (host.Length == 0 || host == lastUsable)
            return true;
        try
        {
            // As Request.Host reads it (its punycode labels decoded), then as a URL writes it.
            var parsed = HostString.FromUriComponent(host);
            if (!Uri.TryCreate($"http://{parsed.ToUriComponent()}/", UriKind.Absolute, out _))
                return false;
            lastUsable = host;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
