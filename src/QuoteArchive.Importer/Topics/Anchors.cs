using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
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
        // MediaWiki reads percent-escapes in a section as their characters ([[Love#%C3%89t%C3%A9]] names "Été"), as in a title.
        var section = hash < 0 ? "" : Slugs.FromTitle(FromLegacyAnchor(Uri.UnescapeDataString(target[(hash + 1)..])));
        return section.Length == 0 ? "" : "#" + Slugs.ToUrlPath(section);
    }

    // ".28" and ".E2.80.9C" are the bytes of "(" and "“": MediaWiki's anchors before HTML5's, which wrote so every
    // character but letters, digits and "_:-" (a dot too). A fragment is read so only when every dot starts such a
    // byte and every byte so written is one those anchors wrote so and headings hold: punctuation or a byte of a
    // character beyond ASCII. "Vol.30" (a digit), "1.25" ("%") and "Vol.12" (a control character) stay as written.
    private static string FromLegacyAnchor(string fragment)
    {
        if (!fragment.Contains('.') || !LegacyAnchor().IsMatch(fragment))
            return fragment;
        var bytes = new List<byte>(fragment.Length);
        for (var i = 0; i < fragment.Length; i++)
        {
            if (fragment[i] != '.')
            {
                bytes.Add((byte)fragment[i]);
                continue;
            }
            var written = Convert.ToByte(fragment.Substring(i + 1, 2), 16);
            if (written < 0x80 && !EncodedPunctuation.Contains((char)written))
                return fragment;
            bytes.Add(written);
            i += 2;
        }
        try
        {
            return StrictUtf8.GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return fragment;
        }
    }

    private static readonly SearchValues<char> EncodedPunctuation = SearchValues.Create("!\"#$&'()*+,./;<=>?@[\\]^`{|}~");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [GeneratedRegex(@"^(?:[A-Za-z0-9_: -]|\.[0-9A-F]{2})*$")]
    private static partial Regex LegacyAnchor();
}
