using System.Buffers;
using System.Globalization;
using System.Text;

namespace QuoteArchive.Storage.Search;

/// <summary>
/// One thing to look for: a word or a phrase, as tokens, optionally with its last token as a prefix. A prefix stands
/// for <paramref name="Words"/> when <see cref="PrefixExpansion"/> gave it words, else for every word that starts so.
/// </summary>
public sealed record SearchTerm(IReadOnlyList<string> Tokens, bool IsPrefix, IReadOnlyList<string>? Words = null)
{
    /// <summary>
    /// The term as an FTS5 string: a prefix with words is the OR of the phrase ending in each word. Its tokens hold
    /// only letters, digits and marks, so it needs no escaping, and inside a string FTS5 reads no operator:
    /// <c>NEAR</c>, <c>AND</c>, <c>:</c> or <c>^</c> are just text.
    /// </summary>
    public string ToMatch() =>
        !IsPrefix ? Quote(Tokens)
        : Words is null ? Quote(Tokens) + "*"
        : "(" + string.Join(" OR ", Words.Select(word => Quote(Tokens.SkipLast(1).Append(word)))) + ")";

    public override string ToString() => (Tokens.Count > 1 ? "\"" + string.Join(' ', Tokens) + "\"" : Tokens[0]) + (IsPrefix ? "*" : "");

    // A term of the index (PrefixExpansion's words) is a token too; a quotation mark is doubled all the same, as FTS5
    // reads one inside a string, so that no word can ever end the string early.
    private static string Quote(IEnumerable<string> tokens) => "\"" + string.Join(' ', tokens).Replace("\"", "\"\"") + "\"";
}

/// <summary>
/// The search language for people, not for FTS5: plain words (all must match), <c>"exact phrase"</c> (or “…”, „…“, «…»),
/// <c>prefix*</c> and <c>-excluded</c>. Anything else is taken literally, so no input can make a search fail:
/// every term reaches FTS5 as a quoted string of plain tokens, never as syntax.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<SearchTerm> Included, IReadOnlyList<SearchTerm> Excluded)
{
    /// <summary>Enough for any real question; the rest of a pasted essay is ignored rather than searched.</summary>
    public const int MaxTerms = 32;
    public const int MaxTokensPerTerm = 32;
    /// <summary>
    /// A shorter prefix ("a*") would merge the index entries of a large part of the vocabulary on every request,
    /// growing with the archive: it is searched as the word itself, and <see cref="ToString"/> shows it so.
    /// </summary>
    public const int MinPrefixLength = 2;

    public static readonly SearchQuery Empty = new([], []);

    // A phrase is quoted as a reader's keyboard or a copied text quotes it: "…", “…”, „…“, «…».
    private static readonly System.Buffers.SearchValues<char> QuotationMarks = System.Buffers.SearchValues.Create("\"“”„«»");

    /// <summary>True when there is nothing to look for (an empty query, only punctuation or emoji, only exclusions).</summary>
    public bool IsEmpty => Included.Count == 0;

    /// <summary>Whether a star followed too short a start of a word (<c>a*</c>): that term is searched as the word.</summary>
    public bool HasShortPrefix { get; private init; }

    /// <summary>
    /// The FTS5 MATCH expression, or null when <see cref="IsEmpty"/>; without <paramref name="withExclusions"/>, that of
    /// the included terms only (as the index of names is searched).
    /// </summary>
    public string? ToMatchExpression(bool withExclusions = true)
    {
        if (IsEmpty)
            return null;
        var match = "(" + string.Join(" AND ", Included.Select(t => t.ToMatch())) + ")";
        return Excluded.Count == 0 || !withExclusions
            ? match
            : "(" + match + ") NOT (" + string.Join(" OR ", Excluded.Select(t => t.ToMatch())) + ")";
    }

    public override string ToString() =>
        string.Join(' ', Included.Select(t => t.ToString()).Concat(Excluded.Select(t => "-" + t)));

    /// <summary>A name as an FTS5 phrase of its words (<c>author : "…"</c> narrows a search to it); null when it has none.</summary>
    public static string? Phrase(string name) => Tokenize(name) is { Count: > 0 } tokens ? new SearchTerm(tokens, false).ToMatch() : null;

    public static SearchQuery Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return Empty;
        var included = new List<SearchTerm>();
        var excluded = new List<SearchTerm>();
        var shortPrefix = false;
        var i = 0;
        while (i < input.Length && included.Count + excluded.Count < MaxTerms)
        {
            if (char.IsWhiteSpace(input[i]))
            {
                i++;
                continue;
            }
            // "-word" excludes; a "-" alone, or inside a word ("Sino-Soviet"), is only text.
            var exclude = input[i] == '-' && i + 1 < input.Length && !char.IsWhiteSpace(input[i + 1]);
            if (exclude)
                i++;

            string text;
            if (QuotationMarks.Contains(input[i]))
            {
                // A phrase runs to the next quotation mark; an unbalanced one runs to the end of the input.
                var length = input.AsSpan(i + 1).IndexOfAny(QuotationMarks);
                text = length < 0 ? input[(i + 1)..] : input.Substring(i + 1, length);
                i = length < 0 ? input.Length : i + length + 2;
            }
            else
            {
                var end = i;
                while (end < input.Length && !char.IsWhiteSpace(input[end]))
                    end++;
                text = input[i..end];
                i = end;
            }
            var prefix = i < input.Length && input[i] == '*' || text.EndsWith('*');
            if (i < input.Length && input[i] == '*')
                i++;

            var tokens = Tokenize(text);
            if (tokens.Count == 0)
                continue;
            // A prefix applies to the last token only when the star touches it ("lov*", not "love *").
            var starred = prefix && EndsInToken(text.TrimEnd('*'));
            shortPrefix |= starred && !IsLongPrefix(tokens[^1]);
            var term = new SearchTerm(tokens, starred && IsLongPrefix(tokens[^1]));
            // A term said twice asks nothing more of a quote ("the the", "Love love"), but would cost a second pass
            // over its matches: it is searched once.
            var terms = exclude ? excluded : included;
            if (!terms.Any(t => t.IsPrefix == term.IsPrefix && t.Tokens.SequenceEqual(term.Tokens, StringComparer.OrdinalIgnoreCase)))
                terms.Add(term);
        }
        return new(included, excluded) { HasShortPrefix = shortPrefix };
    }

    /// <summary>True when <paramref name="token"/> is long enough to search as a prefix (<see cref="MinPrefixLength"/> letters).</summary>
    public static bool IsLongPrefix(string token) => token.EnumerateRunes().Take(MinPrefixLength).Count() >= MinPrefixLength;

    private static bool EndsInToken(string text) =>
        text.Length > 0 && Rune.DecodeLastFromUtf16(text, out var rune, out _) == OperationStatus.Done && IsTokenRune(rune);

    /// <summary>
    /// Splits like FTS5's unicode61 tokenizer, which keeps letters, numbers and private-use characters
    /// (<c>L* N* Co</c>) and separates on everything else. Marks are kept here too, so a word in a script
    /// with vowel signs (Assamese, Hindi) stays one string; FTS5 tokenizes it again exactly as it did the content.
    /// </summary>
    internal static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var token = new StringBuilder();
        var hasBase = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsTokenRune(rune))
            {
                token.Append(rune.ToString());
                hasBase |= !IsMark(rune);
                continue;
            }
            Flush();
        }
        Flush();
        return tokens;

        void Flush()
        {
            // Marks alone (a stray combining accent) are no word: FTS5 would see an empty phrase and match nothing.
            if (hasBase && tokens.Count < MaxTokensPerTerm)
                tokens.Add(token.ToString());
            token.Clear();
            hasBase = false;
        }
    }

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsTokenRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.PrivateUse => true,
        _ => false,
    };
}
