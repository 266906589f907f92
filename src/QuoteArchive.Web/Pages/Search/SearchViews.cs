using System.Text.Json.Serialization;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Pages.Authors;
using QuoteArchive.Web.Pages.Shared;

namespace QuoteArchive.Web.Pages.Search;

// What the search page shows and /api/search returns: one set of records for both.

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
    public QuoteKind Kind { get; init; }
    public QuoteStatus Status { get; init; }
    /// <summary>The whole quote as plain text.</summary>
    public required string Text { get; init; }
    /// <summary>The quote (or a snippet of a long one) as HTML: the text encoded, the matches in <c>&lt;mark&gt;</c>.</summary>
    public string Highlight => HighlightMarkup.ToHtmlString(Pieces);
    public bool IsSnippet { get; init; }
    public required IReadOnlyList<string> Attribution { get; init; }
    public AuthorRef? Author { get; init; }
    /// <summary>As on the quote: the work and year its attribution or its page names.</summary>
    public string? Work { get; init; }
    public string? Year { get; init; }
    public required TopicRef Topic { get; init; }
    public required SectionRef Section { get; init; }
    [JsonIgnore] public IReadOnlyList<Highlighted> Pieces { get; init; } = [];
    [JsonIgnore] public IReadOnlyList<Highlighted> TitlePieces { get; init; } = [];
    [JsonIgnore] public IReadOnlyList<IReadOnlyList<Highlighted>> AttributionPieces { get; init; } = [];

    public static SearchHitView From(SearchHit hit) => new()
    {
        Id = hit.Id,
        Kind = hit.Kind,
        Status = hit.Status,
        Text = hit.Text,
        IsSnippet = hit.IsSnippet,
        Attribution = hit.Attribution.Select(Highlights.ToPlainText).ToList(),
        Author = hit.AuthorSlug is null ? null : new AuthorRef { Slug = hit.AuthorSlug, Name = hit.AuthorName! },
        Work = hit.Work,
        Year = hit.Year,
        Topic = new TopicRef
        {
            Slug = hit.TopicSlug, Title = hit.TopicTitle, Language = hit.Language, SourceUrl = hit.TopicSourceUrl, License = hit.TopicLicense,
        },
        Section = new SectionRef { Heading = hit.SectionHeading, Anchor = hit.SectionAnchor },
        Pieces = hit.Highlight,
        TitlePieces = hit.Title,
        AttributionPieces = hit.Attribution,
    };

    /// <summary>The hit as its quote card shows it, the matches marked; its status shown as on a quote standing alone.</summary>
    public QuoteCard ToCard() => new(new QuoteView
    {
        Id = Id,
        Status = Status,
        Text = Text,
        Attribution = Attribution.Select(line => new AttributionView { Depth = 1, Text = line }).ToList(),
        AuthorSlug = Author?.Slug,
        AuthorName = Author?.Name,
        Topic = Topic,
        Section = Section,
    }, Standalone: true)
    {
        Marked = new MarkedQuote(HighlightMarkup.Render(Pieces), AttributionPieces.Select((line, i) =>
            i == 0 && NameStartsAttribution ? HighlightMarkup.RenderLinked(line, Author!.Name.Length, Author.Url) : HighlightMarkup.Render(line)).ToList(),
            NameLinked: NameStartsAttribution),
    };

    // The first line names the author: the name itself links to the author's page, as on a topic page, not a line of its own.
    private bool NameStartsAttribution => Author is not null && Attribution is [var first, ..] && first.StartsWith(Author.Name, StringComparison.Ordinal);
}

public static class SearchUrls
{
    public static string Search(string query) => "/search?q=" + Uri.EscapeDataString(query);
}
