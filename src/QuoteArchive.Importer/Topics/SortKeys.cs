using System.Globalization;
using System.Text;

namespace QuoteArchive.Importer.Topics;

/// <summary>How names and titles sort, and under which letter an A–Z files them: the same for authors and topics.</summary>
public static class SortKeys
{
    /// <summary>Lower case without diacritics: how names sort and how the A–Z groups them.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(char.ToLowerInvariant(c));
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A title's sort key: folded, without the quotation marks and signs it may start with ("'Tis" files under T).</summary>
    public static string ForTitle(string title)
    {
        var folded = Fold(title);
        var start = 0;
        while (start < folded.Length && !char.IsLetterOrDigit(folded[start]))
            start++;
        return start < folded.Length ? folded[start..] : folded;
    }

    /// <summary>The A–Z group of a sort key: its first letter upper-cased, <c>#</c> for anything not a letter.</summary>
    public static string LetterOf(string sortKey)
    {
        if (sortKey.Length == 0 || !Rune.TryGetRuneAt(sortKey, 0, out var first) || !Rune.IsLetter(first))
            return "#";
        return Rune.ToUpperInvariant(first).ToString();
    }
}
