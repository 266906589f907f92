using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Discovery;

// What the search, author and random pages show and the JSON API returns: one set of records for both.

public sealed record SearchResultsView
{
    public required string Query { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; }
    public int Total { get; init; }
    /// <summary>True when more quotes match than are counted: then <see cref="Total"/> is the count's limit.</summary>
    public bool TotalIsLowerBound { get; init; }
    public required IReadOnlyList<SearchHitView> Results { get; init; }
}

public sealed record SearchHitView
{
    public required string Id { get; init; }
    public string Url => ArchiveUrls.Quote(Id);
    public QuoteStatus Status { get; init; }
    /// <summary>The whole quote as plain text.</summary>
    public required string Text { get; init; }
    /// <summary>The quote (or a snippet of a long one) as HTML: the text encoded, the matches in <c>&lt;mark&gt;</c>.</summary>
    public string Highlight => HighlightMarkup.ToHtmlString(Pieces);
    public bool IsSnippet { get; init; }
    public required IReadOnlyList<string> Attribution { get; init; }
    public AuthorRef? Author { get; init; }
    public required TopicRef Topic { get; init; }
    public required SectionRef Section { get; init; }
    [JsonIgnore] public IReadOnlyList<Highlighted> Pieces { get; init; } = [];
    [JsonIgnore] public IReadOnlyList<Highlighted> TitlePieces { get; init; } = [];
    [JsonIgnore] public IReadOnlyList<IReadOnlyList<Highlighted>> AttributionPieces { get; init; } = [];

    public static SearchHitView From(SearchHit hit) => new()
    {
        Id = hit.Id,
        Status = hit.Status,
        Text = hit.Text,
        IsSnippet = hit.IsSnippet,
        Attribution = hit.Attribution.Select(Highlights.ToPlainText).ToList(),
        Author = hit.AuthorSlug is null ? null : new AuthorRef { Slug = hit.AuthorSlug, Name = hit.AuthorName! },
        Topic = new TopicRef { Slug = hit.TopicSlug, Title = hit.TopicTitle, Language = hit.Language, SourceUrl = hit.TopicSourceUrl },
        Section = new SectionRef { Heading = hit.SectionHeading, Anchor = hit.SectionAnchor },
        Pieces = hit.Highlight,
        TitlePieces = hit.Title,
        AttributionPieces = hit.Attribution,
    };
}

public sealed record AuthorRef
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public string Url => ArchiveUrls.Author(Slug);
}

public sealed record AuthorSummary
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public string Url => ArchiveUrls.Author(Slug);
    public int QuoteCount { get; init; }
    [JsonIgnore] public string Letter { get; init; } = "#";
    /// <summary>The author's own page in the archive, when there is one.</summary>
    public string? TopicSlug { get; init; }
}

public sealed record LetterCount(string Letter, int Count);

public sealed record AuthorListView
{
    /// <summary>The letter shown, or null when every author fits on the page.</summary>
    public string? Letter { get; init; }
    public required IReadOnlyList<LetterCount> Letters { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; }
    public int Total { get; init; }
    public required IReadOnlyList<AuthorSummary> Authors { get; init; }
}

public sealed record AuthorTopicView
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public string Url => ArchiveUrls.Topic(Slug);
    [JsonIgnore] public string Language { get; init; } = "";
    public required IReadOnlyList<QuoteView> Quotes { get; init; }
}

public sealed record AuthorView
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public string Url => ArchiveUrls.Author(Slug);
    public int QuoteCount { get; init; }
    public string? TopicSlug { get; init; }
    public string? TopicUrl => TopicSlug is null ? null : ArchiveUrls.Topic(TopicSlug);
    public int Page { get; init; }
    public int PageSize { get; init; }
    /// <summary>This page of the author's quotes, grouped by topic (topics A–Z, quotes in page order).</summary>
    public required IReadOnlyList<AuthorTopicView> Topics { get; init; }
}

public sealed record TodayView
{
    public required string Date { get; init; }
    public required QuoteView Quote { get; init; }
}

public static class SearchUrls
{
    public static string Search(string query) => "/search?q=" + Uri.EscapeDataString(query);
}

/// <summary>Our highlight markup around encoded text: the only place a <c>&lt;mark&gt;</c> is written.</summary>
public static class HighlightMarkup
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent Render(IEnumerable<Highlighted> pieces)
    {
        var builder = new HtmlContentBuilder();
        foreach (var piece in pieces)
        {
            if (piece.IsMatch)
                builder.AppendHtml("<mark>");
            var lines = piece.Text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                    builder.AppendHtml("<br>");
                builder.Append(lines[i]);
            }
            if (piece.IsMatch)
                builder.AppendHtml("</mark>");
        }
        return builder;
    }

    public static string ToHtmlString(IEnumerable<Highlighted> pieces)
    {
        var html = new StringBuilder();
        foreach (var piece in pieces)
            html.Append(piece.IsMatch ? "<mark>" + Encoder.Encode(piece.Text) + "</mark>" : Encoder.Encode(piece.Text));
        return html.ToString();
    }
}

public static class SearchQueries
{
    /// <summary>The search of the page and of the API; topic and author may be given as titles or slugs.</summary>
    public static async Task<SearchResultsView> SearchAsync(this ArchiveDbContext db, string? q, string? topic, string? author,
        string? status, string? lang, Paging paging, CancellationToken cancellationToken)
    {
        var filter = new SearchFilter(
            string.IsNullOrWhiteSpace(topic) ? null : Slugs.Canonicalize(topic),
            string.IsNullOrWhiteSpace(author) ? null : Slugs.Canonicalize(author),
            string.IsNullOrWhiteSpace(status) ? null : status.Trim(),
            string.IsNullOrWhiteSpace(lang) ? null : lang.Trim());
        var found = await QuoteSearch.RunAsync(db, SearchQuery.Parse(q), filter, paging.Skip, paging.PageSize, cancellationToken);
        return new SearchResultsView
        {
            Query = q ?? "",
            Page = paging.Page,
            PageSize = paging.PageSize,
            Total = found.Total,
            TotalIsLowerBound = found.TotalIsLowerBound,
            Results = found.Hits.Select(SearchHitView.From).ToList(),
        };
    }
}

/// <summary>The queries of the author pages and API, shared so the two cannot drift apart.</summary>
public static class AuthorQueries
{
    /// <summary>Below this many authors the A–Z shows them all; above it, one letter at a time.</summary>
    public const int AllOnOnePage = 1000;

    public static async Task<AuthorListView> AuthorListAsync(this ArchiveDbContext db, string? letter, Paging paging,
        CancellationToken cancellationToken)
    {
        var letters = await db.Authors.GroupBy(a => a.Letter)
            .Select(g => new LetterCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        letters = letters.OrderBy(l => l.Letter == "#" ? 1 : 0).ThenBy(l => l.Letter, StringComparer.Ordinal).ToList();
        var total = letters.Sum(l => l.Count);
        if (string.IsNullOrEmpty(letter) && total > AllOnOnePage)
            letter = letters.FirstOrDefault()?.Letter;
        var authors = db.Authors.AsQueryable();
        if (!string.IsNullOrEmpty(letter))
        {
            authors = authors.Where(a => a.Letter == letter);
            total = letters.FirstOrDefault(l => l.Letter == letter)?.Count ?? 0;
        }
        var page = string.IsNullOrEmpty(letter) ? new Paging(1, Math.Max(total, 1)) : paging;
        var list = await authors.OrderBy(a => a.Letter).ThenBy(a => a.SortKey).ThenBy(a => a.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(a => new AuthorSummary
            {
                Slug = a.Slug,
                Name = a.Name,
                QuoteCount = a.QuoteCount,
                Letter = a.Letter,
                TopicSlug = db.Topics.Where(t => t.Id == a.TopicId).Select(t => t.Slug).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new AuthorListView
        {
            Letter = string.IsNullOrEmpty(letter) ? null : letter,
            Letters = letters,
            Page = page.Page,
            PageSize = page.PageSize,
            Total = total,
            Authors = list,
        };
    }

    public static async Task<AuthorView?> AuthorAsync(this ArchiveDbContext db, string slug, Paging paging,
        CancellationToken cancellationToken)
    {
        var author = await db.Authors.Where(a => a.Slug == slug)
            .Select(a => new { a.Id, a.Slug, a.Name, a.QuoteCount, TopicSlug = db.Topics.Where(t => t.Id == a.TopicId).Select(t => t.Slug).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (author is null)
            return null;
        var quotes = await db.Quotes.Where(q => q.AuthorId == author.Id)
            .OrderBy(q => q.Topic!.Title).ThenBy(q => q.TopicId).ThenBy(q => q.Section!.Position).ThenBy(q => q.Position)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(QuoteView.FromEntity)
            .ToListAsync(cancellationToken);
        return new AuthorView
        {
            Slug = author.Slug,
            Name = author.Name,
            QuoteCount = author.QuoteCount,
            TopicSlug = author.TopicSlug,
            Page = paging.Page,
            PageSize = paging.PageSize,
            Topics = quotes.GroupBy(q => q.Topic.Slug)
                .Select(g => new AuthorTopicView { Slug = g.Key, Title = g.First().Topic.Title, Language = g.First().Topic.Language, Quotes = g.ToList() })
                .ToList(),
        };
    }

    /// <summary>An author slug as it reached the server: <c>%2F</c> stays encoded in a path, the rest is decoded.</summary>
    public static string AsRequested(string slug) => slug.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
