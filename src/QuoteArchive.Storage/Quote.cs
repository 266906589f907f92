namespace QuoteArchive.Storage;

public enum QuoteKind
{
    Quote,
    Dialogue,
}

public enum QuoteStatus
{
    Sourced,
    Unsourced,
    Attributed,
    Disputed,
    Misattributed,
    /// <summary>Said about the topic, not by it ("Quotes about …").</summary>
    About,
}

public sealed class Quote
{
    /// <summary>Stable permalink id: lower-case base32 of SHA-256(topic slug, normalised text), 8 characters or more.</summary>
    public required string Id { get; set; }
    public int TopicId { get; set; }
    public Topic? Topic { get; set; }
    public int SectionId { get; set; }
    public Section? Section { get; set; }
    public int Position { get; set; }
    public QuoteKind Kind { get; set; }
    public QuoteStatus Status { get; set; }
    /// <summary>The topic's featured quote (the first captioned quote of the lead).</summary>
    public bool IsFeatured { get; set; }
    /// <summary>Plain text, line breaks as <c>\n</c>; dialogue as <c>Speaker: words</c> lines.</summary>
    public required string Text { get; set; }
    /// <summary>Rendered inline Markdown (raw HTML disabled); null for page text.</summary>
    public string? Html { get; set; }
    public string? Author { get; set; }
    public string? Work { get; set; }
    public string? Year { get; set; }
    /// <summary>Who the author index says said it; set at import from a person page or the parsed <see cref="Author"/>.</summary>
    public int? AuthorId { get; set; }
    public Author? AuthorEntry { get; set; }
    public int Line { get; set; }

    public List<AttributionLine> Attribution { get; set; } = [];
    public List<DialogueLine> DialogueLines { get; set; } = [];
    public List<QuoteNote> Notes { get; set; } = [];
}

/// <summary>A note on a quote: a reference (<c>&lt;ref&gt;</c>) that stood in it or under it.</summary>
public sealed class QuoteNote
{
    public int Id { get; set; }
    public required string QuoteId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public string? Html { get; set; }
    public int Line { get; set; }
}

/// <summary>A line nested under a quote: its source (depth 1), or a note on the line above (depth 2 …).</summary>
public sealed class AttributionLine
{
    public int Id { get; set; }
    public required string QuoteId { get; set; }
    public int Position { get; set; }
    /// <summary>1 = directly under the quote.</summary>
    public int Depth { get; set; } = 1;
    public required string Text { get; set; }
    public string? Html { get; set; }
    public int Line { get; set; }
}

public sealed class DialogueLine
{
    public int Id { get; set; }
    public required string QuoteId { get; set; }
    public int Position { get; set; }
    public string? Speaker { get; set; }
    /// <summary>Who plays the speaker, from the cast list of a film or television page.</summary>
    public string? PlayedBy { get; set; }
    public required string Text { get; set; }
    public int Line { get; set; }
}
