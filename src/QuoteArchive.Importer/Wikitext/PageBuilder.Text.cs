using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Wikitext;

internal sealed partial class PageBuilder
{
    /// <summary>
    /// A line that is not a heading or list line: a template with a role on the page (a French quote or its source,
    /// a status marker, a sister box), an image, the next line of an exchange, or a paragraph.
    /// </summary>
    private bool TextLine(BlockLine block)
    {
        if (renderer.TryWholeTemplate(block.From, block.To, out var start, out var end))
        {
            var notes = new List<RefNote>();
            var call = renderer.Call(start, end, notes);
            switch (TemplateTable.RoleOf(call))
            {
                case TemplateRole.Quote:
                    return TemplateQuote(block, call, notes);
                case TemplateRole.Source:
                    return Source(block, call, notes);
                case TemplateRole.DisputedBegin or TemplateRole.MisattributedBegin:
                    templateStatus = TemplateTable.RoleOf(call) == TemplateRole.DisputedBegin ? QuoteStatus.Disputed : QuoteStatus.Misattributed;
                    return true;
                case TemplateRole.DisputedEnd or TemplateRole.MisattributedEnd:
                    templateStatus = null;
                    return true;
            }
        }
        if (TryImage(block))
            return true;
        var paragraphNotes = new List<RefNote>();
        var piece = renderer.Render(block.From, block.To, paragraphNotes);
        if (piece.IsEmpty && paragraphNotes.Count == 0)
            return MarkupOnly(block);
        if (MayBeDialogue(block) && TryDialogueLine(block, piece, paragraphNotes))
            return true;
        EndDialogue();
        // A paragraph ends MediaWiki's list: a bullet under it is no attribution of the quote above.
        if (inBody)
            EndQuote();
        return Paragraph(block, piece, paragraphNotes);
    }

    /// <summary>fr.wikiquote: <c>{{citation|text|précisions=…}}</c> is one quote; its précisions an attribution line.</summary>
    private bool TemplateQuote(BlockLine block, TemplateCall call, List<RefNote> notes)
    {
        EndDialogue();
        var text = TemplateTable.Render(call);
        if (section.IsList)
            return Paragraph(block, text, notes);
        openQuote = NewQuote(QuoteKind.Quote, text, block.Line.Line, notes);
        if (call.Get("précisions") is { IsEmpty: false } details)
            openQuote.AddAttribution(1, details, call.Line);
        return true;
    }

    /// <summary>
    /// fr.wikiquote: the <c>{{Réf …}}</c> line under a quote is its source, an attribution line; the first one that
    /// names an author gives the quote its author, work and year.
    /// </summary>
    private bool Source(BlockLine block, TemplateCall call, List<RefNote> notes)
    {
        var text = TemplateTable.Render(call);
        if (openQuote is null || text.IsEmpty)
            return Paragraph(block, text, notes);
        openQuote.AddAttribution(1, text, block.Line.Line);
        openQuote.Cited ??= FrenchTemplates.CitedFields(call);
        openQuote.SourceTemplate |= FrenchTemplates.IsReference(call);
        AddNotes(openQuote.Notes, notes);
        return true;
    }

    /// <summary>
    /// A line that is only an image, <c>[[File:…|thumb|caption]]</c>: "the caption is kept as the page text
    /// format keeps captions; the file name is not a quote". FORMAT.md: a caption with <c>~</c> "is a captioned quote:
    /// the text before the <c>~</c> is the quote, the text after it the attribution … The first one in the lead is the
    /// page's featured quote"; any other caption is a paragraph.
    /// </summary>
    private bool TryImage(BlockLine block)
    {
        var text = block.Line.Text;
        var at = renderer.SkipSpaceAndComments(block.From, block.To);
        if (at + 2 >= block.To || text[at] != '[' || text[at + 1] != '[' || !block.Line.Brackets.TryEnd(at, out var end))
            return false;
        // Residue after the image that holds no word (a stray "]]" or "-->" of an edit that went wrong) is dropped,
        // as FORMAT.md strips "link residue" from captions; words after an image make the line a paragraph.
        var after = renderer.SkipSpaceAndComments(end, block.To);
        if (after != block.To && text.AsSpan(after, block.To - after).ContainsAnyExcept(Residue))
            return false;
        var parts = renderer.Split(at + 2, end - 2, '|');
        var target = text[parts[0].From..parts[0].To].Trim();
        var colon = target.IndexOf(':');
        if (colon <= 0 || !WikiNamespaces.IsFile(target[..colon].Trim()))
            return false;
        if (WikiNamespaces.FileCaption(renderer, parts) is not { } caption)
            return true;
        var notes = new List<RefNote>();
        var tilde = renderer.Split(caption.From, caption.To, '~');
        if (tilde.Count > 1 && !section.IsList)
        {
            var said = renderer.Render(caption.From, tilde[^1].From - 1, notes);
            var by = renderer.Render(tilde[^1].From, tilde[^1].To, notes).Trim();
            if (!said.IsEmpty)
            {
                openQuote = NewQuote(QuoteKind.Quote, said, block.Line.Line, notes);
                openQuote.IsCaption = true;
                if (!by.IsEmpty)
                    openQuote.AddAttribution(1, by, block.Line.Line);
                if (!inBody && !featuredTaken)
                    openQuote.IsFeatured = featuredTaken = true;
                EndQuote();
                return true;
            }
        }
        var piece = renderer.Render(caption.From, caption.To, notes);
        return piece.IsEmpty || Paragraph(block, piece, notes);
    }

    private static readonly System.Buffers.SearchValues<char> Residue = System.Buffers.SearchValues.Create("[]{}<>-!|=~ \t");

    /// <summary>FORMAT.md: before the first heading a lead paragraph; in a section, a section note (prose, captions, navigation).</summary>
    private bool Paragraph(BlockLine block, Piece piece, List<RefNote> notes)
    {
        var paragraph = new ParsedParagraph { Text = piece.Text.Trim(), Html = piece.Html.Trim(), Line = block.Line.Line };
        var into = inBody ? section.Notes : topic.Lead;
        if (paragraph.Text.Length > 0)
            into.Add(paragraph);
        AddNotes(inBody ? section.Notes : topic.Lead, notes);
        return true;
    }

    /// <summary>
    /// A line that shows no text: markup that carries none (templates like <c>italic title</c>, categories, comments,
    /// interlanguage links, tags) reaches the model through what it sets; a line that had words and shows none lost them.
    /// </summary>
    private bool MarkupOnly(BlockLine block)
    {
        var text = block.Line.Text;
        var i = block.From;
        while (i < block.To)
        {
            if (text[i] is '{' or '[' or '<' && block.Line.Brackets.TryEnd(i, out var end) && end > i)
            {
                i = end;
                continue;
            }
            if (text[i] == '<' && Tags.TryOpen(text, i, block.To, out _, out var tagEnd, out _))
            {
                i = tagEnd;
                continue;
            }
            if (text[i] == '<' && Tags.TryClose(text, i, block.To, out _, out var closeEnd))
            {
                i = closeEnd;
                continue;
            }
            if (char.IsLetterOrDigit(text[i]))
                return false;
            i++;
        }
        return true;
    }
}
