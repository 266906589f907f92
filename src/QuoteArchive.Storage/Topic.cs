namespace QuoteArchive.Storage;

/// <summary>What a topic is: the page of a person, of a film … or a theme (the default).</summary>
public enum TopicKind
{
    Theme,
    Person,
    Film,
    TelevisionSeries,
    LiteraryWork,
    Proverbs,
}

/// <summary>One content file: a page of quotations on one subject or person.</summary>
public sealed class Topic
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    /// <summary>The title folded for A–Z order (see <see cref="Author.SortKey"/>), and the letter it files under.</summary>
    public string SortKey { get; set; } = "";
    public string Letter { get; set; } = "#";
    public string? Description { get; set; }
    /// <summary>BCP 47 language code such as <c>en</c> or <c>fr</c>.</summary>
    public required string Language { get; set; }
    public required string SourceUrl { get; set; }
    /// <summary>Path of the content file, relative to the content folder, with <c>/</c> separators.</summary>
    public required string SourcePath { get; set; }
    /// <summary>Licence of the text, e.g. <c>CC BY-SA 4.0</c>.</summary>
    public string? License { get; set; }
    public TopicKind Kind { get; set; }
    /// <summary>The wiki's page id, revision id and revision time, where the source said (a MediaWiki export does).</summary>
    public long? PageId { get; set; }
    public long? RevisionId { get; set; }
    public DateTimeOffset? RevisionTimestamp { get; set; }

    public List<Paragraph> Lead { get; set; } = [];
    public List<Section> Sections { get; set; } = [];
    public List<SisterLink> SisterLinks { get; set; } = [];
    public List<TopicCategory> Categories { get; set; } = [];
    public List<LanguageLink> LanguageLinks { get; set; } = [];
}

/// <summary>
/// Another title of a topic: a wiki's redirect page (<c>Harry S Truman</c> → <c>Harry S. Truman</c>). Its address
/// answers with a permanent redirect to the topic, and suggestions find the topic by it.
/// </summary>
public sealed class Redirect
{
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public int TopicId { get; set; }
    public Topic? Topic { get; set; }
    /// <summary>
    /// The anchor of the topic's section the redirect names (<c>#REDIRECT [[Love#Proverbs]]</c>: Proverbs), as an
    /// address writes it after its <c>#</c>; null when it names the whole topic.
    /// </summary>
    public string? Anchor { get; set; }
}

/// <summary>A category the topic's page is in (<c>[[Category:Films]]</c>).</summary>
public sealed class TopicCategory
{
    public int Id { get; set; }
    public int TopicId { get; set; }
    public Topic? Topic { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    /// <summary>The name as a URL path segment, as topic slugs are made: <c>/categories/{slug}</c>.</summary>
    public required string Slug { get; set; }
}

/// <summary>The topic's page on another language's wiki (<c>[[fr:Amour]]</c>).</summary>
public sealed class LanguageLink
{
    public int Id { get; set; }
    public int TopicId { get; set; }
    public int Position { get; set; }
    public required string Language { get; set; }
    public required string Title { get; set; }
}

/// <summary>A sister-project link of a topic (Wikipedia, Wiktionary, Wikisource …).</summary>
public sealed class SisterLink
{
    public int Id { get; set; }
    public int TopicId { get; set; }
    public int Position { get; set; }
    public required string Project { get; set; }
    public required string Article { get; set; }
    public string? Url { get; set; }
    public int Line { get; set; }
}
