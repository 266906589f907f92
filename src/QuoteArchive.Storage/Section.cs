namespace QuoteArchive.Storage;

/// <summary>
/// A part of a topic under one heading. The first section of a topic may have no heading:
/// it holds the quotes and link notes that stand before the first heading.
/// </summary>
public sealed class Section
{
    public int Id { get; set; }
    public int TopicId { get; set; }
    public Topic? Topic { get; set; }
    public int Position { get; set; }
    public string? Heading { get; set; }
    /// <summary>Fragment id of the heading, unique in the topic (<c>Quotes_about</c>, <c>Notes_2</c>).</summary>
    public required string Anchor { get; set; }
    /// <summary>1 for a top-level section (<c>##</c> and every page-text section), 2 for <c>###</c> …</summary>
    public int Level { get; set; } = 1;
    /// <summary>A list section (See also, Cast, External links …) holds items, never quotes.</summary>
    public bool IsList { get; set; }
    public int Line { get; set; }

    public List<SectionLink> Links { get; set; } = [];
    public List<Paragraph> Notes { get; set; } = [];
    public List<ListItem> Items { get; set; } = [];
    public List<Quote> Quotes { get; set; } = [];
}

/// <summary>A source link of a section; page text keeps only its label (<c>(Full text)</c>), Markdown its URL too.</summary>
public sealed class SectionLink
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    public int Position { get; set; }
    public required string Label { get; set; }
    public string? Url { get; set; }
    public int Line { get; set; }
}

/// <summary>An entry of a list section.</summary>
public sealed class ListItem
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    public int Position { get; set; }
    /// <summary>1 for a top-level entry, 2 for an entry nested under it …</summary>
    public int Depth { get; set; } = 1;
    public required string Text { get; set; }
    public string? Html { get; set; }
    public int Line { get; set; }
}

/// <summary>
/// Prose: a lead paragraph of a topic (<see cref="TopicId"/> set) or a note of a section
/// (<see cref="SectionId"/> set).
/// </summary>
public sealed class Paragraph
{
    public int Id { get; set; }
    public int? TopicId { get; set; }
    public int? SectionId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    /// <summary>Rendered inline Markdown (raw HTML disabled); null for page text, which is encoded on output.</summary>
    public string? Html { get; set; }
    public int Line { get; set; }
}
