using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Wikitext;

/// <summary>
/// Where a prefixed wiki link goes (<c>[[w:Alice Wu]]</c>, <c>[[s:The Bard]]</c>, <c>[[:fr:Amour]]</c>), after
/// MediaWiki's interwiki map for the Wikimedia projects: a project prefix, optionally followed by a language.
/// </summary>
internal static class Interwiki
{
    private static readonly Dictionary<string, string> Projects = new(StringComparer.OrdinalIgnoreCase)
    {
        ["w"] = "wikipedia", ["wikipedia"] = "wikipedia",
        ["s"] = "wikisource", ["wikisource"] = "wikisource",
        ["wikt"] = "wiktionary", ["wiktionary"] = "wiktionary",
        ["q"] = "wikiquote", ["wikiquote"] = "wikiquote",
        ["b"] = "wikibooks", ["wikibooks"] = "wikibooks",
        ["n"] = "wikinews", ["wikinews"] = "wikinews",
        ["v"] = "wikiversity", ["wikiversity"] = "wikiversity",
        ["voy"] = "wikivoyage", ["wikivoyage"] = "wikivoyage",
        ["commons"] = "commons", ["species"] = "species", ["wikispecies"] = "species",
        ["d"] = "wikidata", ["wikidata"] = "wikidata", ["m"] = "meta", ["meta"] = "meta",
    };

    /// <summary>The address of <paramref name="target"/> when it starts with a project or language prefix; null for a page of this wiki.</summary>
    public static string? UrlFor(string target, string language)
    {
        var colon = target.IndexOf(':');
        if (colon <= 0)
            return null;
        var prefix = target[..colon].Trim();
        var rest = target[(colon + 1)..].Trim();
        if (Projects.TryGetValue(prefix, out var project))
        {
            var inner = rest.IndexOf(':');
            if (inner > 0 && IsLanguage(rest[..inner].Trim()))
            {
                language = rest[..inner].Trim().ToLowerInvariant();
                rest = rest[(inner + 1)..].Trim();
            }
            return Address(project, language, rest);
        }
        return IsLanguage(prefix) ? Address("wikiquote", prefix.ToLowerInvariant(), rest) : null;
    }

    // The language editions of Wikiquote, as interlanguage prefixes name them. Only these are languages: any other
    // short word before a colon (Art: a history, Man: the story) is part of a page title, and must stay in the text.
    private static readonly HashSet<string> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        "af", "am", "ar", "ast", "az", "be", "bg", "bn", "br", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et",
        "eu", "fa", "fi", "fr", "gl", "gu", "he", "hi", "hr", "hu", "hy", "id", "ig", "is", "it", "ja", "ka", "kn", "ko", "ku",
        "ky", "la", "li", "lt", "ml", "mr", "nl", "nn", "no", "pl", "pt", "ro", "ru", "sa", "sah", "simple", "sk", "sl", "sq",
        "sr", "su", "sv", "ta", "te", "th", "tl", "tr", "uk", "ur", "uz", "vi", "zh", "zh-min-nan", "be-tarask",
    };

    /// <summary>A language prefix (<c>fr</c>, <c>zh-min-nan</c>) as interlanguage links use them.</summary>
    public static bool IsLanguage(string prefix) => Languages.Contains(prefix);

    private static string Address(string project, string language, string article)
    {
        var path = Slugs.ToUrlPath(Slugs.FromTitle(article));
        return project switch
        {
            "commons" => $"https://commons.wikimedia.org/wiki/{path}",
            "species" => $"https://species.wikimedia.org/wiki/{path}",
            "wikidata" => $"https://www.wikidata.org/wiki/{path}",
            "meta" => $"https://meta.wikimedia.org/wiki/{path}",
            _ => $"https://{language}.{project}.org/wiki/{path}",
        };
    }
}
