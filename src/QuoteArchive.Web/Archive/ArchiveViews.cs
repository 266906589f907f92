using System.Linq.Expressions;
using System.Text.Json.Serialization;
using QuoteArchive.Storage;
using QuoteArchive.Web.Hosting;

namespace QuoteArchive.Web.Archive;

// What the pages show and the JSON API returns: one set of records, so the two cannot drift apart.
// Their JSON shape is the public API (camel-case), which clients rely on; what only the pages need is [JsonIgnore]d (and not
// `required`, which System.Text.Json refuses on a member it ignores).

/// <summary>A topic in the A–Z list.</summary>
public sealed record TopicSummary
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required string Language { get; init; }
    public string Url => ArchiveUrls.Topic(Slug);
    public int QuoteCount { get; init; }
    [JsonIgnore] public string Letter { get; init; } = "#";
}

/// <summary>The topics A–Z: all of them, or, in a large archive, one letter at a time and paged.</summary>
public sealed record TopicListView
{
    /// <summary>The letter shown, or null when every topic fits on the page.</summary>
    public string? Letter { get; init; }
    public required IReadOnlyList<Pages.Shared.LetterCount> Letters { get; init; }
    public Pages.Shared.Paging Paging { get; init; }
    public int Total { get; init; }
    public required IReadOnlyList<TopicSummary> Topics { get; init; }
}

public sealed record TopicView
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required string Language { get; init; }
    public string Url => ArchiveUrls.Topic(Slug);
    public required string SourceUrl { get; init; }
    [JsonIgnore] public string? License { get; init; }
    /// <summary>The licence the topic's text is under, as its page states it, with or without a revision.</summary>
    [JsonPropertyName("license")] public string StatedLicense => RevisionView.Stated(License);
    public required IReadOnlyList<RichText> Lead { get; init; }
    public QuoteView? Featured { get; init; }
    public TopicKind Kind { get; init; }
    public RevisionView? Revision { get; init; }
    public required IReadOnlyList<SisterLinkView> SisterLinks { get; init; }
    public IReadOnlyList<CategoryRef> Categories { get; init; } = [];
    public IReadOnlyList<LanguageLinkView> OtherLanguages { get; init; } = [];
    public required IReadOnlyList<SectionView> Sections { get; init; }
    [JsonIgnore] public int QuoteCount => Sections.Sum(s => s.Quotes.Count) + (Featured is null ? 0 : 1);
}

/// <summary>Where another title of a topic leads: the topic's slug, and the anchor of the section it names, if any.</summary>
public sealed record RedirectTarget(string Slug, string? Anchor);

/// <summary>The wiki revision a topic's text is, with its exact link and the licence of that day.</summary>
public sealed record RevisionView
{
    /// <summary>Wikiquote's licence, for a topic whose import recorded none.</summary>
    public const string DefaultLicense = "CC BY-SA";

    /// <summary>The licence a topic states: the one its import recorded, else Wikiquote's.</summary>
    public static string Stated(string? recorded) => string.IsNullOrWhiteSpace(recorded) ? DefaultLicense : recorded;

    public long Id { get; init; }
    public DateTimeOffset Timestamp { get; init; }
    public string? Url { get; init; }
    public required string License { get; init; }
}

public sealed record CategoryRef
{
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public string Url => ArchiveUrls.Category(Slug);
}

/// <summary>The topic's page on another language's wiki.</summary>
public sealed record LanguageLinkView
{
    public required string Language { get; init; }
    public required string Title { get; init; }
    /// <summary>The archive's own topic when it has one with this title, else the page on that language's Wikiquote.</summary>
    public required string Url { get; init; }
}

/// <summary>Text, with its rendered HTML where it has markup (null for a plain text: render the text, encoded).</summary>
public sealed record RichText
{
    public required string Text { get; init; }
    public string? Html { get; init; }
}

public sealed record SisterLinkView
{
    public required string Project { get; init; }
    public required string Article { get; init; }
    public string? Url { get; init; }
}

public sealed record SectionView
{
    public string? Heading { get; init; }
    public required string Anchor { get; init; }
    public int Level { get; init; }
    [JsonIgnore] public bool IsList { get; init; }
    public required IReadOnlyList<LinkView> Links { get; init; }
    /// <summary>The section's paragraphs, each with the line it stood on: a page shows it where it stood among the quotes.</summary>
    [JsonIgnore] public IReadOnlyList<SectionNote> NoteParagraphs { get; init; } = [];
    public IEnumerable<string> Notes => NoteParagraphs.Select(n => n.Paragraph.Text);
    [JsonIgnore] public IReadOnlyList<ListItemView> ListItems { get; init; } = [];
    public IEnumerable<string> Items => ListItems.Select(i => i.Text);
    public required IReadOnlyList<QuoteView> Quotes { get; init; }

    [JsonIgnore] public bool IsEmpty => Links.Count == 0 && NoteParagraphs.Count == 0 && ListItems.Count == 0 && Quotes.Count == 0;
}

/// <summary>A paragraph of a section and the line of its content file it stood on.</summary>
public sealed record SectionNote(RichText Paragraph, int Line);

public sealed record LinkView
{
    public required string Label { get; init; }
    public string? Url { get; init; }
}

public sealed record ListItemView
{
    public int Depth { get; init; }
    public required string Text { get; init; }
    public string? Html { get; init; }
}

public sealed record QuoteView
{
    public required string Id { get; init; }
    public string Url => ArchiveUrls.Quote(Id);
    public QuoteKind Kind { get; init; }
    public QuoteStatus Status { get; init; }
    public required string Text { get; init; }
    public string? Html { get; init; }
    /// <summary>The line of its content file the quote stood on; read for a topic's page only, to place its paragraphs.</summary>
    [JsonIgnore] public int Line { get; init; }
    [JsonIgnore] public IReadOnlyList<DialogueLineView> DialogueLines { get; init; } = [];
    /// <summary>Dialogue only.</summary>
    public IReadOnlyList<DialogueLineView>? Lines => Kind == QuoteKind.Dialogue ? DialogueLines : null;
    public required IReadOnlyList<AttributionView> Attribution { get; init; }
    /// <summary>Notes on the quote: the references that stood in it.</summary>
    public IReadOnlyList<RichText> Notes { get; init; } = [];
    /// <summary>The name the first attribution line gave, as parsed.</summary>
    [JsonIgnore] public string? Author { get; init; }
    /// <summary>
    /// Who said it: the author index's name (a person page's quote has its person, another title of a person is the
    /// person), else the name the attribution gave; null when the archive does not know.
    /// </summary>
    [JsonPropertyName("author")] public string? By => AuthorName ?? Author;
    public string? Work { get; init; }
    public string? Year { get; init; }
    /// <summary>The author index's entry for the quote, when the author is known.</summary>
    [JsonIgnore] public string? AuthorSlug { get; init; }
    public string? AuthorUrl => AuthorSlug is null ? null : ArchiveUrls.Author(AuthorSlug);
    [JsonIgnore] public string? AuthorName { get; init; }
    public required TopicRef Topic { get; init; }
    public required SectionRef Section { get; init; }
    [JsonIgnore] public bool IsFeatured { get; init; }

    /// <summary>One quote with everything its card and permalink page show; shared by every query.</summary>
    public static readonly Expression<Func<Quote, QuoteView>> FromEntity = q => new QuoteView
    {
        Id = q.Id,
        Kind = q.Kind,
        Status = q.Status,
        Text = q.Text,
        Html = q.Html,
        DialogueLines = q.DialogueLines.OrderBy(d => d.Position)
            .Select(d => new DialogueLineView { Speaker = d.Speaker, PlayedBy = d.PlayedBy, Text = d.Text }).ToList(),
        Attribution = q.Attribution.OrderBy(a => a.Position)
            .Select(a => new AttributionView { Depth = a.Depth, Text = a.Text, Html = a.Html }).ToList(),
        Notes = q.Notes.OrderBy(n => n.Position).Select(n => new RichText { Text = n.Text, Html = n.Html }).ToList(),
        Author = q.Author,
        Work = q.Work,
        Year = q.Year,
        AuthorSlug = q.AuthorEntry != null ? q.AuthorEntry.Slug : null,
        AuthorName = q.AuthorEntry != null ? q.AuthorEntry.Name : null,
        Topic = new TopicRef
        {
            Slug = q.Topic!.Slug,
            Title = q.Topic.Title,
            Language = q.Topic.Language,
            SourceUrl = q.Topic.SourceUrl,
            License = q.Topic.License,
            Revision = q.Topic.RevisionId == null ? null : new RevisionView
            {
                Id = q.Topic.RevisionId.Value,
                Timestamp = q.Topic.RevisionTimestamp ?? default,
                License = q.Topic.License ?? RevisionView.DefaultLicense,
            },
        },
        Section = new SectionRef { Heading = q.Section!.Heading, Anchor = q.Section.Anchor },
        IsFeatured = q.IsFeatured,
    };
}

public sealed record DialogueLineView
{
    public string? Speaker { get; init; }
    /// <summary>Who plays the speaker, from the cast list of a film or television page.</summary>
    public string? PlayedBy { get; init; }
    public required string Text { get; init; }
}

public sealed record AttributionView
{
    /// <summary>1 = directly under the quote.</summary>
    public int Depth { get; init; }
    public required string Text { get; init; }
    public string? Html { get; init; }
    /// <summary>The line says what follows it ("Meaning: …"), not where the quote is from (<see cref="AttributionLabel"/>).</summary>
    [JsonIgnore] public bool IsLabelled => AttributionLabel.OpensLine(Text);
}

public sealed record TopicRef
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public string Language { get; init; } = "";
    /// <summary>The page the topic's text came from, whose authors a reuse credits.</summary>
    public string SourceUrl { get; init; } = "";
    /// <summary>The licence the import recorded; null where it recorded none.</summary>
    [JsonIgnore] public string? License { get; init; }
    /// <summary>The licence the topic's text is under, as its page states it: the one recorded, else Wikiquote's.</summary>
    [JsonPropertyName("license")] public string StatedLicense => RevisionView.Stated(License);
    [JsonIgnore] public RevisionView? Revision { get; init; }
}

public sealed record SectionRef
{
    public string? Heading { get; init; }
    public required string Anchor { get; init; }
}

/// <summary>The site's own URLs, built in one place, and its name.</summary>
public static class ArchiveUrls
{
    public const string SiteName = "QuoteArchive";

    public static string Topic(string slug) => "/wiki/" + Slugs.ToUrlPath(slug);
    /// <summary>Where a redirect sends the reader: the topic, at the section it names.</summary>
    public static string Topic(RedirectTarget target) => Topic(target.Slug) + (target.Anchor is null ? "" : "#" + target.Anchor);
    public static string Quote(string id) => "/q/" + id;
    public static string Author(string slug) => "/authors/" + Slugs.ToUrlPath(slug);
    public static string Category(string slug) => "/categories/" + Slugs.ToUrlPath(slug);
    public static string QuoteInTopic(string slug, string id) => Topic(slug) + "#q-" + id;
    public static string SectionInTopic(string slug, string anchor) => Topic(slug) + "#" + Uri.EscapeDataString(anchor);

    /// <summary>The address of a path on the site (<see cref="PublicAddress"/>): what permalinks, cards, feeds and sitemaps need.</summary>
    public static string Absolute(this HttpRequest request, string path) => PublicAddress.BaseOf(request) + path;
}
