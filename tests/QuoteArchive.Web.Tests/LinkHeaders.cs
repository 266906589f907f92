namespace QuoteArchive.Web.Tests;

/// <summary>Reading an API answer's RFC 8288 <c>Link</c> header as a client that pages through a list does.</summary>
internal static class LinkHeaders
{
    /// <summary>
    /// The address of the <c>rel="next"</c> link; null on the last page. Read from the header's first line only, as
    /// Python's urllib and Go's Header.Get read it.
    /// </summary>
    public static string? Next(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var lines)
            ? lines.First().Split(',').Select(l => l.Trim()).Where(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal))
                .Select(l => l[1..l.IndexOf('>', StringComparison.Ordinal)]).FirstOrDefault()
            : null;
}
