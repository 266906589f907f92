using System.Text.RegularExpressions;

namespace QuoteArchive.Importer.PageText;

/// <summary>
/// FORMAT.md: "a line such as <c>Wikipedia has an article about:</c>, <c>Wikisource has original text related to:</c>,
/// <c>Wikimedia Commons has media related to:</c>, <c>Look up X in Wiktionary, the free dictionary.</c>,
/// <c>Sur les autres projets Wikimedia :</c> — wherever it stands, even directly under another line".
/// </summary>
internal sealed partial record SisterBox(string Project, string? Article, bool AuthorPage)
{
    public static bool TryParse(string text, out SisterBox box)
    {
        var match = HasBox().Match(text);
        if (match.Success)
        {
            var project = match.Groups["project"].Value;
            var article = NullIfEmpty(match.Groups["article"].Value);
            box = new(project == "Commons" ? "Wikimedia Commons" : project, article, match.Groups["about"].Value.Contains("written by", StringComparison.Ordinal));
            return true;
        }
        match = LookUp().Match(text);
        if (match.Success)
        {
            box = new("Wiktionary", NullIfEmpty(match.Groups["article"].Value), false);
            return true;
        }
        match = OtherProjects().Match(text);
        if (match.Success)
        {
            box = new("Wikimedia", NullIfEmpty(match.Groups["article"].Value), false);
            return true;
        }
        box = null!;
        return false;
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^(?<project>Wikipedia|Wikisource|Wikimedia Commons|Commons|Wiktionary|Wikiversity|Wikibooks|Wikinews|Wikivoyage|Wikispecies|Wikidata) has (?<about>[^:]{1,60}?)\s*:\s*(?<article>.*)$")]
    private static partial Regex HasBox();

    [GeneratedRegex(@"^Look up (?<article>.+?) in Wiktionary, the free dictionary\.?$")]
    private static partial Regex LookUp();

    [GeneratedRegex(@"^Sur les autres projets Wikimedia\s*:\s*(?<article>.*)$")]
    private static partial Regex OtherProjects();
}
