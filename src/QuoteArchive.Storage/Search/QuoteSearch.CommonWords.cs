using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace QuoteArchive.Storage.Search;

public static partial class QuoteSearch
{
    /// <summary>
    /// A search may hold phrases of common words: the sets give the quotes that hold all their words, and FTS5 keeps, of
    /// at most this many, those that hold the phrases (the candidates copied into a small table of the connection's
    /// own, about 30 µs a quote: bench/search-costs.cs).
    /// </summary>
    public const int VerifiedCandidates = 500;

    /// <summary>
    /// The quotes that match a query of words and phrases (a prefix stands for its words) whose every included term is
    /// held by a common word's share of the quotes, from the words' sets, and whether that is exact (no phrase: with
    /// phrases, the quotes that hold their words); null for any other query, whose rarer term bounds FTS5's walk, and
    /// while a set it needs is not read yet (it is asked for). Besides the common words, the words of
    /// <see cref="CommonWordSets.KeptShare"/> are kept; the rarer ones are read for this search alone, so long as they
    /// hold no more quotes together than one common word. A phrase left out is left to FTS5's check.
    /// </summary>
    private static async Task<(RowidSet Matches, bool Exact)?> CommonWordMatchesAsync(ArchiveDbContext db, CommonWordSets sets, SearchQuery query,
        bool scoped, CancellationToken cancellationToken)
    {
        if (query.Included.Concat(query.Excluded).Any(t => t.IsPrefix && (t.Words is null || t.Tokens.Count > 1)))
            return null;
        var excluded = query.Excluded.Where(t => t.Tokens.Count == 1).ToList();
        var terms = query.Included.Concat(excluded).ToList();
        var exact = excluded.Count == query.Excluded.Count && query.Included.All(t => t.Tokens.Count == 1);
        var words = terms.SelectMany(WordsOf).Distinct().ToList();
        var quotesOf = await WordQuotesAsync(db, words, cancellationToken);
        var (common, keptQuotes) = (sets.CommonQuotes, sets.KeptQuotes);
        // A phrase is as common as its rarest word, a prefix as its words together.
        long TermQuotes(SearchTerm term) => term.IsPrefix ? WordsOf(term).Sum(quotesOf) : WordsOf(term).Min(quotesOf);
        if (query.Included.Any(t => TermQuotes(t) < common) || words.Where(w => quotesOf(w) < keptQuotes).Sum(quotesOf) > common)
            return null;
        // One term alone, nothing left out, no filter, and a word to read for this search: FTS5 reads the term's first
        // matches sooner (a prefix's words one after another), with nothing to walk past.
        if (query.Included.Count + query.Excluded.Count == 1 && !scoped && words.Any(w => quotesOf(w) < keptQuotes))
            return null;
        // A common word's set is kept under the word as the index lists it ("The" and "THE" under "the", "Été" under
        // "ete"); a word whose folding is not known for sure to be FTS5's leaves the search to FTS5.
        if (!words.All(PrefixExpansion.FoldsSurely))
            return null;
        var unread = words.Where(w => quotesOf(w) >= keptQuotes).Select(TermOf).Where(m => !sets.TryGet(m, out _)).Distinct().ToList();
        if (unread.Count > 0)
        {
            sets.Ask(unread);
            return null;
        }

        // Every set made for this search alone (a copy, a prefix's words joined, a word that is not common) goes back to
        // the pool once used; the kept ones stay.
        RowidSet? matches = null;
        foreach (var term in query.Included)
        {
            using var held = await HeldAsync(term);
            if (matches is null)
                matches = held.Copy();
            else
                matches.IntersectWith(held);
        }
        foreach (var term in excluded)
        {
            using var held = await HeldAsync(term);
            matches!.ExceptWith(held);
        }
        return (matches!, exact);

        // The quotes that hold a term: one word's set, a prefix's words' sets joined, a phrase's words' sets met.
        async Task<RowidSet> HeldAsync(SearchTerm term)
        {
            var termWords = WordsOf(term).ToList();
            var first = await WordAsync(termWords[0]);
            if (termWords.Count == 1)
                return first;
            var held = first.Copy();
            first.Dispose();
            foreach (var word in termWords.Skip(1))
            {
                using var next = await WordAsync(word);
                if (term.IsPrefix)
                    held.UnionWith(next);
                else
                    held.IntersectWith(next);
            }
            return held;
        }

        // A word that is not common is read as typed: FTS5 folds it itself.
        async Task<RowidSet> WordAsync(string word) =>
            sets.TryGet(TermOf(word), out var set) ? set : await sets.ReadAsync(db, new SearchTerm([word], false).ToMatch(), cancellationToken);
    }

    // A word as the index lists it, and as the sets are read and kept: one match expression for each of its spellings.
    private static string TermOf(string word) => new SearchTerm([PrefixExpansion.Fold(word)], false).ToMatch();

    // A prefix's words, a phrase's words, or the word.
    private static IEnumerable<string> WordsOf(SearchTerm term) => term.IsPrefix ? term.Words! : term.Tokens;

    private sealed partial class Search
    {
        // The page's quotes are copied into a small FTS5 table of the connection's own, with the index's columns and
        // tokenizer, and highlighted there: FTS5 finds a row of QuotesFts by rowid by stepping through its words' entries
        // from their start (59 ms for one quote of sixteen common words on the full shape; a copied page of 20, 0.7 ms:
        // bench/search-costs.cs).
        private const string PageIndex = "SearchPage";

        /// <summary>
        /// The results of a search from its matches: the named quotes first, then the others in index order, as a search
        /// that is not ranked gives them; within a topic or of an author, theirs among them in index order (page order).
        /// Counted whole. Matches that are not exact (the quotes that hold a phrase's words) are checked by FTS5 first,
        /// within the topic or the author's quotes; null where more than <see cref="VerifiedCandidates"/> are left to
        /// check.
        /// </summary>
        public async Task<SearchResults?> CommonWordResultsAsync(RowidSet matches, bool exact, SearchFilter filter, int skip, int take)
        {
            List<long> inOrder;
            int count;
            if (filter.Topic is { Length: > 0 } || filter.Author is { Length: > 0 })
            {
                // Each condition is fixed SQL, its value a parameter; written only when it applies, so that SQLite
                // reads the topic's or the author's index.
                var conditions = new List<string>();
                if (filter.Topic is { Length: > 0 })
                    conditions.Add("TopicId = (SELECT Id FROM Topics WHERE Slug = $topic)");
                if (filter.Author is { Length: > 0 })
                    conditions.Add("AuthorId = (SELECT Id FROM Authors WHERE Slug = $author)");
                var sql = $"SELECT rowid AS Value FROM Quotes WHERE {string.Join(" AND ", conditions)} ORDER BY rowid";
                var scope = await db.Database.SqlQueryRaw<long>(sql,
                        new SqliteParameter("$topic", (object?)filter.Topic ?? DBNull.Value),
                        new SqliteParameter("$author", (object?)filter.Author ?? DBNull.Value))
                    .ToListAsync(cancellationToken);
                inOrder = scope.Where(matches.Contains).ToList();
                if (!exact)
                {
                    if (inOrder.Count > VerifiedCandidates)
                        return null;
                    inOrder = await VerifiedAsync(inOrder);
                }
                count = inOrder.Count;
            }
            else
            {
                if (!exact)
                {
                    if (matches.Count > VerifiedCandidates)
                        return null;
                    var verified = await VerifiedAsync(matches.InOrder().ToList());
                    matches.IntersectWith(verified);
                }
                count = matches.Count;
                if (count == 0 || skip >= Math.Min(count, MaxCounted))
                    return Results([], count, false);
                var (topics, authors) = await NamedAsync();
                var named = topics.Count + authors.Count == 0
                    ? []
                    : (await NamedQuotesAsync(topics, authors, count <= MaxCounted ? -1 : MaxNamedFirst)).Where(matches.Contains).ToList();
                var isNamed = named.ToHashSet();
                inOrder = named.Concat(matches.InOrder().Where(m => !isNamed.Contains(m)).Take(skip + take)).ToList();
            }
            var page = inOrder.Skip(skip).Take(Math.Max(Math.Min(take, MaxCounted - skip), 0)).ToList();
            return Results(await InPageIndexAsync(page,
                () => InOrderAsync(page, $"FROM temp.{PageIndex} JOIN Quotes q ON q.rowid = {PageIndex}.rowid", "", PageIndex, filtered: false)),
                count, false);
        }

        // The candidates that match the whole query (the phrases' words in their order), in index order.
        private Task<List<long>> VerifiedAsync(List<long> candidates) => InPageIndexAsync(candidates, () => db.Database
            .SqlQueryRaw<long>($"SELECT rowid AS Value FROM temp.{PageIndex} WHERE {PageIndex} MATCH $match ORDER BY rowid",
                new SqliteParameter("$match", match))
            .ToListAsync(cancellationToken));

        // What read() reads with these quotes copied into the small table.
        private async Task<List<T>> InPageIndexAsync<T>(List<long> ids, Func<Task<List<T>>> read)
        {
            if (ids.Count == 0)
                return [];
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync($"""
                    DROP TABLE IF EXISTS temp.{PageIndex};
                    CREATE VIRTUAL TABLE temp.{PageIndex} USING fts5({SearchIndex.QuotesFtsColumns}, {SearchIndex.Tokenizer});
                    INSERT INTO temp.{PageIndex}(rowid, {SearchIndex.QuotesFtsColumns})
                    SELECT rowid, {SearchIndex.QuotesFtsColumns} FROM main.QuotesFts WHERE rowid IN (SELECT value FROM json_each($ids));
                    """, [new SqliteParameter("$ids", JsonSerializer.Serialize(ids))], cancellationToken);
                return await read();
            }
            finally
            {
                try
                {
                    await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS temp.{PageIndex}", CancellationToken.None);
                }
                catch (SqliteException)
                {
                    // Left on the connection, the table is dropped before the next page is copied in.
                }
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
