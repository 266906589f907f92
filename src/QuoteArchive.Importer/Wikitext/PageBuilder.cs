using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Wikitext;

/// <summary>
/// Walks the logical lines of one page top to bottom and builds its topic: headings start sections, list lines make
/// quotes, attribution lines, dialogue and items, table rows and other lines the lead and section notes. The rules two formats share
/// (status, fields, anchors, ids, list sections) are called by name from <c>Topics/</c>.
/// </summary>
internal sealed partial class PageBuilder(PageContext page)
{
    private readonly ParsedTopic topic = page.Topic;
    private readonly HeadingStatus headings = new();
    private readonly Dictionary<ParsedQuote, QuoteStatus?> statusOf = new(ReferenceEqualityComparer.Instance);
    private readonly List<(List<ParsedParagraph> Into, RefNote Note)> pendingNotes = [];
    private ParsedSection section = null!;
    private bool inBody, inListSections, featuredTaken;
    private QuoteStatus? headingStatus, templateStatus;
    // The quote whose attribution lines may follow, and the dialogue whose next line may follow: at most one is open.
    private QuoteDraft? openQuote, dialogue;
    // The source line last kept as a paragraph under a quote written as one (UnderAParagraph).
    private ParsedParagraph? sourceUnderParagraph;
    private InlineRenderer renderer = null!;
    // A stage direction that may open the exchange under it (a scene's setting), until the next line says.
    private (BlockLine Block, Piece Piece, List<RefNote> Notes)? sceneDirection;
    // Whether the line before this one, and this one, went to the open quote (IsRightUnderQuoteSource).
    private bool lastLineInQuote, lineInQuote;

    public ParsedTopic Build(List<WikiLine> lines)
    {
        // FORMAT.md: what stands before the first heading goes in an unnamed first section.
        section = new ParsedSection { Heading = null, Line = lines.Count > 0 ? lines[0].Line : 1 };
        topic.Sections.Add(section);
        foreach (var line in lines)
        {
            renderer = new InlineRenderer(page, line);
            foreach (var at in line.Brackets.Unclosed)
            {
                if (line.Text[at] == '[')
                    page.Report(line.LineOf(at), line.ColumnOf(at), Severity.Warning, "'[[' is never closed: kept as text");
            }
            (lastLineInQuote, lineInQuote) = (lineInQuote, false);
            var block = BlockLine.Classify(line, renderer);
            if (sceneDirection is not null && !MayOpenExchange(block))
                FlushSceneDirection();
            EndRowBefore(block);
            var reached = block.Kind switch
            {
                BlockKind.Blank => Blank(),
                BlockKind.Heading => Heading(block),
                BlockKind.Separator => EndDialogue(),
                BlockKind.Table => TableLine(block),
                BlockKind.List => ListLine(block),
                _ => TextLine(block),
            };
            if (!reached)
            {
                topic.UnreachedLines += line.NonBlankLines;
                page.Report(line.Line, 1, Severity.Warning, "a line whose words show nowhere: counted as unreached");
            }
        }
        Finish();
        return topic;
    }

    private bool Blank() => EndDialogue();

    /// <summary>
    /// A heading starts a section at its level; its text is rendered plain (links and italics shown as text).
    /// FORMAT.md: "every section after a list section is a list section too".
    /// </summary>
    private bool Heading(BlockLine block)
    {
        var notes = new List<RefNote>();
        var rendered = renderer.Render(block.From, block.To, notes);
        var heading = rendered.Text.Trim();
        if (heading.Length == 0)
            return TextLine(block with { Kind = BlockKind.Text, From = 0 });
        EndQuote();
        EndDialogue();
        inBody = true;
        inListSections |= SectionRules.IsList(heading);
        section = new ParsedSection
        {
            Heading = heading, Level = block.Level, IsList = inListSections, Line = block.Line.Line,
            HeadingLink = PageLinkedAlone(rendered.Html.Trim()),
        };
        topic.Sections.Add(section);
        headingStatus = headings.Enter(block.Level, heading);
        AddNotes(section.Notes, notes);
        return true;
    }

    // The page a heading links when it is that link and nothing else ("==== [[Léon Blum|Blum]] ====": Léon Blum).
    private static string? PageLinkedAlone(string html) =>
        WikiPageLink.Opening(html) is { } link && link.Length == html.Length ? link.Page : null;

    /// <summary>A new quote of the current section; whatever quote or dialogue was open is done.</summary>
    private QuoteDraft NewQuote(QuoteKind kind, Piece text, int line, List<RefNote> notes)
    {
        EndQuote();
        EndDialogue();
        // FORMAT.md status "from the headings above the quote", and from the disputed/misattributed templates.
        var draft = new QuoteDraft(section, kind, line, templateStatus ?? headingStatus);
        draft.Continue(text);
        AddNotes(draft.Notes, notes);
        return draft;
    }

    private void EndQuote()
    {
        if (openQuote is not null)
            statusOf[openQuote.Close()] = openQuote.Status;
        openQuote = null;
    }

    private bool EndDialogue()
    {
        if (dialogue is not null)
            statusOf[dialogue.Close()] = dialogue.Status;
        dialogue = null;
        return true;
    }

    private void AddNotes(List<ParsedParagraph> into, List<RefNote> notes)
    {
        foreach (var note in notes)
        {
            if (note.Text is { } text)
                into.Add(new ParsedParagraph { Text = text.Text, Html = text.Html, Line = note.Line });
            else
                pendingNotes.Add((into, note));
        }
    }

    private void Finish()
    {
        FlushSceneDirection();
        EndTables();
        EndQuote();
        EndDialogue();
        // A reference used by name above the place that defines it takes its text now, at its place among the notes.
        foreach (var (into, note) in pendingNotes)
        {
            if (note.Name is not null && page.NamedRefs.TryGetValue(note.Name, out var text))
                ParsedParagraph.InsertInLineOrder(into, new ParsedParagraph { Text = text.Text, Html = text.Html, Line = note.Line });
            else
                page.Report(note.Line, 1, Severity.Warning, $"reference '{note.Name}' is used but never given a text");
        }
        if (topic.Sections[0].IsEmpty)
            topic.Sections.RemoveAt(0);
        var anchors = new UniqueNames();
        foreach (var s in topic.Sections)
        {
            s.Anchor = Anchors.Unique(s.Heading, anchors);
            foreach (var quote in s.Quotes)
                QuoteFields.Complete(quote, statusOf.GetValueOrDefault(quote));
        }
    }
}
