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
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

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

    private static bool IsCollapsed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || i == 0 || i == text.Length - 1 || text[i + 1] == ' '))
                return false;
        }
        return true;
    }

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
