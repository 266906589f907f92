using Microsoft.Net.Http.Headers;

namespace QuoteArchive.Web.Hosting;

/// <summary>
/// Scripts on any site may read the JSON addresses (<see cref="JsonAddresses"/>): the archive is public and read-only,
/// and no answer depends on a cookie or a credential, so every origin gets <c>*</c>, and an answer cached for one
/// origin is right for all.
/// </summary>
public static class JsonCors
{
    public const string Policy = "public-json";

    public static IServiceCollection AddJsonCors(this IServiceCollection services) =>
        services.AddCors(options => options.AddPolicy(Policy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            // A script revalidating by hand sends If-None-Match, which asks for a preflight.
            .AllowAnyHeader()
            // What a script needs to page through a list and to revalidate an answer.
            .WithExposedHeaders(HeaderNames.Link, HeaderNames.ETag)));

    /// <summary>
    /// Before the read-only check, which would answer a preflight itself, and outside the output cache, so that a
    /// cached answer gets the headers as a fresh one does.
    /// </summary>
    public static IApplicationBuilder UseJsonCors(this IApplicationBuilder app) =>
        app.UseWhen(context => JsonAddresses.Includes(context.Request), json => json.UseCors(Policy));
}
