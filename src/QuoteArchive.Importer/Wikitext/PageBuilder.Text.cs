using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Wikitext;

internal sealed partial class PageBuilder
{
    /// <summary>
    /// A line that is not a heading, list or table line: the text of a table cell going on, a template with a role on
    /// the page (a French quote or its source, a status marker, a sister box), an image or a gallery, the next line of
    /// an exchange, or a paragraph.
    /// </summary>
    private bool TextLine(BlockLine block)
    {
        if (row is { InCell: true })
            return ContinueCell(block);
        if (renderer.TryLeadingTemplate(block.From, block.To, out var start, out var end))
        {
            var notes = new List<RefNote>();
            var call = renderer.Call(start, end, notes);
            var role = TemplateTable.RoleOf(call);
            var more = renderer.SkipSpaceAndComments(end, block.To) < block.To;
            // fr.wikiquote may write a quote and its sources on one line ({{citation|…}} {{Réf Livre|…}}<ref>…</ref>),
            // which the wiki shows as blocks of their own: each is read so, in turn.
            if (more && (role == TemplateRole.Quote || role == TemplateRole.Source && openQuote is not null))
                return (role == TemplateRole.Quote ? TemplateQuote(block, call, notes) : Source(block, call, notes))
                       && RestOfLine(block with { From = end });
            if (more)
                role = TemplateRole.Inline;
            switch (role)
            {
                case TemplateRole.Quote:
                    return TemplateQuote(block, call, notes);
                case TemplateRole.Source:
                    return Source(block, call, notes);
                case TemplateRole.DisputedBegin or TemplateRole.MisattributedBegin:
                    templateStatus = role == TemplateRole.DisputedBegin ? QuoteStatus.Disputed : QuoteStatus.Misattributed;
                    return true;
                case TemplateRole.DisputedEnd or TemplateRole.MisattributedEnd:
                    templateStatus = null;
                    return true;
            }
        }
        if (TryImage(block) || TryGallery(block))
            return true;
        var paragraphNotes = new List<RefNote>();
        var piece = renderer.Render(block.From, block.To, paragraphNotes);
        if (piece.IsEmpty && paragraphNotes.Count == 0)
            return MarkupOnly(block);
        if (ContinuesDialogue(block) && TryDialogueLine(block, piece, paragraphNotes))
            return true;
        EndDialogue();
        // A paragraph ends MediaWiki's list: a bullet under it is no attribution of the quote above.
        if (inBody)
            EndQuote();
        return Paragraph(block, piece, paragraphNotes);
    }

    /// <summary>
    /// What follows a quote's or a source's template on its line: another template, read as a line of its own; only
    /// references, notes of the quote; a dash and a name, an attribution line; other words, a paragraph.
    /// </summary>
    private bool RestOfLine(BlockLine rest)
    {
        if (renderer.TryLeadingTemplate(rest.From, rest.To, out _, out _))
            return TextLine(rest);
        var notes = new List<RefNote>();
        var piece = renderer.Render(rest.From, rest.To, notes);
        if (openQuote is not null && piece.IsEmpty)
        {
            AddNotes(openQuote.Notes, notes);
            return true;
        }
        // "{{citation|…}} — Victor Hugo": who said it, an attribution line; other words, a paragraph under the quote.
        if (openQuote is not null && piece.Text.TrimStart() is ['—' or '–' or '-', ..])
        {
            openQuote.AddAttribution(1, piece, rest.Line.Line);
            AddNotes(openQuote.Notes, notes);
            return true;
        }
        EndQuote();
        return Paragraph(rest, piece, notes);
    }

    /// <summary>
    /// fr.wikiquote: <c>{{citation|text|original=…|langue=en|précisions=…}}</c> is one quote, in French; the words it
    /// translates (<c>original=</c>, shown under it with their language) are a note of the quote, which names no source;
    /// its précisions an attribution line.
    /// </summary>
    private bool TemplateQuote(BlockLine block, TemplateCall call, List<RefNote> notes)
    {
        EndDialogue();
        var text = TemplateTable.Render(call);
        if (section.IsList)
            return Paragraph(block, text, notes);
        openQuote = NewQuote(QuoteKind.Quote, text, block.Line.Line, notes);
        if (call.Get("original") is { IsEmpty: false } original)
        {
            var language = call.Text("langue").Trim();
            var shown = language.Length is > 0 and <= 12 ? new PieceBuilder().Add($"({language}) ").Add(original).Build() : original;
            openQuote.Notes.Add(new ParsedParagraph { Text = shown.Text, Html = shown.Html, Line = call.Line });
        }
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
        // The first source line that names an author gives the quote its fields; one naming only a work, until then.
        if (FrenchTemplates.CitedFields(call) is { } cited && (openQuote.Cited is null || openQuote.Cited.Value.Author is null && cited.Author is not null))
            openQuote.Cited = cited;
        openQuote.SourceTemplate |= FrenchTemplates.IsReference(call);
        AddNotes(openQuote.Notes, notes);
        return true;
    }

    /// <summary>FORMAT.md: before the first heading a lead paragraph; in a section, a section note (prose, captions, navigation).</summary>
    private bool Paragraph(BlockLine block, Piece piece, List<RefNote> notes) => Paragraph(block.Line.Line, piece, notes);

    private bool Paragraph(int line, Piece piece, List<RefNote> notes, bool isCaption = false)
    {
        var paragraph = new ParsedParagraph { Text = piece.Text.Trim(), Html = piece.Html.Trim(), Line = line, IsCaption = isCaption };
        var into = inBody ? section.Notes : topic.Lead;
        if (paragraph.Text.Length > 0)
            into.Add(paragraph);
        AddNotes(inBody ? section.Notes : topic.Lead, notes);
        return true;
    }

    /// <summary>
    /// A line that shows no text: markup that carries none (templates like <c>italic title</c>, categories, comments,
    /// interlanguage links, tags, behaviour switches) reaches the model through what it sets; a line that had words and
    /// shows none lost them.
    /// </summary>
    private bool MarkupOnly(BlockLine block) => MarkupOnly(block.Line, block.From, block.To);

    /// <summary>As <see cref="MarkupOnly(BlockLine)"/>, for <c>[from, to)</c> of the line (a table cell).</summary>
    private static bool MarkupOnly(WikiLine line, int from, int to)
    {
        var text = line.Text;
        var i = from;
        while (i < to)
        {
            if (line.TryConstructEnd(i, to, out var end))
            {
                i = end;
                continue;
            }
            if (text[i] == '<' && Tags.TryOpen(text, i, to, out _, out var tagEnd, out _))
            {
                i = tagEnd;
                continue;
            }
            if (text[i] == '<' && Tags.TryClose(text, i, to, out _, out var closeEnd))
            {
                i = closeEnd;
                continue;
            }
            if (text[i] == '_' && BehaviourSwitches.TryAt(text, i, to, out var switchEnd))
            {
                i = switchEnd;
                continue;
            }
            if (char.IsLetterOrDigit(text[i]))
                return false;
            i++;
        }
        return true;
    }
}
