using System.Text.RegularExpressions;

namespace QuoteArchive.Importer.Topics;

/// <summary>
/// FORMAT.md: a topic's language is "the name of the folder it sits in when that is a language code
/// (<c>content/fr/Amour.txt</c> → <c>fr</c>)"; a Markdown page may also name it in its front matter.
/// </summary>
public static partial class LanguageCodes
{
    /// <summary>A language code as folder names use them: <c>en</c>, <c>fr</c>, <c>pt-BR</c>.</summary>
    public static bool IsLanguageCode(string value) => LanguageCode().IsMatch(value);

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguageCode();
}
