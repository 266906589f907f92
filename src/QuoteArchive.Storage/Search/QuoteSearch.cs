using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace QuoteArchive.Storage.Search;

/// <summary>Narrows a search: topic slug, author slug, quote status name, topic language. Null means any.</summary>
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

/// <param name="TotalIsLowerBound">True when there are more than <see cref="QuoteSearch.MaxCounted"/> matches: then Total is that number.</param>
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
    /// Up to this many matches are ranked by bm25 on each request. FTS5 ranked about 300,000 matches a second on
    /// one core here (measured on 112,000 quotes), so this bounds ranking to under 0.1 s.
    /// </summary>
    public const int RankingLimit = 20_000;

    /// <summary>Counts stop here: paging reaches no further (<c>page</c> up to 1,000 of up to 100 quotes).</summary>
    public const int MaxCounted = 100_000;

    /// <summary>The columns of a strong match, which comes first when there are too many matches to rank.</summary>
    private const string StrongColumns = "author title";

    public static async Task<SearchResults> RunAsync(ArchiveDbContext db, SearchQuery query, SearchFilter filter,
        int skip, int take, CancellationToken cancellationToken = default, int rankingLimit = RankingLimit)
    {
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
            filters.Append(" AND t.Slug = $topic");
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
        // Without filters the index alone answers: no row of Quotes is read.
        var from = filters.Length == 0
            ? "FROM QuotesFts"
            : "FROM QuotesFts JOIN Quotes q ON q.rowid = QuotesFts.rowid JOIN Topics t ON t.Id = q.TopicId";

        var counted = await CountAsync(match);
        if (counted == 0 || skip >= counted)
            return new([], Math.Min(counted, MaxCounted), counted > MaxCounted);

        List<HitRow> rows;
        if (counted <= rankingLimit)
        {
            rows = await PageAsync(match, ranked: true, skip, take);
        }
        else
        {
            // Too many matches to rank them all on every request (a common word in millions of quotes): the
            // quotes whose topic title or author matches come first, ranked when they are few enough, and then
            // the other matches in index order. The work stays bounded whatever the size of the archive.
            var strongMatch = query.ToMatchExpression(StrongColumns)!;
            var strong = await CountAsync(strongMatch);
            rows = skip < strong ? await PageAsync(strongMatch, ranked: strong <= rankingLimit, skip, take) : [];
            if (rows.Count < take)
            {
                var rest = $"({match}) NOT ({query.ToMatchExpression(StrongColumns, withExclusions: false)})";
                rows.AddRange(await PageAsync(rest, ranked: false, Math.Max(0, skip - strong), take - rows.Count));
            }
        }
        return new(rows.Select(ToHit).ToList(), Math.Min(counted, MaxCounted), counted > MaxCounted);

        // Counting stops past MaxCounted: no reader pages that far, and a bounded count is a bounded cost.
        async Task<int> CountAsync(string expression)
        {
            var sql = $"SELECT count(*) AS Value FROM (SELECT 1 {from} WHERE QuotesFts MATCH $match{filters} LIMIT {MaxCounted + 1})";
            return await db.Database.SqlQueryRaw<int>(sql, [new SqliteParameter("$match", expression), .. Clone(parameters)])
                .SingleAsync(cancellationToken);
        }

        // ORDER BY rank uses the bm25 weights stored in the index (SearchIndex.Ranking). It must stay the only
        // ordering term: then FTS5 sorts the matches itself and SQLite computes highlight() and snippet() for the
        // rows of the page only. A second term (say rowid, to break ties) makes SQLite sort every match again in a
        // temporary b-tree, highlighting each one first. FTS5's order is deterministic, so paging is stable.
        // One pass over the index per call: a prefix query merges its terms once, not once per row.
        async Task<List<HitRow>> PageAsync(string expression, bool ranked, int offset, int count)
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
                FROM QuotesFts
                JOIN Quotes q ON q.rowid = QuotesFts.rowid
                JOIN Topics t ON t.Id = q.TopicId
                JOIN Sections s ON s.Id = q.SectionId
                LEFT JOIN Authors a ON a.Id = q.AuthorId
                WHERE QuotesFts MATCH $match{filters}
                {(ranked ? "ORDER BY QuotesFts.rank" : "")}
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
