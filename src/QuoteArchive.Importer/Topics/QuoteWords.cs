using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Topics;

/// <summary>A quote's words, as two copies of one quote share them: punctuation and case never count.</summary>
public static class QuoteWords
{
    public static string[] Of(string text) =>
        QuoteIds.Normalize(text).ToLowerInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .ToArray();
}
