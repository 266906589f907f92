namespace QuoteArchive.Storage.Search;

/// <summary>A piece of a highlighted text: plain text, and whether it is a match.</summary>
public readonly record struct Highlighted(string Text, bool IsMatch);

/// <summary>
/// FTS5's <c>highlight()</c> and <c>snippet()</c> mark matches with two sentinel characters; the web turns the
/// pieces between them into encoded text and its own <c>&lt;mark&gt;</c>, so neither the query nor the content
/// can ever bring markup of its own.
/// </summary>
public static class Highlights
{
    // Private-use characters: no text in the archive means anything by them. A text that contains them anyway
    // is shown without highlights (see Split), so its characters can never be mistaken for our marks.
    public const char Open = '\uE000';
    public const char Close = '\uE001';

    public static bool ContainsSentinel(string text) => text.Contains(Open) || text.Contains(Close);

    /// <summary>Splits a marked text into pieces; <paramref name="marked"/> null or unusable gives <paramref name="plain"/> unmarked.</summary>
    public static IReadOnlyList<Highlighted> Split(string? marked, string plain)
    {
        if (marked is null || ContainsSentinel(plain))
            return [new(plain, false)];
        var pieces = new List<Highlighted>();
        var start = 0;
        var inMatch = false;
        for (var i = 0; i < marked.Length; i++)
        {
            if (marked[i] != Open && marked[i] != Close)
                continue;
            if (i > start)
                pieces.Add(new(marked[start..i], inMatch));
            inMatch = marked[i] == Open;
            start = i + 1;
        }
        if (start < marked.Length)
            pieces.Add(new(marked[start..], inMatch));
        return pieces;
    }

    /// <summary>The pieces as one plain string, the marks dropped.</summary>
    public static string ToPlainText(IEnumerable<Highlighted> pieces) => string.Concat(pieces.Select(p => p.Text));
}
