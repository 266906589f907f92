using System.Text.RegularExpressions;

namespace QuoteArchive.Web.Archive;

/// <summary>
/// A line under a quote that opens with a label and a colon ("Transliteration: …", "Meaning: …", "Variant
/// translations:") says what follows, not who said it or where: it is shown without the dash that marks a source.
/// The labels Wikiquote's pages use, by name: a source's own colon ("Rudolf Steiner: The Man and His Vision") is no label.
/// </summary>
public static partial class AttributionLabel
{
    public static bool OpensLine(string line) => Label().IsMatch(line);

    [GeneratedRegex(@"^(?:(?:literal|alternative|alternate|english|another|other|full|rough|free|variant|original)\s+)?(?:transliteration|translation|translations|translated|meaning|variants?|variant translations?|original|original text|note|notes|context|explanation|interpretation|compare|commonly quoted as|also quoted as|often quoted as|quoted as|paraphrased as|sometimes paraphrased as|misquoted as|traduction|variante|sens)\s*:(\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Label();
}
