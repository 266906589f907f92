using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace QuoteArchive.Storage.Search;

/// <summary>Narrows a search: topic and author slugs, quote status, topic language, topic kind (<see cref="TopicKind"/> name).</summary>
public sealed record SearchFilter(string? Topic = null, string? Author = null, string? Status = null, string? Language = null, string? Kind = null);

/// <summary>One quote found, with its text, attribution lines and topic title split into highlighted pieces.</summary>
public sealed record SearchHit(
    string Id,
    string TopicSlug,
    string TopicTitle,
    string TopicSourceUrl,
    string? TopicLicense,
    string Language,
    string? SectionHeading,
    string SectionAnchor,
    QuoteStatus Status,
    string? AuthorSlug,
    string? AuthorName,
    string Text,
    IReadOnlyList<Highlighted> Highlight,
    bool IsSnippet,
    IReadOnlyList<Highlighted> Title,
    IReadOnlyList<IReadOnlyList<Highlighted>> Attribution,
    QuoteKind Kind,
    string? Work,
    string? Year);

/// <param name="TotalIsLowerBound">
/// True when more quotes match than were counted: past <see cref="QuoteSearch.MaxCounted"/>, past the
/// <see cref="QuoteSearch.FilteredScanLimit"/> matches a filtered search reads, or past the bounded walk of common words
/// together (<see cref="QuoteSearch.WalkedEntries"/>). Then Total is what was counted. A search answered from the common
/// words' sets (<see cref="CommonWordSets"/>) is counted whole: the same search may say "more than …" before its sets
/// are read and the exact number after.
/// </param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, bool TotalIsLowerBound = false);

/// <summary>A topic or author whose name starts with what was typed.</summary>
/// <summary>A topic or an author whose name has the words typed; <paramref name="Anchor"/> the section another title of a topic names.</summary>
public sealed record Suggestion(string Name, string Kind, string Slug, int Quotes, string? Anchor);

/// <summary>Runs searches against the index that <see cref="SearchIndex"/> built.</summary>
public static partial class QuoteSearch
{
    /// <summary>Quotes longer than this are shown as a snippet around the matches.</summary>
    public const int SnippetThreshold = 400;
    private const int SnippetTokens = 48;

    /// <summary>
    /// Up to this many matches are ranked by bm25 on each request. FTS5 ranks about 600,000 matches a second on one
    /// core here, so this bounds ranking to under 10 ms; 20,000 put two common words at 20-40 ms
    /// (bench/search-latency.sh on 163,000 quotes).
    /// </summary>
    public const int RankingLimit = 5_000;

    /// <summary>
    /// Counts stop here, and paging: past it a search says "more than 10,000" and shows no further page. Counting is
    /// linear in the matches: two common words took 20.5 ms to count to 100,000 on the full archive (2.3 million quotes),
    /// 1.9 ms to 10,000 (bench/search-costs.cs). No reader pages through ten thousand quotes; more words do better.
    /// </summary>
    public const int MaxCounted = 10_000;

    /// <summary>
    /// A search with a status, language or kind filter tests at most this many of its words' matches against the
    /// filter: about 1.5 µs each, so under 20 ms (measured with bench/search-latency.sh on 163,000 quotes).
    /// </summary>
    public const int FilteredScanLimit = 10_000;

    /// <summary>
    /// A search that is not ranked shows first the quotes of topics whose title has all its words and of authors whose
    /// name has them ("named"): those of the first such names in the index of names, until they hold this many quotes.
    /// Past MaxCounted matches, the first this many of them, each looked up in QuotesFts by rowid (0.02 ms where the
    /// words have that many matches) when the query has exclusions or filters: the work is bounded by this number, not
    /// by the words' matches, as a walk of every match for the names was (11.6 ms for "love" on the full archive).
    /// </summary>
    public const int MaxNamedFirst = 1_000;

    // The topics whose title has the words ($names: the included terms) and the authors whose name has them, from the
    // small index of names, in its order (topics, then their other titles, then authors). NamesFts also holds a topic's
    // other titles (redirects), which the quotes' title column does not: the join keeps a topic's own title only.
    private const string Names = """
        SELECT t.Id AS TopicId, a.Id AS AuthorId, n.quotes AS Quotes
        FROM NamesFts n
        LEFT JOIN Topics t ON n.kind = 'topic' AND t.Slug = n.slug AND t.Title = n.name
        LEFT JOIN Authors a ON n.kind = 'author' AND a.Slug = n.slug
        WHERE NamesFts MATCH $names
        ORDER BY n.rowid
        """;

    private const string Ranked = "QuotesFts.rank";

    /// <summary>
    /// A query of more terms than this is not ranked: bm25 reads each term's whole entry in the index to weigh it,
    /// about 1.2 ms a common term on 163,000 quotes; sixteen common words cost 20 ms to rank a single match.
    /// </summary>
    public const int MaxRankedTerms = 4;

    /// <summary>
    /// A query whose words are held by more quotes than this, together, is not ranked. bm25 weighs each word or phrase
    /// by how many quotes hold it, and FTS5 counts them by reading its whole entry in the index on every query, however
    /// few the matches: on the full archive, where "love" is in 452,000 of 2.3 million quotes, ranking the 147 matches
    /// of a rare word and "love" took 10.9 ms where finding them took 0.5 ms, and ranking the phrase "love is" 66 ms
    /// where finding its 3,298 matches took 21 (bench/search-costs.cs).
    /// </summary>
    public const int MaxRankedTermQuotes = 100_000;

    /// <summary>
    /// Words that are each in many quotes but together in few are read, past the first page, only as far as a walk of
    /// about this many of their index entries in all goes (then "more than …"): a count to MaxCounted walked every entry
    /// of "the and is of a to in on" on the full archive, 127 ms (bench/search-latency.sh).
    /// </summary>
    public const int WalkedEntries = 60_000;

    /// <summary>
    /// An author's name narrows a search within FTS5 when one of its words is in at most this many quotes: a phrase of
    /// common words only costs FTS5 a walk of their long entries, up to seconds on the generated full shape, whose
    /// authors are named with common words.
    /// </summary>
    public const int NameWordQuotes = 20_000;

    /// <summary>
    /// A search of an author named with common words only keeps the author's quotes among the words' first this many
    /// matches (read as one string: about 25 ms), the total a lower bound past them.
    /// </summary>
    public const int AuthorScanLimit = 100_000;

    public static async Task<SearchResults> RunAsync(ArchiveDbContext db, SearchQuery query, SearchFilter filter,
        int skip, int take, CancellationToken cancellationToken = default, int rankingLimit = RankingLimit,
        int filteredScanLimit = FilteredScanLimit, int rankedTermQuotes = MaxRankedTermQuotes, int walkedEntries = WalkedEntries,
        int nameWordQuotes = NameWordQuotes, int authorScanLimit = AuthorScanLimit, CommonWordSets? commonWords = null)
    {
        // A prefix stands for its most common words (PrefixExpansion): no query shape merges a large part of the index.
        query = await PrefixExpansion.ExpandAsync(db, query, cancellationToken);
        var match = query.ToMatchExpression();
        // An unknown status is a filter nothing passes, not an error.
        var status = FilterName.Parse<QuoteStatus>(filter.Status);
        if (filter.Status is { Length: > 0 } && status is null)
            return new([], 0);
        if (match is null)
            return new([], 0);

        var filters = new StringBuilder();
        var parameters = new List<SqliteParameter>();
        var inTopic = filter.Topic is { Length: > 0 };
        var ofAuthor = filter.Author is { Length: > 0 };
        if (inTopic)
        {
            // A topic's quotes are one run of rowids, written in page order: FTS5 walks that run only, and its matches
            // come in page order.
            var run = await db.Database.SqlQueryRaw<RowidRun>("""
                SELECT min(q.rowid) AS First, max(q.rowid) AS Last FROM Quotes q WHERE q.TopicId = (SELECT Id FROM Topics WHERE Slug = $topic)
                """, new SqliteParameter("$topic", filter.Topic)).SingleAsync(cancellationToken);
            if (run.First is null)
                return new([], 0);
            filters.Append(" AND QuotesFts.rowid BETWEEN $topicFirst AND $topicLast AND q.TopicId = (SELECT Id FROM Topics WHERE Slug = $topic)");
            parameters.AddRange([new("$topicFirst", run.First), new("$topicLast", run.Last), new("$topic", filter.Topic)]);
        }
        var narrowedByName = false;
        if (ofAuthor)
        {
            // The index's author column holds each quote's author as the author index names it (SearchAuthors): a name
            // with a word few quotes hold, as a phrase in that column, narrows the words' matches within FTS5, which
            // steps through the shorter of the entries. Each of an author's quotes looked up in QuotesFts by rowid
            // instead (as until 2026-12-04) cost 0.4 ms a quote for "love" on the full shape.
            var name = await db.Authors.Where(a => a.Slug == filter.Author).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
            if (name is null)
                return new([], 0);
            if (SearchQuery.Phrase(name) is { } phrase && await RarestWordQuotesAsync(db, name, cancellationToken) <= nameWordQuotes)
            {
                match = $"({match}) AND author : {phrase}";
                narrowedByName = true;
            }
            filters.Append(" AND q.AuthorId = (SELECT Id FROM Authors WHERE Slug = $author)");
            parameters.Add(new("$author", filter.Author));
        }
        if (status is not null)
        {
            filters.Append(" AND q.Status = $status");
            parameters.Add(new("$status", (int)status.Value));
        }
        if (filter.Language is { Length: > 0 })
        {
            filters.Append(" AND t.Language = $lang");
            parameters.Add(new("$lang", filter.Language));
        }
        if (filter.Kind is { Length: > 0 })
        {
            // An unknown kind matches nothing, as an unknown language does.
            filters.Append(" AND t.Kind = $kind");
            parameters.Add(new("$kind", FilterName.Parse<TopicKind>(filter.Kind)?.ToString() ?? filter.Kind));
        }

        // The other filters pass a share of the quotes that no index narrows: each match is read from Quotes to test it.
        // A common word has hundreds of thousands of matches at full size, so a search with a status, language or kind
        // filter reads only its words' first filteredScanLimit matches (in index order, a rowid bound FTS5 applies
        // itself); the total is then a lower bound ("more than …"), as a count past MaxCounted is. An author's are
        // narrowed by the name in the match itself, or (a name of common words only) kept among the words' first
        // AuthorScanLimit matches by the author index.
        var search = new Search(db, query, match, filters.ToString(), parameters, cancellationToken);
        long? holding = null;
        // Words that are each in many quotes (and an author named with such words only) are answered from their sets of
        // matches, where FTS5 would step through all their entries; a search it ranks, or with a rarer word, is quick in FTS5.
        if (commonWords is not null && status is null && filter.Language is not { Length: > 0 } && filter.Kind is not { Length: > 0 }
            && (inTopic || ofAuthor ? !narrowedByName : query.Included.Count > MaxRankedTerms || await HoldingAsync() > rankedTermQuotes)
            && await CommonWordMatchesAsync(db, commonWords, query, inTopic || ofAuthor, cancellationToken) is ({ } common, var exact))
        {
            using (common)
            {
                if (await search.CommonWordResultsAsync(common, exact, filter, skip, take) is { } answered)
                {
                    commonWords.CountAnswer();
                    return answered;
                }
            }
        }
        var many = false;
        if (filters.Length > 0 && !inTopic && !ofAuthor)
            many = await search.CountAsync(filtered: false, filteredScanLimit) > filteredScanLimit;
        else if (filters.Length > 0 && !inTopic)
        {
            // Where the words (narrowed by the name) have few enough matches to read, or the name is of common words
            // only, the matches are read once (for such a name, only the author's among the first authorScanLimit)
            // and kept by their rows: a count of the matches, then of the author's, then the page, walked the words'
            // entries three times (46–55 ms for a dozen common words that no quote holds together, on the full archive).
            List<long> all;
            (all, many) = narrowedByName ? await search.AllMatchesAsync(filteredScanLimit) : await search.AuthorsMatchesAsync(authorScanLimit);
            if (!many || !narrowedByName)
            {
                var passing = await search.PassingAsync(all);
                var page = passing.Skip(skip).Take(Math.Min(take, MaxCounted - skip)).ToList();
                return Results(await search.WalkToAsync(page), passing.Count, windowed: many);
            }
        }
        var windowed = many && !ofAuthor;
        if (windowed)
            await search.WindowAsync(filteredScanLimit);
        if (inTopic || ofAuthor)
        {
            // Within one topic or one author the title and the name match alike: results come in page order, or the
            // author's in the order of the archive, not by rank.
            var inScope = await search.CountAsync(filtered: true, MaxCounted);
            return skip < Math.Min(inScope, MaxCounted)
                ? Results(await search.PageAsync(null, skip, Math.Min(take, MaxCounted - skip)), inScope, false)
                : Results([], inScope, false);
        }

        // bm25 ranks the matches when there are few enough (FTS5 ranks every match of the expression before a filter
        // drops any) and when their words are few and rare enough to weigh: bm25 reads the whole index entry of every
        // word and phrase of the query once a query, to know how many quotes hold it.
        var rankable = !windowed && query.Included.Count <= MaxRankedTerms
            && await HoldingAsync() <= rankedTermQuotes;
        int? counted = null;
        if (rankable)
        {
            counted = await search.CountAsync(filtered: true, MaxCounted);
            if (counted == 0 || skip >= Math.Min(counted.Value, MaxCounted))
                return Results([], counted.Value, windowed);
            if ((filters.Length == 0 ? counted : await search.CountAsync(filtered: false, rankingLimit)) <= rankingLimit)
                return Results(await search.PageAsync(Ranked, skip, take), counted.Value, windowed);
        }
        // Words that may hold few quotes together (a phrase, many words, exclusions), or the matches of a window: their
        // matches are read as a list rather than counted, which then needs no second walk of the words' entries; a
        // single word or prefix that is not ranked has many.
        var mayBeFew = query.Included.Count > 1 || query.Included[0].Tokens.Count > 1 || query.Excluded.Count > 0;
        List<HitRow> first = [];
        if (!rankable && mayBeFew && skip == 0 && !windowed)
        {
            // The first page is read before anything else: when it holds every match it is the whole answer, and else
            // its quotes need not be read again.
            first = await search.PageAsync(null, 0, take + 1);
            if (first.Count <= take)
            {
                var (topics, authors) = await search.NamedAsync();
                return Results(first.OrderBy(r => !(topics.Contains(r.TopicId) || r.AuthorId is { } a && authors.Contains(a))).ToList(), first.Count, false);
            }
        }

        // Words held by many quotes each, but by fewer together (many common words, a phrase of them), cost a walk of
        // all their entries to count to MaxCounted: their matches are read only as far as a bounded walk of their
        // entries goes (WalkEndAsync), and at least to the end of the page. Past it the total says "more than".
        long? walkEnd = !rankable && mayBeFew && !windowed && filters.Length == 0 ? await search.WalkEndAsync(walkedEntries) : null;

        // Not ranked: the quotes of topics whose title has the words and of authors whose name has them come first,
        // then the other matches, in index order.
        var beyond = false;
        List<long>? matches = null;
        if (first.Count > 0 || counted is null && (mayBeFew || windowed))
        {
            var rest = await search.MatchesAsync(MaxCounted + 1 - first.Count, first.Count > 0 ? first[^1].RowId : 0, walkEnd, skip + take + 1 - first.Count);
            matches = [.. first.Select(r => r.RowId), .. rest.Matches];
            beyond = rest.Beyond;
        }
        var found = matches?.Count ?? counted ?? await search.CountAsync(filtered: true, MaxCounted);
        if (found == 0 || skip >= Math.Min(found, MaxCounted))
            return Results([], found, windowed || beyond);
        return Results(await search.NamedFirstAsync(matches, found, skip, Math.Min(take, MaxCounted - skip), first, beyond), found, windowed || beyond);

        // How many quotes hold the query's words, read once a search.
        async Task<long> HoldingAsync() => holding ??= await QuotesHoldingAsync(db, query, cancellationToken);
    }

    // Counts stop past MaxCounted, and so does paging: the last page ends at the MaxCounted-th match.
    private static SearchResults Results(List<HitRow> rows, int counted, bool windowed) =>
        // Windowed and nothing passed: not "no match", only none among the matches read.
        new(rows.Select(ToHit).ToList(), Math.Min(counted, MaxCounted), counted > MaxCounted || windowed);

    /// <summary>One search's query, filters and parameters, and the statements it runs.</summary>
    private sealed partial class Search(ArchiveDbContext db, SearchQuery query, string match, string filters, List<SqliteParameter> parameters,
        CancellationToken cancellationToken)
    {
        // Without filters the index alone answers: no row of Quotes is read.
        private string From => filters.Length == 0 ? "FROM QuotesFts"
            : "FROM QuotesFts JOIN Quotes q ON q.rowid = QuotesFts.rowid JOIN Topics t ON t.Id = q.TopicId";

        public async Task WindowAsync(int limit)
        {
            var last = await db.Database.SqlQueryRaw<long>(
                    "SELECT rowid AS Value FROM QuotesFts WHERE QuotesFts MATCH $match LIMIT 1 OFFSET $offset",
                    new SqliteParameter("$match", match), new SqliteParameter("$offset", limit - 1))
                .SingleAsync(cancellationToken);
            filters += " AND QuotesFts.rowid <= $last";
            parameters.Add(new("$last", last));
        }

        // Counting stops past the limit (MaxCounted: no reader pages that far): a bounded count is a bounded cost.
        public async Task<int> CountAsync(bool filtered, int limit)
        {
            var sql = filtered
                ? $"SELECT count(*) AS Value FROM (SELECT 1 {From} WHERE QuotesFts MATCH $match{filters} LIMIT {limit + 1})"
                : $"SELECT count(*) AS Value FROM (SELECT 1 FROM QuotesFts WHERE QuotesFts MATCH $match LIMIT {limit + 1})";
            return await db.Database.SqlQueryRaw<int>(sql, [new SqliteParameter("$match", match), .. filtered ? Clone(parameters) : []])
                .SingleAsync(cancellationToken);
        }

        /// <summary>
        /// The first matches (rowids) in index order after <paramref name="after"/>, at most <paramref name="limit"/>;
        /// past <paramref name="end"/> no more once <paramref name="needed"/> are read, and then Beyond says a match was left.
        /// </summary>
        public async Task<(List<long> Matches, bool Beyond)> MatchesAsync(int limit, long after, long? end, int needed)
        {
            // Read straight from the connection: EF's reader took 5.2 ms for 10,001 rowids, this one 1.5 ms (bench/search-costs.cs).
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = $"SELECT QuotesFts.rowid {From} WHERE QuotesFts MATCH $match AND QuotesFts.rowid > $after{filters} LIMIT {limit}";
                command.Parameters.AddRange(new[] { new SqliteParameter("$match", match), new SqliteParameter("$after", after) });
                command.Parameters.AddRange(Clone(parameters));
                var matches = new List<long>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var rowid = reader.GetInt64(0);
                    if (rowid > end && matches.Count >= needed)
                        return (matches, true);
                    matches.Add(rowid);
                }
                return (matches, false);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        /// <summary>
        /// Where a walk of the included words' entries ends that reads about <paramref name="entries"/> entries in all:
        /// the lowest rowid at which one of them has its share; null when one of them has fewer entries than its share,
        /// as FTS5 then steps through the others by that one's entries and the whole walk costs no more, or when there
        /// is one alone.
        /// </summary>
        public async Task<long?> WalkEndAsync(int entries)
        {
            // One word or prefix alone (exclusions aside) reaches MaxCounted matches within as many of its entries.
            var pieces = query.Included.SelectMany(Pieces).Distinct().ToList();
            if (pieces.Count < 2)
                return null;
            var share = Math.Max(entries / pieces.Count, 1);
            long? end = null;
            foreach (var piece in pieces)
            {
                var last = await db.Database.SqlQueryRaw<long>("SELECT rowid AS Value FROM QuotesFts WHERE QuotesFts MATCH $piece LIMIT 1 OFFSET $offset",
                        new SqliteParameter("$piece", piece), new SqliteParameter("$offset", share - 1))
                    .ToListAsync(cancellationToken);
                if (last.Count == 0)
                    return null;
                end = Math.Min(end ?? long.MaxValue, last[0]);
            }
            return end;
        }

        // What FTS5 walks for a term: each word of a phrase, and a prefix's words together.
        private static IEnumerable<string> Pieces(SearchTerm term) =>
            term.Tokens.SkipLast(term.IsPrefix ? 1 : 0).Select(token => new SearchTerm([token], false).ToMatch())
                .Concat(term.IsPrefix ? [(term with { Tokens = [term.Tokens[^1]] }).ToMatch()] : []);

        /// <summary>The first matches (rowids) in index order, at most <paramref name="limit"/>.</summary>
        public async Task<List<long>> MatchesAsync(int limit) => (await MatchesAsync(limit, 0, null, 0)).Matches;

        /// <summary>
        /// The first matches in index order, at most <paramref name="limit"/>, without the filters, read as one string
        /// of numbers: 10,001 rowids in 2.3 ms, where EF's reader took 7.9 (bench/search-costs.cs on the full archive).
        /// </summary>
        /// <returns>the matches, and whether there are more than <paramref name="limit"/></returns>
        public Task<(List<long> Matches, bool Beyond)> AllMatchesAsync(int limit) => ScanAsync(limit, "m.rowid");

        /// <summary>
        /// The author's quotes among the first <paramref name="limit"/> matches, found by the author index: SQLite
        /// gathers the author's rowids once and hands back only those of the matches, as one string.
        /// </summary>
        public Task<(List<long> Matches, bool Beyond)> AuthorsMatchesAsync(int limit) =>
            ScanAsync(limit, "CASE WHEN m.rowid IN (SELECT q.rowid FROM Quotes q WHERE q.AuthorId = (SELECT Id FROM Authors WHERE Slug = $author)) THEN m.rowid END");

        private async Task<(List<long> Matches, bool Beyond)> ScanAsync(int limit, string kept)
        {
            // Only fixed SQL is interpolated: the values are parameters.
            var sql = $"""
                SELECT count(*) AS Scanned, coalesce(max(m.rowid), 0) AS Last, coalesce(group_concat({kept}), '') AS Kept
                FROM (SELECT rowid FROM QuotesFts WHERE QuotesFts MATCH $match LIMIT $limit) m
                """;
            var scan = await db.Database.SqlQueryRaw<ScannedMatches>(sql,
                    [new SqliteParameter("$match", match), new SqliteParameter("$limit", limit + 1), .. Clone(parameters.Where(p => p.ParameterName == "$author").ToList())])
                .SingleAsync(cancellationToken);
            // In index order, whatever order group_concat joined them in (SQLite leaves it unspecified); the match
            // past the limit, the last read, only says there are more.
            var matches = scan.Kept.Length == 0 ? [] : scan.Kept.Split(',').Select(long.Parse).ToList();
            matches.Sort();
            var beyond = scan.Scanned > limit;
            if (beyond && matches.Count > 0 && matches[^1] == scan.Last)
                matches.RemoveAt(matches.Count - 1);
            return (matches, beyond);
        }

        private sealed class ScannedMatches
        {
            public int Scanned { get; init; }
            public long Last { get; init; }
            public string Kept { get; init; } = "";
        }

        /// <summary>The quotes among these that pass the filters, in the same order: their rows read, not the index.</summary>
        public async Task<List<long>> PassingAsync(List<long> ids)
        {
            if (ids.Count == 0)
                return [];
            // Only the filters' fixed SQL is interpolated: their values are parameters. The list leads the join (CROSS
            // JOIN keeps that order): led by an author's index, SQLite read the whole list again for each of their quotes.
            var sql = $"""
                SELECT q.rowid AS Value FROM json_each($ids) c CROSS JOIN Quotes q ON q.rowid = c.value JOIN Topics t ON t.Id = q.TopicId
                WHERE 1{filters} ORDER BY c.key
                """;
            return await db.Database.SqlQueryRaw<long>(sql, [new SqliteParameter("$ids", JsonSerializer.Serialize(ids)), .. Clone(parameters)])
                .ToListAsync(cancellationToken);
        }

        /// <summary>
        /// The topics whose title has the words and the authors whose name has them, read from the small index of names
        /// in its order (topics, then authors) until their quotes number MaxNamedFirst.
        /// </summary>
        public async Task<(HashSet<long> Topics, HashSet<long> Authors)> NamedAsync()
        {
            var topics = new HashSet<long>();
            var authors = new HashSet<long>();
            var quotes = 0;
            await foreach (var name in db.Database.SqlQueryRaw<NameRow>(Names, new SqliteParameter("$names", query.ToMatchExpression(withExclusions: false)))
                               .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (name.TopicId is { } topic)
                    topics.Add(topic);
                else if (name.AuthorId is { } author)
                    authors.Add(author);
                else
                    continue;
                quotes += name.Quotes;
                if (quotes >= MaxNamedFirst)
                    break;
            }
            return (topics, authors);
        }

        /// <summary>
        /// The page of the named quotes first, then the other matches, in index order. <paramref name="matches"/> are
        /// the first MaxCounted + 1 matches when already read, or those of a bounded walk when <paramref name="beyond"/> says
        /// matches were left; <paramref name="read"/> hits already read.
        /// </summary>
        public async Task<List<HitRow>> NamedFirstAsync(List<long>? matches, int counted, int skip, int take, List<HitRow> read, bool beyond = false)
        {
            var (topics, authors) = await NamedAsync();
            // Every match at hand: not past MaxCounted, nor past a bounded walk, whose named quotes may lie beyond it.
            var all = counted <= MaxCounted && !beyond;
            if (all)
                matches ??= await MatchesAsync(MaxCounted + 1);
            var readUpTo = matches is { Count: > 0 } ? matches[^1] : long.MinValue;
            List<long> named = [];
            if (topics.Count + authors.Count > 0)
            {
                var candidates = await NamedQuotesAsync(topics, authors, all ? -1 : MaxNamedFirst);
                // With every match at hand, the named ones are those among them. Past MaxCounted (or a bounded walk)
                // those up to the last match read are still known by the matches read; the others are a small share of
                // the matches: each has the words in its title or author, so only exclusions and filters can leave one
                // out, which a lookup by rowid tells, cheap where the words have that many matches.
                var matchesRead = matches?.ToHashSet() ?? [];
                named = candidates.Where(c => c <= readUpTo && matchesRead.Contains(c)).ToList();
                var past = all ? [] : candidates.Where(c => c > readUpTo).ToList();
                named.AddRange(query.Excluded.Count == 0 && filters.Length == 0 ? past : await MatchingAsync(past, skip + take - named.Count));
            }
            if (named.Count < skip + take)
                matches ??= await MatchesAsync(MaxCounted + 1);
            var isNamed = named.ToHashSet();
            var page = named.Concat((matches ?? []).Where(m => !isNamed.Contains(m))).Skip(skip).Take(take).ToList();
            var known = read.ToDictionary(r => r.RowId);
            var missing = page.Where(id => !known.ContainsKey(id)).ToList();
            // Past a bounded walk, the quotes it read are read again by a walk; named quotes beyond it, by rowid.
            var byWalk = all ? missing : beyond ? missing.Where(id => id <= readUpTo).ToList() : [];
            foreach (var row in (await WalkToAsync(byWalk)).Concat(await LookUpAsync(missing.Except(byWalk).ToList())))
                known[row.RowId] = row;
            return page.Where(known.ContainsKey).Select(id => known[id]).ToList();
        }

        // The quotes of these topics and authors, in index order, at most limit (-1: all).
        private Task<List<long>> NamedQuotesAsync(HashSet<long> topics, HashSet<long> authors, int limit) =>
            db.Database.SqlQueryRaw<long>("""
                    SELECT rowid AS Value FROM (
                        SELECT rowid FROM Quotes WHERE TopicId IN (SELECT value FROM json_each($topics))
                        UNION SELECT rowid FROM Quotes WHERE AuthorId IN (SELECT value FROM json_each($authors)))
                    ORDER BY rowid LIMIT $limit
                    """, new SqliteParameter("$topics", JsonSerializer.Serialize(topics)),
                    new SqliteParameter("$authors", JsonSerializer.Serialize(authors)), new SqliteParameter("$limit", limit))
                .ToListAsync(cancellationToken);

        /// <summary>The candidates that match the whole query, in their order: at least the first <paramref name="needed"/>, or all.</summary>
        private async Task<List<long>> MatchingAsync(List<long> candidates, int needed)
        {
            var matching = new List<long>();
            for (var start = 0; start < candidates.Count && matching.Count < needed;)
            {
                var chunk = candidates.GetRange(start, Math.Min(candidates.Count - start, 2 * (needed - matching.Count)));
                start += chunk.Count;
                var sql = $"""
                    SELECT c.value AS Value FROM json_each($ids) c CROSS JOIN QuotesFts ON QuotesFts.rowid = c.value
                    JOIN Quotes q ON q.rowid = c.value JOIN Topics t ON t.Id = q.TopicId
                    WHERE QuotesFts MATCH $match{filters}
                    """;
                var passed = (await db.Database.SqlQueryRaw<long>(sql,
                        [new SqliteParameter("$ids", JsonSerializer.Serialize(chunk)), new SqliteParameter("$match", match), .. Clone(parameters)])
                    .ToListAsync(cancellationToken)).ToHashSet();
                matching.AddRange(chunk.Where(passed.Contains));
            }
            return matching;
        }

        // The hits of these quotes, in this order, each looked up in QuotesFts by rowid for its highlights: FTS5 looks up
        // a row by walking from the start of the index to the query's first match, then to the row, cheap where the
        // words have many matches.
        private Task<List<HitRow>> LookUpAsync(List<long> ids) => InOrderAsync(ids,
            "FROM json_each($ids) c CROSS JOIN QuotesFts ON QuotesFts.rowid = c.value JOIN Quotes q ON q.rowid = c.value", "");

        // The hits of these matches, in this order, read by one walk over the matches up to the last of them (the unary
        // plus keeps the list from being taken for lookups by rowid).
        public Task<List<HitRow>> WalkToAsync(List<long> ids) => InOrderAsync(ids, null,
            " AND QuotesFts.rowid BETWEEN $first AND $last AND +QuotesFts.rowid IN (SELECT value FROM json_each($ids))");

        private async Task<List<HitRow>> InOrderAsync(List<long> ids, string? source, string condition, string index = "QuotesFts",
            bool filtered = true)
        {
            if (ids.Count == 0)
                return [];
            var found = (await PageAsync(null, 0, ids.Count, condition, source,
                    [new("$ids", JsonSerializer.Serialize(ids)), new("$first", ids.Min()), new("$last", ids.Max())], index, filtered))
                .ToDictionary(r => r.RowId);
            return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
        }

        // ORDER BY rank uses the bm25 weights stored in the index (SearchIndex.Ranking). It must stay the only
        // ordering term: then FTS5 sorts the matches itself and SQLite computes highlight() and snippet() for the
        // rows of the page only. A second term (say rowid, to break ties) makes SQLite sort every match again in a
        // temporary b-tree, highlighting each one first. FTS5's order is deterministic, so paging is stable.
        public async Task<List<HitRow>> PageAsync(string? orderBy, int offset, int count, string condition = "", string? source = null,
            SqliteParameter[]? more = null, string index = "QuotesFts", bool filtered = true)
        {
            // Only fixed SQL and constants are interpolated here: every value from the request is a parameter.
            source ??= "FROM QuotesFts JOIN Quotes q ON q.rowid = QuotesFts.rowid";
            var sql = $"""
                SELECT q.rowid AS RowId, q.Id, q.TopicId, q.AuthorId, t.Slug AS TopicSlug, t.Title AS TopicTitle, t.SourceUrl AS TopicSourceUrl,
                       t.License AS TopicLicense, t.Language, s.Heading AS SectionHeading, s.Anchor AS SectionAnchor, q.Status,
                       a.Slug AS AuthorSlug, a.Name AS AuthorName, q.Text, q.Kind, q.Work, q.Year,
                       CASE WHEN length(q.Text) > {SnippetThreshold}
                            THEN snippet({index}, 0, $open, $close, '…', {SnippetTokens})
                            ELSE highlight({index}, 0, $open, $close) END AS MarkedText,
                       highlight({index}, 3, $open, $close) AS MarkedTitle,
                       {index}.attribution AS Attribution,
                       highlight({index}, 1, $open, $close) AS MarkedAttribution
                {source}
                JOIN Topics t ON t.Id = q.TopicId
                JOIN Sections s ON s.Id = q.SectionId
                LEFT JOIN Authors a ON a.Id = q.AuthorId
                WHERE {index} MATCH $match{(filtered ? filters : "")}{condition}
                {(orderBy is null ? "" : "ORDER BY " + orderBy)}
                LIMIT $take OFFSET $skip
                """;
            return await db.Database.SqlQueryRaw<HitRow>(sql,
                    [new SqliteParameter("$match", match), new SqliteParameter("$open", Highlights.Open.ToString()),
                     new SqliteParameter("$close", Highlights.Close.ToString()), new SqliteParameter("$take", count),
                     new SqliteParameter("$skip", offset), .. Clone(parameters), .. more ?? []])
                .ToListAsync(cancellationToken);
        }
    }

    /// <summary>Topics and authors whose name has words starting with the words typed, the most quoted first.</summary>
    public static async Task<IReadOnlyList<Suggestion>> SuggestAsync(ArchiveDbContext db, string? typed, int limit,
        CancellationToken cancellationToken = default)
    {
        var query = SearchQuery.Parse(typed);
        if (query.IsEmpty)
            return [];
        // What is typed last is a word being typed: a prefix, once it narrows the names (other words do, or its length).
        var terms = query.Included.ToList();
        terms[^1] = terms[^1] with { IsPrefix = terms.Count > 1 || SearchQuery.IsLongPrefix(terms[^1].Tokens[^1]) };
        var match = new SearchQuery(terms, []).ToMatchExpression()!;
        return await db.Database.SqlQueryRaw<Suggestion>("""
            SELECT name AS Name, kind AS Kind, slug AS Slug, quotes AS Quotes, anchor AS Anchor FROM NamesFts
            WHERE NamesFts MATCH $match
            ORDER BY quotes DESC, name
            LIMIT $limit
            """, new SqliteParameter("$match", match), new SqliteParameter("$limit", limit))
            .ToListAsync(cancellationToken);
    }

    // How many quotes hold the name's rarest word.
    private static async Task<long> RarestWordQuotesAsync(ArchiveDbContext db, string name, CancellationToken cancellationToken)
    {
        var words = SearchQuery.Tokenize(name);
        var quotes = await WordQuotesAsync(db, words, cancellationToken);
        return words.Min(quotes);
    }

    /// <summary>
    /// How many quotes hold each of these words, from the word list, as the index folds them; a word missing from the
    /// list is in one quote at most.
    /// </summary>
    private static async Task<Func<string, long>> WordQuotesAsync(ArchiveDbContext db, IEnumerable<string> words,
        CancellationToken cancellationToken)
    {
        var listed = await db.Database.SqlQueryRaw<ListedTerm>(
                "SELECT Term, Quotes FROM SearchTerms WHERE Term IN (SELECT value FROM json_each($terms))",
                new SqliteParameter("$terms", JsonSerializer.Serialize(words.Select(PrefixExpansion.Fold).Distinct())))
            .ToDictionaryAsync(t => t.Term, t => t.Quotes, cancellationToken);
        return word => listed.GetValueOrDefault(PrefixExpansion.Fold(word), 1);
    }

    private sealed class ListedTerm
    {
        public required string Term { get; init; }
        public long Quotes { get; init; }
    }

    /// <summary>
    /// How many quotes hold the words of the query, a word counted once for each phrase that holds it: what bm25 reads to
    /// weigh them. SearchTerms knows every word held by two quotes or more; the others cost nothing to read.
    /// </summary>
    private static Task<long> QuotesHoldingAsync(ArchiveDbContext db, SearchQuery query, CancellationToken cancellationToken)
    {
        var words = new List<string>();
        var prefixes = new List<string>();
        foreach (var term in query.Included.Concat(query.Excluded))
        {
            var leading = term.Tokens.SkipLast(term.IsPrefix ? 1 : 0).Select(PrefixExpansion.Fold).ToList();
            if (!term.IsPrefix)
                words.AddRange(leading);
            else if (term.Words is { } expansion)
                words.AddRange(expansion.SelectMany(word => leading.Append(word)));
            else
            {
                // FTS5's own prefix query: the prefix starts no more common words than a prefix may stand for.
                words.AddRange(leading);
                prefixes.Add(PrefixExpansion.Fold(term.Tokens[^1]));
            }
        }
        return db.Database.SqlQueryRaw<long>("""
            SELECT (SELECT coalesce(sum(s.Quotes), 0) FROM json_each($words) w JOIN SearchTerms s ON s.Term = w.value)
                 + (SELECT coalesce(sum(s.Quotes), 0) FROM json_each($prefixes) p
                    JOIN SearchTerms s ON s.Term >= p.value AND s.Term < p.value || char(1114111)) AS Value
            """, new SqliteParameter("$words", JsonSerializer.Serialize(words)), new SqliteParameter("$prefixes", JsonSerializer.Serialize(prefixes)))
            .SingleAsync(cancellationToken);
    }

    private static SqliteParameter[] Clone(List<SqliteParameter> parameters) =>
        parameters.Select(p => new SqliteParameter(p.ParameterName, p.Value)).ToArray();

    private static SearchHit ToHit(HitRow row)
    {
        var attribution = row.Attribution is null
            ? []
            : Highlights.ContainsSentinel(row.Attribution) || row.MarkedAttribution is null
                ? row.Attribution.Split('\n').Select(line => (IReadOnlyList<Highlighted>)[new Highlighted(line, false)]).ToList()
                : row.MarkedAttribution.Split('\n').Select(line => Highlights.Split(line, line.Replace(Highlights.Open.ToString(), "").Replace(Highlights.Close.ToString(), ""))).ToList();
        var isSnippet = row.Text.Length > SnippetThreshold;
        var text = Highlights.ContainsSentinel(row.Text) && isSnippet
            ? [new Highlighted(row.Text[..SnippetThreshold] + "…", false)]
            : Highlights.Split(row.MarkedText, row.Text);
        return new(row.Id, row.TopicSlug, row.TopicTitle, row.TopicSourceUrl, row.TopicLicense, row.Language, row.SectionHeading, row.SectionAnchor,
            Enum.Parse<QuoteStatus>(row.Status), row.AuthorSlug, row.AuthorName, row.Text, text, isSnippet,
            Highlights.Split(row.MarkedTitle, row.TopicTitle), attribution, Enum.Parse<QuoteKind>(row.Kind), row.Work, row.Year);
    }

    private sealed class RowidRun
    {
        public long? First { get; init; }
        public long? Last { get; init; }
    }

    private sealed class NameRow
    {
        public long? TopicId { get; init; }
        public long? AuthorId { get; init; }
        public int Quotes { get; init; }
    }

    private sealed class HitRow
    {
        public long RowId { get; init; }
        public long TopicId { get; init; }
        public long? AuthorId { get; init; }
        public required string Id { get; init; }
        public required string TopicSlug { get; init; }
        public required string TopicTitle { get; init; }
        public required string TopicSourceUrl { get; init; }
        public string? TopicLicense { get; init; }
        public required string Language { get; init; }
        public string? SectionHeading { get; init; }
        public required string SectionAnchor { get; init; }
        public required string Status { get; init; }
        public string? AuthorSlug { get; init; }
        public string? AuthorName { get; init; }
        public required string Text { get; init; }
        public required string Kind { get; init; }
        public string? Work { get; init; }
        public string? Year { get; init; }
        public string? MarkedText { get; init; }
        public string? MarkedTitle { get; init; }
        public string? Attribution { get; init; }
        public string? MarkedAttribution { get; init; }
    }
}
