using Microsoft.Extensions.Primitives;

namespace QuoteArchive.Web.Hosting;

/// <summary>
/// The query parameters a page or an API endpoint reads; one without this metadata reads none. Its output-cache
/// entries, its ETag and the links it writes vary by these alone, so that a parameter it ignores
/// (<c>?utm_source=…</c>) is answered from the same cache entry and never echoed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class QueryKeysAttribute(params string[] keys) : Attribute
{
    public StringValues Keys { get; } = new(keys);
}

public static class QueryKeys
{
    /// <summary>Declares the query parameters an endpoint reads (on a page model: <see cref="QueryKeysAttribute"/>).</summary>
    public static TBuilder ReadsQuery<TBuilder>(this TBuilder builder, params string[] keys) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new QueryKeysAttribute(keys));

    /// <summary>The query parameters the endpoint of this request reads.</summary>
    public static StringValues Of(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<QueryKeysAttribute>()?.Keys ?? StringValues.Empty;

    /// <summary>The request's query parameters that its endpoint reads, in the order it declares them.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Known(HttpContext context)
    {
        var query = context.Request.Query;
        return Of(context).SelectMany(key => query[key!].Select(value => new KeyValuePair<string, string?>(key!, value)));
    }

    /// <summary>
    /// This request's address with the parameters its endpoint reads, but <paramref name="without"/>, and then
    /// <paramref name="added"/>: the next page, the same search without a filter.
    /// </summary>
    public static string Address(HttpRequest request, string[] without, params KeyValuePair<string, string?>[] added) =>
        request.PathBase + request.Path + QueryString.Create(Known(request.HttpContext)
            .Where(p => !without.Contains(p.Key, StringComparer.OrdinalIgnoreCase)).Concat(added));
}
