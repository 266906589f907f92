using System.Text.RegularExpressions;

namespace QuoteArchive.Importer.Exports;

/// <summary>
/// A redirect page: its wikitext starts with <c>#REDIRECT [[Target]]</c> (French wikis also write <c>#REDIRECTION</c>).
/// It is no topic of its own.
/// </summary>
public static partial class WikiRedirect
{
    public static bool TryParse(string wikitext, out string target)
    {
        var match = Redirect().Match(wikitext);
        target = match.Success ? match.Groups["target"].Value.Trim() : "";
        return match.Success;
    }

    [GeneratedRegex(@"\A\s*#(REDIRECT|REDIRECTION|WEITERLEITUNG)\s*:?\s*\[\[(?<target>[^\[\]|#\n]{1,255})", RegexOptions.IgnoreCase)]
    private static partial Regex Redirect();
}
