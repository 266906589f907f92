namespace QuoteArchive.Importer.Exports;

/// <summary>One <c>&lt;page&gt;</c> of a MediaWiki export with its latest revision.</summary>
/// <param name="TextLine">the export's line where the revision's text starts, so diagnostics point into the export</param>
/// <param name="RedirectTarget">the page a redirect page points to (<c>&lt;redirect title=…/&gt;</c>), or null</param>
public sealed record ExportPage(string Title, int Namespace, long PageId, long RevisionId, DateTimeOffset? Timestamp, string Text, int TextLine,
    string? RedirectTarget);

/// <summary>What an export's root and <c>&lt;siteinfo&gt;</c> say about its wiki.</summary>
public sealed class ExportSite
{
    /// <summary>The root's <c>xml:lang</c>: the wiki's language.</summary>
    public string? Language { get; set; }
    /// <summary>The URL of the wiki's main page (<c>&lt;base&gt;</c>); its path names the main page.</summary>
    public string? BaseUrl { get; set; }
    /// <summary>Namespace names by prefix (<c>Template</c> → 10), for exports older than 0.6 that give no <c>&lt;ns&gt;</c>.</summary>
    public Dictionary<string, int> Namespaces { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The main page's title, from <c>&lt;base&gt;</c>; null when the export has no site information.</summary>
    public string? MainPage => BaseUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.AbsolutePath.StartsWith("/wiki/", StringComparison.Ordinal)
            ? Uri.UnescapeDataString(uri.AbsolutePath["/wiki/".Length..]).Replace('_', ' ')
            : null;

    /// <summary>Where the wiki's articles live (<c>https://fr.wikiquote.org/wiki/</c>), from <c>&lt;base&gt;</c>.</summary>
    public string? ArticleBaseUrl => BaseUrl is { } url && url.IndexOf("/wiki/", StringComparison.Ordinal) is var at and >= 0
        ? url[..(at + "/wiki/".Length)]
        : null;
}
