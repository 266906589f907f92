using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace QuoteArchive.Storage.Search;

/// <summary>
/// What a prefix (<c>wor*</c>) searches. QuotesFts has no prefix index (it would double its size), and without one
/// FTS5 answers a prefix by merging the index entries of every word that starts so before it returns a row: on
/// 163,042 generated quotes <c>t*</c> took 45-80 ms to count, its most common words 10-20 ms, and it grows with
/// the archive. So a prefix that
/// starts more than <see cref="MaxWords"/> of the archive's words stands for its <see cref="MaxWords"/> most common
/// ones (by the number of quotes that hold them) and the prefix itself as a word: <c>wor*</c> searches
/// <c>world OR work OR word OR …</c>, a bounded OR whatever the size of the archive. A prefix that starts fewer
/// keeps FTS5's own prefix query, which then merges at most <see cref="MaxWords"/> words found in two quotes or more
/// and words found in one quote only: it finds exactly what a prefix index would.
/// </summary>
public static class PrefixExpansion
{
    /// <summary>
    /// The most words a prefix stands for. FTS5 steps an OR through all its words at every match, so its cost grows
    /// with their number: counting and ranking 29 prefixes of the benchmark took 1.1 times what the prefix index took
    /// with 8 words, 1.5 times with 16 and 2.3 times with 32, while 8 words found 96-97% of the quotes every word of
    /// the prefix finds, 16 words 97-98% (bench/search-latency.cs's prefixes on 163,042 generated quotes).
    /// </summary>
    public const int MaxWords = 8;

    /// <summary>
    /// SearchTerms lists the words of QuotesFts (all columns: the search matches all of them) found in at least
    /// <see cref="MinQuotes"/> quotes, with how many quotes hold each. A word of one quote only never makes a
    /// prefix's most common words, yet such words are nine in ten of the index's terms (names, numbers, other scripts):
    /// a prefix that starts few common words keeps FTS5's own prefix query, which finds those too.
    /// </summary>
    public const int MinQuotes = 2;

    internal const string Schema = """
        CREATE TABLE SearchTerms(Term TEXT NOT NULL PRIMARY KEY, Quotes INTEGER NOT NULL) WITHOUT ROWID;
        """;

    // fts5vocab reads the words from the finished index once; it is a temporary table, not part of the archive.
    // Its rows come in the order of the terms, which is the primary key's: SearchTerms is written in order.
    internal static readonly string Fill = $"""
        CREATE VIRTUAL TABLE temp.QuotesFtsVocab USING fts5vocab(main, QuotesFts, row);
        INSERT INTO SearchTerms(Term, Quotes) SELECT term, doc FROM temp.QuotesFtsVocab WHERE doc >= {MinQuotes};
        DROP TABLE temp.QuotesFtsVocab;
        """;

    /// <summary>
    /// The most words the prefixes of one query stand for together: a query of many prefixes ("lo* ti* li* wo* …")
    /// gives each of them fewer words (at least one), so that no query ORs more than this many words.
    /// </summary>
    public const int MaxWordsPerQuery = 4 * MaxWords;

    /// <summary>
    /// The query with each prefix term given the words it stands for (<see cref="SearchTerm.Words"/>), or left to
    /// FTS5's own prefix query when the prefix starts no more common words than it may stand for.
    /// </summary>
    public static async Task<SearchQuery> ExpandAsync(ArchiveDbContext db, SearchQuery query, CancellationToken cancellationToken = default)
    {
        var prefixes = query.Included.Concat(query.Excluded).Count(t => t.IsPrefix);
        if (prefixes == 0)
            return query;
        var limit = Math.Clamp(MaxWordsPerQuery / prefixes, 1, MaxWords);
        return new(await ExpandAsync(query.Included), await ExpandAsync(query.Excluded));

        async Task<IReadOnlyList<SearchTerm>> ExpandAsync(IReadOnlyList<SearchTerm> terms)
        {
            var expanded = new List<SearchTerm>(terms.Count);
            foreach (var term in terms)
                expanded.Add(term.IsPrefix ? term with { Words = await WordsAsync(db, term.Tokens[^1], limit, cancellationToken) } : term);
            return expanded;
        }
    }

    /// <summary>
    /// The words <paramref name="prefix"/> stands for: its <paramref name="limit"/> most common words, the most common
    /// first, and the prefix itself as a word; or null when it starts no more than <paramref name="limit"/> common words.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> WordsAsync(ArchiveDbContext db, string prefix, int limit = MaxWords,
        CancellationToken cancellationToken = default)
    {
        var folded = Fold(prefix);
        // The terms are compared as bytes (BINARY), so the words that start with the prefix are the range from the
        // prefix to the prefix followed by the last code point, which no term holds (it is no letter). The range is
        // read in the order of the key, its common words only: a few thousand rows at most for one letter.
        var words = await db.Database.SqlQueryRaw<string>("""
            SELECT Term AS Value FROM SearchTerms
            WHERE Term >= $prefix AND Term < $prefix || char(1114111)
            ORDER BY Quotes DESC, Term
            LIMIT $limit
            """, new SqliteParameter("$prefix", folded), new SqliteParameter("$limit", limit + 1))
            .ToListAsync(cancellationToken);
        if (words.Count <= limit)
            return null;
        words.RemoveAt(limit);
        // The word itself, typed whole with a star ("love*"), is always searched, however rare; FTS5 finds nothing
        // for it when it is no word of the archive.
        if (!words.Contains(folded))
            words.Add(folded);
        return words;
    }

    /// <summary>
    /// A token as the index stores it: FTS5's unicode61 tokenizer with 'remove_diacritics 2' keeps terms in lower case,
    /// final sigma as sigma, and takes the accents off Latin letters only ("Être" is "etre"; Cyrillic "й" and Greek
    /// "ά" stay as they are); a combining mark on its own (a decomposed accent) it drops whatever its letter.
    /// PrefixExpansionTests checks this against FTS5 itself, word by word.
    /// </summary>
    public static string Fold(string token)
    {
        var lower = token.ToLowerInvariant();
        var folded = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (IsCombiningMark(c))
                continue;
            if (c == 'ς')
                folded.Append('σ');
            else if (IsLatin(c) && c.ToString().Normalize(NormalizationForm.FormD) is { Length: > 1 } parts && parts.Skip(1).All(IsCombiningMark))
                folded.Append(char.ToLowerInvariant(parts[0])); // "İ" has no lower case of its own here: its "I" has
            else
                folded.Append(c);
        }
        return folded.ToString();
    }

    /// <summary>
    /// Whether <see cref="Fold"/> surely gives the term the index stores for this word: where it only lower-cases it, or
    /// where the word is Latin, whose accents it takes off as FTS5 does (both checked against FTS5 in the tests).
    /// </summary>
    public static bool FoldsSurely(string word) => Fold(word) == word.ToLowerInvariant() || word.All(c => c < '\u0250' || IsLatin(c) || IsCombiningMark(c));

    private static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036f';

    // Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional (Vietnamese, among others).
    private static bool IsLatin(char c) => c is >= '\u00c0' and <= '\u024f' or >= '\u1e00' and <= '\u1eff';
}
