using Microsoft.Net.Http.Headers;

namespace QuoteArchive.Web.Hosting;

/// <summary>
/// The site is read-only: every address answers GET and HEAD, and nothing else. Another method is told so (405, with
/// the methods that are allowed), where Razor Pages would answer a POST with 400 for its missing antiforgery token.
/// OPTIONS says which methods there are.
/// </summary>
public static class ReadOnlyMethods
{
    private const string Allowed = "GET, HEAD, OPTIONS";

    public static IApplicationBuilder UseReadOnlyMethods(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
            return next(context);
        context.Response.Headers[HeaderNames.Allow] = Allowed;
        context.Response.StatusCode = HttpMethods.IsOptions(method) ? StatusCodes.Status204NoContent : StatusCodes.Status405MethodNotAllowed;
        return Task.CompletedTask;
    });
}
