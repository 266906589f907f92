using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Topics;

// What a format's parser makes of one page: the topic as the page states it, in page order. Row ids, positions and
// foreign keys are the archive's business: ArchiveWriter assigns them when it maps this model to the entities.

public sealed class ParsedTopic
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public string? Description { get; set; }
    public required string Language { get; init; }
    public required string SourceUrl { get; init; }
    /// <summary>Path of the content file, relative to the content folder, with <c>/</c> separators.</summary>
    public required string SourcePath { get; init; }
    public string? License { get; set; }

    public List<ParsedParagraph> Lead { get; init; } = [];

    /// <summary>
    /// The lead's opening sentence, which says what the page is about (<c>Albert Einstein (14 March 1879 – …</c>, <c>… is a
    /// 2020 film</c>): its first paragraph that is not the caption of an image above it.
    /// </summary>
    public ParsedParagraph? LeadSentence => Lead.FirstOrDefault(p => !p.IsCaption);
    public List<ParsedSection> Sections { get; init; } = [];
    public List<ParsedSisterLink> SisterLinks { get; init; } = [];
    /// <summary>Category names, without the namespace (<c>[[Category:Films]]</c> → <c>Films</c>), in page order.</summary>
    public List<string> Categories { get; init; } = [];
    /// <summary>The same topic on other language wikis (<c>[[fr:Amour]]</c>).</summary>
    public List<ParsedLanguageLink> LanguageLinks { get; init; } = [];
    /// <summary>The revision the text is, where the source says (a MediaWiki export does; a page file does not).</summary>
    public ParsedRevision? Revision { get; set; }
    /// <summary>What the topic is; set by <see cref="TopicKinds"/> from its categories and shape.</summary>
    public TopicKind Kind { get; set; } = TopicKind.Theme;
    /// <summary>Templates the reader does not know, by name, with how often each stood in the page.</summary>
    public Dictionary<string, int> UnknownTemplates { get; init; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>The page says it is a disambiguation page (<see cref="PagesOfLinks"/>).</summary>
    public bool IsDisambiguation { get; set; }
    /// <summary>How the wiki files the page in its lists (<c>{{DEFAULTSORT:Nietzsche, Friedrich}}</c>): a person by surname.</summary>
    public string? SortName { get; set; }
    /// <summary>Non-blank source lines that reached no part of the model and are not known markup: the import reports them.</summary>
    public int UnreachedLines { get; set; }

    public IEnumerable<ParsedQuote> Quotes => Sections.SelectMany(s => s.Quotes);
}

public sealed class ParsedSection
{
    public string? Heading { get; init; }
    /// <summary>Set by <see cref="Anchors"/>: unique in the topic.</summary>
    public string Anchor { get; set; } = "";
    /// <summary>1 for a top-level section, 2 for a sub-section …</summary>
    public int Level { get; init; } = 1;
    public bool IsList { get; init; }
    public int Line { get; init; }
    /// <summary>
    /// The page the heading is wholly a link to (<c>==== [[Léon Blum]] ====</c>, as French theme pages head each author's
    /// quotes); null for any other heading, and in page text, which shows no links.
    /// </summary>
    public string? HeadingLink { get; init; }

    public List<ParsedSectionLink> Links { get; init; } = [];
    public List<ParsedParagraph> Notes { get; init; } = [];
    public List<ParsedListItem> Items { get; init; } = [];
    public List<ParsedQuote> Quotes { get; init; } = [];

    public bool IsEmpty => Links.Count == 0 && Notes.Count == 0 && Items.Count == 0 && Quotes.Count == 0;
}

public sealed class ParsedQuote
{
    /// <summary>Set by <see cref="QuoteIdAssignment"/> once the page is read.</summary>
    public string Id { get; set; } = "";
    /// <summary>1 for the first quote with this text in the topic, 2 for a repeat of it …: part of the id.</summary>
    public int Occurrence { get; set; } = 1;
    public QuoteKind Kind { get; init; }
    public QuoteStatus Status { get; set; }
    /// <summary>No heading or template gave the status: it follows from the quote's attribution lines alone.</summary>
    public bool StatusByDefault { get; set; }
    public bool IsFeatured { get; set; }
    /// <summary>An image's caption <c>quote ~ author</c>, not an item of the page's lists.</summary>
    public bool IsCaption { get; set; }
    /// <summary>Plain text, line breaks as <c>\n</c>; dialogue as <c>Speaker: words</c> lines.</summary>
    public required string Text { get; set; }
    public string? Html { get; init; }
    public string? Author { get; set; }
    /// <summary>
    /// The quote's source was a template that names its author in a parameter of its own (fr.wikiquote's
    /// <c>{{Réf …}}</c>): what it named, or did not, stands; its rendered line is not read again for a name.
    /// </summary>
    public bool SourceTemplateNamesFields { get; set; }
    public string? Work { get; set; }
    public string? Year { get; set; }
    /// <summary>
    /// A name in a shape a character or a title has too, which the page did not confirm (<see cref="QuoteAuthors"/>):
    /// the quote's author once the archive has a person's page of that name (<see cref="UnsureAuthors"/>).
    /// </summary>
    public AttributionParser.Fields? UnsureFields { get; set; }
    public int Line { get; init; }

    public List<ParsedAttributionLine> Attribution { get; init; } = [];
    public List<ParsedDialogueLine> DialogueLines { get; init; } = [];
    /// <summary>Notes on the quote: the references (<c>&lt;ref&gt;</c>) that stood in it or under it, and the indented lines right under its source lines, in order.</summary>
    public List<ParsedParagraph> Notes { get; init; } = [];
}

/// <summary>A line nested under a quote: its source (depth 1), or a note on the line above (depth 2 …).</summary>
public sealed class ParsedAttributionLine
{
    public int Depth { get; init; } = 1;
    public required string Text { get; init; }
    public string? Html { get; init; }
    public int Line { get; init; }
}

public sealed class ParsedDialogueLine
{
    public string? Speaker { get; init; }
    /// <summary>Who plays the speaker, from the Cast list of a film or television page.</summary>
    public string? PlayedBy { get; set; }
    public required string Text { get; init; }
    public int Line { get; init; }

    /// <summary>The line in the quote's text: <c>Speaker: words</c>; a stage direction, which no one speaks, alone.</summary>
    public string Shown => Speaker is null ? Text : $"{Speaker}: {Text}";
}

/// <summary>A lead paragraph of a topic, or a note of a section.</summary>
public sealed class ParsedParagraph
{
    public required string Text { get; init; }
    public string? Html { get; init; }
    public int Line { get; init; }
    /// <summary>An image's caption (the source says so: wikitext); page text cannot tell one from prose.</summary>
    public bool IsCaption { get; init; }

    /// <summary>
    /// Puts a paragraph made after the page was read (a reference given further down, a folded caption) where its line
    /// stands among <paramref name="paragraphs"/>, which a page shows in line order.
    /// </summary>
    public static void InsertInLineOrder(List<ParsedParagraph> paragraphs, ParsedParagraph paragraph) =>
        InsertInLineOrder(paragraphs, [paragraph]);

    /// <summary>
    /// Puts paragraphs made after the page was read, in line order, each where its line stands (after those of the same
    /// line), in one pass: a page of many (36,000 repeated captions) costs linear time, not quadratic.
    /// </summary>
    public static void InsertInLineOrder(List<ParsedParagraph> paragraphs, IReadOnlyList<ParsedParagraph> added)
    {
        if (added.Count == 0)
            return;
        var merged = new List<ParsedParagraph>(paragraphs.Count + added.Count);
        var next = 0;
        foreach (var paragraph in paragraphs)
        {
            while (next < added.Count && added[next].Line < paragraph.Line)
                merged.Add(added[next++]);
            merged.Add(paragraph);
        }
        while (next < added.Count)
            merged.Add(added[next++]);
        paragraphs.Clear();
        paragraphs.AddRange(merged);
    }
}

public sealed class ParsedSectionLink
{
    public required string Label { get; init; }
    public string? Url { get; init; }
    public int Line { get; init; }
}

public sealed class ParsedListItem
{
    public int Depth { get; init; } = 1;
    public required string Text { get; init; }
    public string? Html { get; init; }
    public int Line { get; init; }
}

public sealed class ParsedSisterLink
{
    public required string Project { get; init; }
    public required string Article { get; init; }
    public string? Url { get; init; }
    public int Line { get; init; }
}

/// <summary>An interlanguage link: the topic's page on another language's wiki.</summary>
public sealed record ParsedLanguageLink(string Language, string Title);

/// <summary>One revision of a wiki page, as a MediaWiki export states it.</summary>
public sealed record ParsedRevision(long PageId, long RevisionId, DateTimeOffset Timestamp);
