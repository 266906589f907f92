using Microsoft.Extensions.Options;

namespace QuoteArchive.Web.Hosting;

/// <summary><c>Site</c> settings: <c>Site:PublicUrl</c>, the address readers reach the site at.</summary>
public sealed class SiteOptions
{
    /// <summary>An origin such as <c>https://quotes.example.org</c>; unset, each request's own.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>
/// The address pages link to themselves under (permalinks, cards, citations, feeds, sitemaps). Unset, it is the one
/// each request was made to: a reverse proxy's inner address would show, and the output cache keeps a copy of a page
/// per host name. Set, every page says the site's own address, and one copy serves every host name.
/// </summary>
public static class PublicAddress
{
    public static IServiceCollection AddPublicAddress(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection("Site"))
            .Validate(site => site.PublicUrl is null or "" || Origin(site.PublicUrl) is not null,
                "Site:PublicUrl must be an http or https origin without path, query or fragment, such as https://quotes.example.org")
            .ValidateOnStart();
        // Written as URLs spell it, whatever the setting's spelling: HTTPS://Quotes.Example.org:443/ is https://quotes.example.org.
        services.PostConfigure<SiteOptions>(site => site.PublicUrl = site.PublicUrl is { Length: > 0 } url ? Origin(url) ?? url : null);
        return services;
    }

    /// <summary>The site's address without a final <c>/</c>: the configured one, or the request's own.</summary>
    public static string BaseOf(HttpRequest request) =>
        Configured(request.HttpContext) ?? $"{request.Scheme}://{HostOf(request)}{request.PathBase}";

    /// <summary>The site's host name: the configured address's, or the one the request was made to.</summary>
    public static string HostNameOf(HttpRequest request) =>
        Configured(request.HttpContext) is { } configured ? new Uri(configured).Host : HostOf(request).Host;

    /// <summary>Whether pages name the configured address whatever host they were asked under.</summary>
    public static bool IsConfigured(HttpContext context) => Configured(context) is not null;

    // A context made by hand (a unit test's) has no services: the request's own address then.
    private static string? Configured(HttpContext context) =>
        context.RequestServices?.GetService<IOptions<SiteOptions>>()?.Value.PublicUrl is { Length: > 0 } url ? url : null;

    // An HTTP/1.0 request may name no host: the address it reached then, so that every link is still absolute.
    private static HostString HostOf(HttpRequest request) =>
        request.Host.HasValue ? request.Host
        : request.HttpContext.Connection.LocalIpAddress is { } address ? new HostString(address.ToString(), request.HttpContext.Connection.LocalPort)
        : new HostString("localhost");

    private static string? Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
