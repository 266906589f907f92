using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Topics;

public static partial class Anchors
{
    /// <summary>The anchor of the section without heading that holds what stands before the first heading.</summary>
    public const string UnnamedSection = "top";

    /// <summary>
    /// FORMAT.md: "the heading with spaces as <c>_</c>, made unique in the page with <c>_2</c>, <c>_3</c>, as MediaWiki
    /// does". <paramref name="taken"/> holds the anchors of the sections above.
    /// </summary>
    public static string Unique(string? heading, UniqueNames taken) =>
        taken.Claim(heading is null ? UnnamedSection : Slugs.FromTitle(heading));

    /// <summary>
    /// The part of a URL that a wiki link's section (<c>[[Love#Quotes about love]]</c>) leads to: <c>#</c> and the
    /// anchor of the heading it names, as <see cref="Unique"/> spells it; empty when the link names none. Pages
    /// still hold links in the anchors MediaWiki once wrote, <c>.28</c> for <c>(</c>: they are read back.
    /// </summary>
    public static string OfLinkFragment(string target)
    {
        var hash = target.IndexOf('#');
        var section = hash < 0 ? "" : Slugs.FromTitle(FromLegacyAnchor(target[(hash + 1)..]).Replace('_', ' '));
        return section.Length == 0 ? "" : "#" + Slugs.ToUrlPath(section);
    }

    // ".28" and ".E2.80.9C" are the bytes of "(" and "“": MediaWiki's anchors before HTML5's, which wrote every other
    // character than letters, digits and "_.:-" so, a dot too. A fragment with another character, a dot not so
    // followed, or bytes that are not printable UTF-8 is an anchor as it is ("Vol.12").
    private static string FromLegacyAnchor(string fragment)
    {
        if (!LegacyAnchor().IsMatch(fragment))
            return fragment;
        var bytes = new List<byte>(fragment.Length);
        for (var i = 0; i < fragment.Length; i++)
        {
            if (fragment[i] == '.')
            {
                bytes.Add(Convert.ToByte(fragment.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
                bytes.Add((byte)fragment[i]);
        }
        try
        {
            var decoded = StrictUtf8.GetString([.. bytes]);
            return decoded.Any(char.IsControl) ? fragment : decoded;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return fragment;
        }
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[A-Za-z0-9_: -]|\.[0-9A-F]{2})*\.[0-9A-F]{2}(?:[A-Za-z0-9_: -]|\.[0-9A-F]{2})*$")]
    private static partial System.Text.RegularExpressions.Regex LegacyAnchor();
}
