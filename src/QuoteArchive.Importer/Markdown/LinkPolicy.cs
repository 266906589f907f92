using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace QuoteArchive.Importer.Markdown;

/// <summary>
/// Which links a page may carry. Raw HTML is already off in the pipeline; what remains is the URL of a link:
/// <c>[x](javascript:alert(1))</c> renders as a live script link unless it is dropped here.
/// </summary>
internal static class LinkPolicy
{
    private static readonly string[] AllowedSchemes = [Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeMailto];

    /// <summary>
    /// <c>javascript:</c> and other links that are neither http(s) nor mailto are dropped with a warning. A dropped link
    /// keeps its label as text; an image keeps its description, since a quotation archive shows no images.
    /// </summary>
    public static void Apply(MarkdownDocument document, string file, List<Diagnostic> diagnostics)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage)
            {
                Unwrap(link);
                diagnostics.Add(new(PositionOf(link, file), Severity.Warning, "an image is not shown: its description is kept as text"));
            }
            else if (!IsAllowed(link.Url))
            {
                Unwrap(link);
                diagnostics.Add(new(PositionOf(link, file), Severity.Warning,
                    $"link to '{Shorten(link.Url)}' dropped: only http, https and mailto links are kept; its text is kept"));
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (autolink.IsEmail || IsAllowed(autolink.Url))
                continue;
            autolink.ReplaceBy(new LiteralInline(autolink.Url) { Line = autolink.Line, Column = autolink.Column, Span = autolink.Span });
            diagnostics.Add(new(PositionOf(autolink, file), Severity.Warning,
                $"link to '{Shorten(autolink.Url)}' dropped: only http, https and mailto links are kept; its text is kept"));
        }
    }

    public static bool IsAllowed(string? url) =>
        url is not null
        && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && AllowedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
        && (uri.Scheme == Uri.UriSchemeMailto || !string.IsNullOrEmpty(uri.Host));

    public static SourcePosition PositionOf(Inline inline, string file) => new(file, inline.Line + 1, inline.Column + 1);

    // The link's children take its place, in order.
    private static void Unwrap(LinkInline link)
    {
        var children = link.ToList();
        Inline anchor = link;
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }
        link.Remove();
    }

    private static string Shorten(string? url) =>
        url is null ? "" : url.Length <= 60 ? url : url[..57] + "...";
}
