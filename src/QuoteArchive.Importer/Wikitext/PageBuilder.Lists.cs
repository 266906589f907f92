using System.Text.RegularExpressions;
using QuoteArchive.Importer.Topics;
using QuoteArchive.Importer.PageText;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Wikitext;

internal sealed partial class PageBuilder
{
    /// <summary>
    /// Wikiquote's list conventions: <c>*</c> starts a quote, <c>**</c> is its attribution line (depth 1), <c>***</c> a
    /// note on that line (depth 2) …; <c>*:</c> continues the quote after a line break, <c>**:</c> its last attribution
    /// line; <c>#</c> items are quotes like <c>*</c>. <c>:</c> lines are dialogue (<c>:'''Speaker''': words</c>) or notes.
    /// In a list section every list line is an item (FORMAT.md "never counted, searched or linked as quotes").
    /// </summary>
    private bool ListLine(BlockLine block)
    {
        var notes = new List<RefNote>();
        // The white space after the marks is not rendered: trimmed off the rendering afterwards, it cost a copy of the
        // text and of the HTML of each of millions of quote and attribution lines. Both are trimmed, as they were then.
        var from = block.From;
        while (from < block.To && char.IsWhiteSpace(block.Line.Text[from]))
            from++;
        var piece = renderer.Render(from, block.To, notes);
        if (from > block.From)
            piece = piece.TrimEach();
        var prefix = block.Prefix;
        var line = block.Line.Line;
        if (section.IsList && !(piece.IsEmpty && notes.Count == 0))
        {
            section.Items.Add(new ParsedListItem { Depth = prefix.Length, Text = piece.Text.Trim(), Html = piece.Html.Trim(), Line = line });
            AddNotes(section.Notes, notes);
            return true;
        }
        if (piece.IsEmpty && notes.Count == 0)
            return MarkupOnly(block);
        var marks = prefix.AsSpan().IndexOfAnyExcept('*', '#') is var other and >= 0 ? other : prefix.Length;
        // :* and ::* under a quote are attribution lines indented by definition marks: depth by the whole prefix.
        if (marks == 0 && openQuote is not null && prefix[^1] is '*' or '#')
        {
            openQuote.AddAttribution(prefix.Length - 1, piece, line);
            AddNotes(openQuote.Notes, notes);
            return lineInQuote = true;
        }
        if (marks == 0)
            return DefinitionLine(block, piece, notes);
        EndDialogue();
        lineInQuote = true;
        var continuation = marks < prefix.Length;
        if (marks == 1 && continuation && IsRightUnderQuoteSource())
            return NoteOfQuote(line, piece, notes);
        if (marks > 1 && openQuote is null && UnderAParagraph(line))
        {
            lineInQuote = false;
            Paragraph(block, piece, notes);
            sourceUnderParagraph = section.Notes.LastOrDefault();
            return true;
        }
        if (marks == 1 && !continuation || openQuote is null)
        {
            if (marks > 1 || continuation)
                page.Report(line, 1, Severity.Warning, $"'{prefix}' line with no quote above it: kept as a quote");
            openQuote = NewQuote(QuoteKind.Quote, piece, line, notes);
            return true;
        }
        if (marks == 1)
        {
            // *: after a quote: the quote goes on after a line break (verse, letters).
            openQuote.Continue(piece);
            AddNotes(openQuote.Notes, notes);
            return true;
        }
        if (!continuation || !openQuote.ContinueAttribution(piece))
            openQuote.AddAttribution(marks - 1, piece, line);
        AddNotes(openQuote.Notes, notes);
        return true;
    }

    /// <summary>
    /// A quote written as a paragraph (<c>'''Far above the golden clouds …'''</c>, no <c>*</c>) with its source under it
    /// (<c>** [[Paul Simon]], …</c>): the source line stays with the paragraph, as a paragraph, not a quote of its own
    /// (samples: the line is no quote of the page). Only the one right under it: more such lines are quotes, with a warning.
    /// </summary>
    private bool UnderAParagraph(int line) =>
        inBody && section.Notes.Count > 0 && section.Notes[^1].Line < line && section.Notes[^1] != sourceUnderParagraph
        && (section.Quotes.Count == 0 || section.Quotes[^1].Line < section.Notes[^1].Line);

    /// <summary>
    /// A <c>:</c> line: "dialogue as <c>:'''Speaker''': line</c> runs between <c>&lt;hr&gt;</c> / <c>----</c>
    /// separators, one exchange per run, speakers kept". Any other is a note of the section (or a lead paragraph), as
    /// page text keeps definition lines.
    /// </summary>
    private bool DefinitionLine(BlockLine block, Piece piece, List<RefNote> notes)
    {
        if (MayBeDialogue(block) && TryDialogueLine(block, piece, notes))
            return true;
        EndDialogue();
        FlushSceneDirection();
        if (block.Prefix.Length > 1 && IsRightUnderQuoteSource())
            return NoteOfQuote(block.Line.Line, piece, notes);
        // ":''[Alpha enters the kitchen]''" may set the scene of the exchange under it: it waits for the next line.
        if (inBody && !section.IsList && ParagraphRules.IsStageDirection(piece.Text))
        {
            sceneDirection = (block, piece, notes);
            return true;
        }
        return Paragraph(block, piece, notes);
    }

    /// <summary>
    /// An indented line right under a quote's source lines (<c>::</c> or <c>*:</c> after <c>**</c>, no blank line
    /// between) is a note of the quote: a variant's words, its source, what a later work says (samples/005: the variant
    /// translations under Novalis's quote are its notes). Under a quote with no source yet, <c>*:</c> goes on with its words.
    /// </summary>
    private bool IsRightUnderQuoteSource() => lastLineInQuote && inBody && !section.IsList && openQuote is { HasAttribution: true };

    private bool NoteOfQuote(int line, Piece piece, List<RefNote> notes)
    {
        openQuote!.Notes.Add(new ParsedParagraph { Text = piece.Text.Trim(), Html = piece.Html.Trim(), Line = line });
        AddNotes(openQuote.Notes, notes);
        return lineInQuote = true;
    }

    /// <summary>
    /// A direction held for the exchange under it (<see cref="DefinitionLine"/>) is a paragraph after all, where it stood,
    /// unless the line under it opens an exchange: a line's work goes on only once this is done.
    /// </summary>
    private void FlushSceneDirection()
    {
        if (sceneDirection is not var (block, piece, notes))
            return;
        sceneDirection = null;
        Paragraph(block, piece, notes);
    }

    /// <summary>A <c>:</c> line with a speaker in bold: it may open an exchange, which takes the direction held above it.</summary>
    private bool MayOpenExchange(BlockLine block) =>
        block.Kind == BlockKind.List && block.Prefix.Length > 0 && block.Prefix.AsSpan().IndexOfAnyExcept(':') < 0 && MayBeDialogue(block);

    /// <summary>
    /// A <c>:</c> line that may belong to an exchange: one is open, or the line opens with a speaker in bold right
    /// before the colon (<c>:'''Alpha''': words</c>, <c>:'''Alpha:''' words</c>, <c>:'''Alpha''' (shouting): words</c>); not
    /// <c>:'''Love''' has two faces: …</c>, whose bold is a word of a sentence.
    /// </summary>
    private bool MayBeDialogue(BlockLine block) => inBody && (dialogue is not null || BoldSpeaker().IsMatch(Written(block)));

    /// <summary>
    /// A line under an open exchange that goes on with it: <c>Speaker: words</c> without the indent (samples/009), not a
    /// template's line that renders so (<c>{{See also|…}}</c>: "See also: …").
    /// </summary>
    private bool ContinuesDialogue(BlockLine block) => dialogue is not null && !Written(block).StartsWith("{{", StringComparison.Ordinal);

    // The line's wikitext after its marks, as written.
    private static ReadOnlySpan<char> Written(BlockLine block) => block.Line.Text.AsSpan(block.From, block.To - block.From).TrimStart();

    // A name may hold an apostrophe (O'Brien), not the three that close the bold.
    [GeneratedRegex(@"^'''([^'\n]|'(?!'')){1,120}?('''\s*(\([^()\n]{1,80}\)|\[[^\[\]\n]{1,80}\])?\s*:|:''')")]
    private static partial Regex BoldSpeaker();

    /// <summary>A line of an exchange: FORMAT.md's dialogue shape (<c>Speaker: words</c>), its speaker kept.</summary>
    private bool TryDialogueLine(BlockLine block, Piece piece, List<RefNote> notes)
    {
        var line = block.Line.Line;
        ParsedDialogueLine spokenLine;
        Piece text;
        if (ParagraphRules.TrySpokenLine(piece.Text.Trim(), out var spoken))
        {
            spokenLine = new ParsedDialogueLine { Speaker = spoken.Speaker, Text = spoken.Said, Line = line };
            text = Piece.Plain($"{spoken.Speaker}: ") + WordsOf(piece, spoken);
        }
        // "[Alpha walks in]" between two lines of an exchange belongs to it, spoken by no one.
        else if (dialogue is not null && ParagraphRules.IsStageDirection(piece.Text))
        {
            spokenLine = new ParsedDialogueLine { Text = piece.Text.Trim(), Line = line };
            text = piece.TrimEach();
        }
        else
            return false;
        // The exchange opens with the direction held above it, if any, its scene.
        if (dialogue is null && sceneDirection is var (directionBlock, direction, directionNotes))
        {
            sceneDirection = null;
            dialogue = NewQuote(QuoteKind.Dialogue, direction.TrimEach(), directionBlock.Line.Line, directionNotes);
            dialogue.DialogueLines.Add(new ParsedDialogueLine { Text = direction.Text.Trim(), Line = directionBlock.Line.Line });
        }
        if (dialogue is null)
            dialogue = NewQuote(QuoteKind.Dialogue, text, line, notes);
        else
        {
            dialogue.Continue(text);
            AddNotes(dialogue.Notes, notes);
        }
        dialogue.DialogueLines.Add(spokenLine);
        return true;
    }

    // The words' HTML keeps their markup; the speaker's (bold in the source) and a direction before the colon are written
    // again plain. The colon that ends the speaker is the first after the direction (which may hold one: "(on the phone:
    // whispering)").
    private static Piece WordsOf(Piece piece, ParagraphRules.SpokenLine spoken)
    {
        var direction = spoken.Direction is null ? null : HtmlText.Encode(spoken.Direction);
        var at = direction is null ? -1 : piece.Html.IndexOf(direction, StringComparison.Ordinal);
        var colon = piece.Html.IndexOf(':', at < 0 ? 0 : at + direction!.Length);
        // A colon inside markup (a link's address in the speaker's name) is not the speaker's: the words go plain.
        var html = colon >= 0 && piece.Html.AsSpan(0, colon).IndexOf("<a ", StringComparison.Ordinal) < 0
            ? piece.Html[(colon + 1)..].Trim()
            : HtmlText.Encode(spoken.Words);
        if (html.StartsWith("</strong>", StringComparison.Ordinal))
            html = html["</strong>".Length..].TrimStart();
        if (direction is not null)
            html = direction + " " + html;
        return new Piece(spoken.Said, html);
    }
}
