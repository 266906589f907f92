using QuoteArchive.Web.Pages.Shared;
using System.Text.Json.Serialization;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Authors;

// What the author pages show and /api/authors returns: one set of records for both.

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
