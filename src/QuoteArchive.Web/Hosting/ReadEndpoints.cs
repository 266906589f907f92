namespace QuoteArchive.Web.Hosting;

/// <summary>
/// Addresses that are read answer HEAD as they answer GET, as Razor Pages do: link checkers, crawlers and link
/// previews ask with HEAD first, and a 404 there reads as a dead link. Kestrel sends no body for HEAD.
/// </summary>
public static class ReadEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>For an endpoint a library maps for GET alone: routing heeds the methods added last.</summary>
    public static readonly HttpMethodMetadata GetAndHeadMetadata = new(GetAndHead);

    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder routes, string pattern, Delegate handler) =>
        routes.MapMethods(pattern, GetAndHead, handler);
}
