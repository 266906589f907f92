using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace QuoteArchive.Storage;

/// <summary>
/// FORMAT.md: "a short, URL-safe id that depends only on the topic slug and the quote's normalised text
/// (Unicode NFC, white space collapsed, trimmed), not on its position … Lower-case base32 of a SHA-256,
/// 8 characters, lengthened only where two quotes would collide."
/// </summary>
public static class QuoteIds
{
    public const int DefaultLength = 8;
    public const int MaxLength = 52;
    /// <summary>The characters of an id, each five bits of the hash.</summary>
    public const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <param name="occurrence">1 for the first quote with this text in the topic, 2 for a repeat of it …</param>
    public static string Create(string slug, string text, int occurrence = 1, int length = DefaultLength)
    {
        var key = slug + "\n" + Normalize(text) + (occurrence > 1 ? $"\n#{occurrence}" : "");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Base32(hash)[..Math.Clamp(length, DefaultLength, MaxLength)];
    }

    /// <summary>The text in NFC with every run of white space one space, and none at either end.</summary>
    public static string Normalize(string text)
    {
        var composed = text.Normalize(NormalizationForm.FormC);
        // Most texts are normalised already: they are returned as they are, without a copy (an import normalises
        // millions of them).
        if (IsCollapsed(composed))
            return composed;
        var collapsed = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            if (!char.IsWhiteSpace(c))
                collapsed.Append(c);
            else if (collapsed.Length > 0 && collapsed[^1] != ' ')
                collapsed.Append(' ');
        }
        if (collapsed.Length > 0 && collapsed[^1] == ' ')
            collapsed.Length--;
        return collapsed.ToString();
    }

    // White space (char.IsWhiteSpace) but the plain space: a text holding none of it, no space at either end and no two
    // spaces together is collapsed already. Searched for at once: an import asks this of millions of texts.
    private static readonly SearchValues<char> OtherWhiteSpace = SearchValues.Create(
        "\t\n\v\f\r\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    private static bool IsCollapsed(string text) =>
        text.Length == 0 || text[0] != ' ' && text[^1] != ' ' && !text.Contains("  ", StringComparison.Ordinal) && text.AsSpan().IndexOfAny(OtherWhiteSpace) < 0;

    private static string Base32(byte[] bytes)
    {
        var output = new StringBuilder(MaxLength);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                output.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
            output.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        return output.ToString();
    }
}
