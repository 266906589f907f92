using System.Text;

namespace QuoteArchive.Storage;

public static class Slugs
{
    /// <summary>
    /// FORMAT.md: "the title with spaces as <c>_</c>, other characters kept (<c>China–Russia_relations</c>),
    /// as Wikiquote spells its URLs".
    /// </summary>
    public static string FromTitle(string title) =>
        string.Join('_', title.Split([' ', '_', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The canonical slug of whatever reached the server: percent-encoded or not, spaces or underscores.
    /// </summary>
    public static string Canonicalize(string raw)
    {
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(raw);
        }
        catch (UriFormatException)
        {
            decoded = raw;
        }
        return FromTitle(Composed(decoded));
    }

    /// <summary>The text composed (NFC), as titles are; as it is when it is no valid UTF-16 (a lone surrogate).</summary>
    public static string Composed(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>
    /// The slug with its first letter a capital, as MediaWiki reads every title of a wiki that capitalises links
    /// (Wikiquote does): <c>love</c> names <c>Love</c>. The slug itself when its first letter has no capital.
    /// </summary>
    public static string WithCapitalFirstLetter(string slug)
    {
        if (slug.Length == 0 || Rune.DecodeFromUtf16(slug, out var first, out var length) != System.Buffers.OperationStatus.Done)
            return slug;
        var capital = Rune.ToUpperInvariant(first);
        return capital == first ? slug : capital + slug[length..];
    }

    /// <summary>The slug as a URL path segment: percent-encoded only where a URL needs it.</summary>
    public static string ToUrlPath(string slug)
    {
        var once = Uri.EscapeDataString(slug);
        // Most slugs need no escape at all: nothing to put back (a long topic page asks once per quote, for its author).
        if (!once.Contains('%'))
            return once;
        var escaped = new StringBuilder(once);
        foreach (var (encoded, plain) in KeptInPaths)
            escaped.Replace(encoded, plain);
        return escaped.ToString();
    }

    // Characters MediaWiki leaves unescaped in article paths.
    private static readonly (string, string)[] KeptInPaths =
        [("%28", "("), ("%29", ")"), ("%2C", ","), ("%3A", ":"), ("%27", "'"), ("%21", "!"), ("%2A", "*"), ("%40", "@")];
}
