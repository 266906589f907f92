using System.Text.RegularExpressions;

namespace QuoteArchive.Web.Archive;

/// <summary>
/// A line under a quote that opens with a label and a colon ("Transliteration: …", "Meaning: …", "Variant
/// translations:") says what follows, not who said it or where: it is shown without the dash that marks a source.
/// </summary>
public static partial class AttributionLabel
{
    public static bool Opens(string line) => Label().IsMatch(line);

    // A capitalised word or a few ("Variant translation", "Commonly quoted as"), then the colon; no digit or full stop
    // before it, as "Ch. 3: …" or "1 May 1890: …" have.
    [GeneratedRegex(@"^\p{Lu}[\p{L}'’ -]{0,30}:(\s|$)")]
    private static partial Regex Label();
}
