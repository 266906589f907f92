using Microsoft.Net.Http.Headers;

namespace QuoteArchive.Web.Hosting;

/// <summary>
/// The site is read-only: every address answers GET and HEAD, and nothing else. Another method is told so (405, with
/// the methods that are allowed), where Razor Pages would answer a POST with 400 for its missing antiforgery token;
/// a JSON address says it in a problem, as its other errors. OPTIONS says which methods there are.
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
        if (HttpMethods.IsOptions(method))
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }
        if (JsonAddresses.Includes(context.Request))
            return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                detail: $"The archive is read-only: this address answers {Allowed}, not {method}.").ExecuteAsync(context);
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        return Task.CompletedTask;
    });
}
