using System.Text;
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
    IReadOnlyList<IReadOnlyList<Highlighted>> Attribution);

/// <param name="TotalIsLowerBound">
/// True when more quotes match than were counted: past <see cref="QuoteSearch.MaxCounted"/>, or past the
/// <see cref="QuoteSearch.FilteredScanLimit"/> matches a filtered search reads. Then Total is what was counted.
/// </param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, bool TotalIsLowerBound = false);

/// <summary>A topic or author whose name starts with what was typed.</summary>
public sealed record Suggestion(string Name, string Kind, string Slug, int Quotes);

/// <summary>Runs searches against the index that <see cref="SearchIndex"/> built.</summary>
public static class QuoteSearch
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
    /// linear in the matches: two common words took 35 ms to count to 100,000 on the full archive (2.3 million
    /// quotes), 3.8 ms to 10,000 (bench/search-latency.cs). No reader pages through ten thousand quotes; words do better.
    /// </summary>
    public const int MaxCounted = 10_000;

    /// <summary>
    /// A search with a status, language or kind filter tests at most this many of its words' matches against the
    /// filter: about 1.5 µs each, so under 20 ms (measured with bench/search-latency.sh on 163,000 quotes).
    /// </summary>
    public const int FilteredScanLimit = 10_000;

    /// <summary>The columns of a strong match, which comes first when there are too many matches to rank.</summary>
    private const string StrongColumns = "author title";

    private const string Ranked = "QuotesFts.rank";

    /// <summary>
    /// A query of more terms than this is not ranked: bm25 reads each term's whole entry in the index to weigh it,
    /// about 1.2 ms a common term on 163,000 quotes; sixteen common words cost 20 ms to rank a single match.
    /// </summary>
    public const int MaxRankedTerms = 4;

    public static async Task<SearchResults> RunAsync(ArchiveDbContext db, SearchQuery query, SearchFilter filter,
        int skip, int take, CancellationToken cancellationToken = default, int rankingLimit = RankingLimit,
        int filteredScanLimit = FilteredScanLimit)
    {
        // A prefix stands for its most common words (PrefixExpansion): no query shape merges a large part of the index.
        query = await PrefixExpansion.ExpandAsync(db, query, cancellationToken);
        var match = query.ToMatchExpression();
        QuoteStatus? status = null;
        if (filter.Status is { Length: > 0 } statusName)
        {
            // An unknown status is a filter nothing passes, not an error.
            if (!Enum.TryParse<QuoteStatus>(statusName, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)
                || statusName.Any(char.IsDigit))
                return new([], 0);
            status = parsed;
        }
        if (match is null)
            return new([], 0);

        var filters = new StringBuilder();
        var parameters = new List<SqliteParameter>();
        if (filter.Topic is { Length: > 0 })
        {
            filters.Append(" AND q.TopicId = (SELECT Id FROM Topics WHERE Slug = $topic)");
            parameters.Add(new("$topic", filter.Topic));
        }
        if (filter.Author is { Length: > 0 })
        {
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
            parameters.Add(new("$kind", Enum.TryParse<TopicKind>(filter.Kind, ignoreCase: true, out var kind) ? kind.ToString() : filter.Kind));
        }
        // A topic or an author holds a bounded number of quotes, reached through an index: such a search walks
        // them in page order and asks the index whether each one matches, instead of walking every match of a
        // common word in the archive to find the few of one topic. Its results come in page order, not by rank:
        // within one topic or one author the title and the name match alike, and the page's order is the reader's.
        var scope = filter.Topic is { Length: > 0 } ? "q.TopicId, q.Position" : filter.Author is { Length: > 0 } ? "q.AuthorId, q.rowid" : null;
        // Without filters the index alone answers: no row of Quotes is read.
        var from = filters.Length == 0 ? "FROM QuotesFts"
            : scope is not null ? "FROM Quotes q CROSS JOIN QuotesFts ON QuotesFts.rowid = q.rowid JOIN Topics t ON t.Id = q.TopicId"
            : "FROM QuotesFts JOIN Quotes q ON q.rowid = QuotesFts.rowid JOIN Topics t ON t.Id = q.TopicId";

        // A filter on status, language or kind passes a share of the quotes that no index narrows: each match is
        // read from Quotes to test it. A common word has hundreds of thousands of matches at full size, so such a
        // search reads only its words' first filteredScanLimit matches (in index order, a rowid bound FTS5 applies
        // itself); the total is then a lower bound ("more than …"), as a count past MaxCounted is.
        var windowed = false;
        if (filters.Length > 0 && scope is null
            && await CountAsync(match, filtered: false, filteredScanLimit) > filteredScanLimit)
        {
            var last = await db.Database.SqlQueryRaw<long>(
                    "SELECT rowid AS Value FROM QuotesFts WHERE QuotesFts MATCH $match LIMIT 1 OFFSET $offset",
                    new SqliteParameter("$match", match), new SqliteParameter("$offset", filteredScanLimit - 1))
                .SingleAsync(cancellationToken);
            filters.Append(" AND QuotesFts.rowid <= $last");
            parameters.Add(new("$last", last));
            windowed = true;
        }

        var counted = await CountAsync(match, filtered: true, MaxCounted);
        var total = Math.Min(counted, MaxCounted);
        var lowerBound = counted > MaxCounted || windowed;
        if (total == 0 || skip >= total)
            // Windowed and nothing passed: not "no match", only none among the matches read.
            return new([], total, lowerBound);
        // Paging stops where counting did: the last page ends at the MaxCounted-th match.
        take = Math.Min(take, total - skip);

        List<HitRow> rows;
        if (scope is not null)
        {
            rows = await PageAsync(match, scope, skip, take);
        }
        else if (!windowed && await RankableAsync(match, counted))
        {
            rows = await PageAsync(match, Ranked, skip, take);
        }
        else
        {
            // Too many matches to rank them all on every request (a common word in millions of quotes): the
            // quotes whose topic title or author matches come first, ranked when they are few enough, and then
            // the other matches in index order. The work stays bounded whatever the size of the archive.
            var strongMatch = query.ToMatchExpression(StrongColumns)!;
            var strong = await CountAsync(strongMatch, filtered: true, MaxCounted);
            rows = skip < strong ? await PageAsync(strongMatch, await RankableAsync(strongMatch, strong) ? Ranked : null, skip, take) : [];
            if (rows.Count < take)
            {
                var rest = $"({match}) NOT ({query.ToMatchExpression(StrongColumns, withExclusions: false)})";
                rows.AddRange(await PageAsync(rest, null, Math.Max(0, skip - strong), take - rows.Count));
            }
        }
        return new(rows.Select(ToHit).ToList(), total, lowerBound);

        // FTS5 ranks every match of the expression before a filter drops any: what ranking costs is the number of
        // matches without the filters, however few pass them. bm25 also reads the whole index entry of every term
        // once per query (how many quotes hold it), so a query of many terms is not ranked, however few its matches.
        async Task<bool> RankableAsync(string expression, int filteredCount) =>
            query.Included.Count <= MaxRankedTerms
            && (filters.Length == 0 ? filteredCount : await CountAsync(expression, filtered: false, rankingLimit)) <= rankingLimit;

        // Counting stops past the limit (MaxCounted: no reader pages that far): a bounded count is a bounded cost.
        async Task<int> CountAsync(string expression, bool filtered, int limit)
        {
            var sql = filtered
                ? $"SELECT count(*) AS Value FROM (SELECT 1 {from} WHERE QuotesFts MATCH $match{filters} LIMIT {limit + 1})"
                : $"SELECT count(*) AS Value FROM (SELECT 1 FROM QuotesFts WHERE QuotesFts MATCH $match LIMIT {limit + 1})";
            return await db.Database.SqlQueryRaw<int>(sql, [new SqliteParameter("$match", expression), .. filtered ? Clone(parameters) : []])
                .SingleAsync(cancellationToken);
        }

        // ORDER BY rank uses the bm25 weights stored in the index (SearchIndex.Ranking). It must stay the only
        // ordering term: then FTS5 sorts the matches itself and SQLite computes highlight() and snippet() for the
        // rows of the page only. A second term (say rowid, to break ties) makes SQLite sort every match again in a
        // temporary b-tree, highlighting each one first. FTS5's order is deterministic, so paging is stable. In a
        // scope (topic, author) the quotes come from their index in page order, each looked up in QuotesFts by rowid:
        // no sort, and the LIMIT stops the walk at the end of the page.
        async Task<List<HitRow>> PageAsync(string expression, string? orderBy, int offset, int count)
        {
            // Only fixed SQL and constants are interpolated here: every value from the request is a parameter.
            var sql = $"""
                SELECT q.Id, t.Slug AS TopicSlug, t.Title AS TopicTitle, t.SourceUrl AS TopicSourceUrl,
                       t.Language, s.Heading AS SectionHeading, s.Anchor AS SectionAnchor, q.Status,
                       a.Slug AS AuthorSlug, a.Name AS AuthorName, q.Text,
                       CASE WHEN length(q.Text) > {SnippetThreshold}
                            THEN snippet(QuotesFts, 0, $open, $close, '…', {SnippetTokens})
                            ELSE highlight(QuotesFts, 0, $open, $close) END AS MarkedText,
                       highlight(QuotesFts, 3, $open, $close) AS MarkedTitle,
                       QuotesFts.attribution AS Attribution,
                       highlight(QuotesFts, 1, $open, $close) AS MarkedAttribution
                {(scope is null ? "FROM QuotesFts JOIN Quotes q ON q.rowid = QuotesFts.rowid" : "FROM Quotes q CROSS JOIN QuotesFts ON QuotesFts.rowid = q.rowid")}
                JOIN Topics t ON t.Id = q.TopicId
                JOIN Sections s ON s.Id = q.SectionId
                LEFT JOIN Authors a ON a.Id = q.AuthorId
                WHERE QuotesFts MATCH $match{filters}
                {(orderBy is null ? "" : "ORDER BY " + orderBy)}
                LIMIT $take OFFSET $skip
                """;
            return await db.Database.SqlQueryRaw<HitRow>(sql,
                    [new SqliteParameter("$match", expression), new SqliteParameter("$open", Highlights.Open.ToString()),
                     new SqliteParameter("$close", Highlights.Close.ToString()), new SqliteParameter("$take", count),
                     new SqliteParameter("$skip", offset), .. Clone(parameters)])
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
            SELECT name AS Name, kind AS Kind, slug AS Slug, quotes AS Quotes FROM NamesFts
            WHERE NamesFts MATCH $match
            ORDER BY quotes DESC, name
            LIMIT $limit
            """, new SqliteParameter("$match", match), new SqliteParameter("$limit", limit))
            .ToListAsync(cancellationToken);
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
        return new(row.Id, row.TopicSlug, row.TopicTitle, row.TopicSourceUrl, row.Language, row.SectionHeading, row.SectionAnchor,
            Enum.Parse<QuoteStatus>(row.Status), row.AuthorSlug, row.AuthorName, row.Text, text, isSnippet,
            Highlights.Split(row.MarkedTitle, row.TopicTitle), attribution);
    }

    private sealed class HitRow
    {
        public required string Id { get; init; }
        public required string TopicSlug { get; init; }
        public required string TopicTitle { get; init; }
        public required string TopicSourceUrl { get; init; }
        public required string Language { get; init; }
        public string? SectionHeading { get; init; }
        public required string SectionAnchor { get; init; }
        public required string Status { get; init; }
        public string? AuthorSlug { get; init; }
        public string? AuthorName { get; init; }
        public required string Text { get; init; }
        public string? MarkedText { get; init; }
        public string? MarkedTitle { get; init; }
        public string? Attribution { get; init; }
        public string? MarkedAttribution { get; init; }
    }
}
