namespace QuoteArchive.Storage;

/// <summary>What a wiki revision's id and date say about a topic's source: its exact link, and its licence.</summary>
public static class WikiRevisions
{
    /// <summary>
    /// Wikimedia's Terms of Use moved the projects' text from CC BY-SA 3.0 to CC BY-SA 4.0 with the update "effective
    /// June 7" 2023 (the Wikimedia Foundation's announcement on wikimedia-l, quoted in The Signpost, 19 June 2023,
    /// "News and notes"): a revision saved from that day on is under 4.0, an earlier one under 3.0.
    /// </summary>
    public static readonly DateTimeOffset Cc40Since = new(2023, 6, 7, 0, 0, 0, TimeSpan.Zero);

    public static string LicenseAt(DateTimeOffset saved) => saved >= Cc40Since ? "CC BY-SA 4.0" : "CC BY-SA 3.0";

    /// <summary>
    /// The link to exactly this revision, <c>https://host/w/index.php?title=Title&amp;oldid=123</c>, for a source on a
    /// MediaWiki's article path (<c>https://host/wiki/Title</c>); null for any other source.
    /// </summary>
    public static string? RevisionUrl(string sourceUrl, long revisionId) => ScriptUrl(sourceUrl, $"oldid={revisionId}");

    /// <summary>The page's history (who wrote it), for a source on a MediaWiki's article path; else null.</summary>
    public static string? HistoryUrl(string sourceUrl) => ScriptUrl(sourceUrl, "action=history");

    private static string? ScriptUrl(string sourceUrl, string query)
    {
        const string articlePath = "/wiki/";
        if (!Uri.TryCreate(sourceUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !uri.AbsolutePath.StartsWith(articlePath, StringComparison.Ordinal) || uri.AbsolutePath.Length == articlePath.Length)
            return null;
        return $"{uri.GetLeftPart(UriPartial.Authority)}/w/index.php?title={uri.AbsolutePath[articlePath.Length..]}&{query}";
    }
}
