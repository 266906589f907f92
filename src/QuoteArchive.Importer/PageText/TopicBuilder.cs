using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.PageText;

/// <summary>Walks the classified lines of one page top to bottom and builds its topic (FORMAT.md "Page layout").</summary>
internal sealed class TopicBuilder(ContentFile file, ImportOptions options, List<Diagnostic> diagnostics, List<PageLine> lines)
{
    private const int MaxTitleLength = 250;

    private int next;
    private ParsedTopic topic = null!;
    private ParsedSection section = null!;
    private bool inBody, inListSections, afterBlank, afterNote, featuredTaken;
    // Whether the block just read, and the one before it, went to the open quote (a note right under its source lines).
    private bool blockInQuote, quoteAbove;
    private ParsedQuote? openQuote;
    private int openQuoteDepth;
    private ParsedQuote? lastDialogue;

    public ParsedTopic? Build()
    {
        SkipBlank();
        if (next >= lines.Count)
        {
            Report(1, 1, Severity.Error, "empty file: a topic needs at least a title");
            return null;
        }

        // FORMAT.md: "Title — the first non-blank line."
        var titleLine = lines[next++];
        if (titleLine.Kind == LineKind.Bullet)
            Report(titleLine, Severity.Warning, "the first line is a bullet; its text is taken as the title");
        if (titleLine.Text.Length > MaxTitleLength)
            Report(titleLine, Severity.Warning, $"the title is longer than {MaxTitleLength} characters: is the first line really the title?");
        var slug = Slugs.FromTitle(titleLine.Text);
        if (slug.Length == 0)
        {
            Report(titleLine, Severity.Error, "the title has no characters a slug can keep");
            return null;
        }
        topic = new ParsedTopic
        {
            Slug = slug,
            Title = titleLine.Text,
            Language = file.Language,
            SourceUrl = options.SourceUrlFor(file.Language, slug),
            SourcePath = file.RelativePath,
            License = "CC BY-SA",
        };
        // FORMAT.md: "Always start with an unnamed first section" for what stands before the first heading.
        section = new ParsedSection { Heading = null, Line = titleLine.Number };
        topic.Sections.Add(section);

        ReadDescription();
        while (next < lines.Count)
            ReadBlock();

        Finish();
        return topic;
    }

    private void ReadDescription()
    {
        SkipBlank();
        if (next < lines.Count && lines[next].Kind == LineKind.Text
            && (next + 1 == lines.Count || lines[next + 1].Kind != LineKind.Text)
            && ParagraphRules.IsDescription(lines[next].Text))
            topic.Description = lines[next++].Text;
    }

    private void ReadBlock()
    {
        var line = lines[next];
        (quoteAbove, blockInQuote) = (blockInQuote, false);
        switch (line.Kind)
        {
            case LineKind.Blank:
                afterBlank = true;
                next++;
                return;
            case LineKind.SisterBox:
                next++;
                AddSisterLink(line);
                break;
            case LineKind.Bullet:
                AddBullet(TakeWhile(next + 1, LineKind.Continuation));
                break;
            default:
                // Text, and lines that only follow a bullet or box when the classifier's context says so.
                AddParagraph(TakeWhile(next + 1, LineKind.Text));
                break;
        }
        afterBlank = false;
    }

    /// <summary>The line at <see cref="next"/> and the lines of <paramref name="kind"/> right after it.</summary>
    private List<PageLine> TakeWhile(int from, LineKind kind)
    {
        var end = from;
        while (end < lines.Count && lines[end].Kind == kind)
            end++;
        var taken = lines.GetRange(next, end - next);
        next = end;
        return taken;
    }

    /// <summary>
    /// FORMAT.md: "each sister-box line becomes a sister link of the topic: the project, and the article name that
    /// follows on the same or next line, or the topic title when it is missing".
    /// </summary>
    private void AddSisterLink(PageLine line)
    {
        var box = line.Box!;
        var article = box.Article;
        if (article is null && next < lines.Count && lines[next].Kind == LineKind.SisterArticle)
            article = lines[next++].Text;
        article ??= topic.Title;
        topic.SisterLinks.Add(new ParsedSisterLink
        {
            Project = box.Project,
            Article = article,
            Url = SisterProjects.UrlFor(box.Project, topic.Language, article, box.AuthorPage),
            Line = line.Number,
        });
        lastDialogue = null;
    }

    private void AddBullet(List<PageLine> item)
    {
        var first = item[0];
        var text = string.Join("\n", item.Select(l => l.Text));
        lastDialogue = null;
        // FORMAT.md: "Its bullets are kept as items, shown as a list, never counted, searched or linked as quotes."
        if (section.IsList)
        {
            section.Items.Add(new ParsedListItem { Depth = first.Depth, Text = text, Line = first.Number });
            return;
        }
        // FORMAT.md: "A deeper bullet is an attribution line of the quote above it (depth 2), or a note on that line
        // (depth 3 and more), kept in order with its depth."
        // samples/README.md: "Definition lines (film dialogue, notes under a quote) are flush left": notes under a quote
        // keep it open for the bullets right under them, but a blank line after a note leaves the next bullet alone.
        var underNote = afterNote;
        if (afterNote && afterBlank)
            openQuote = null;
        afterNote = false;
        // A quote written as a paragraph with its source under it ("Far above the golden clouds …", then "• Paul Simon,
        // Surprise (2006) …"): the source line stays with the paragraph, as a paragraph, not a quote of its own. Only
        // the one right under it: more such bullets are quotes, with the warning below.
        if (first.Depth > 1 && openQuote is null && underNote && inBody)
        {
            section.Notes.Add(new ParsedParagraph { Text = text, Line = first.Number });
            return;
        }
        if (first.Depth > 1 && openQuote is not null && first.Depth > openQuoteDepth)
        {
            openQuote.Attribution.Add(new ParsedAttributionLine { Depth = first.Depth - openQuoteDepth, Text = text, Line = first.Number });
            blockInQuote = true;
            return;
        }
        // FORMAT.md: "A depth-1 bullet starts a quote in the current section … A deeper bullet with no quote above it
        // becomes a quote, with a warning."
        if (first.Depth > 1)
            Report(first, Severity.Warning, "bullet with no quote above it: kept as a quote");
        openQuote = NewQuote(QuoteKind.Quote, text, first.Number);
        openQuoteDepth = first.Depth;
        blockInQuote = true;
    }

    private void AddParagraph(List<PageLine> paragraph)
    {
        var first = paragraph[0];
        var text = string.Join("\n", paragraph.Select(l => l.Text));
        afterNote = false;
        var lastWasDialogue = lastDialogue;
        lastDialogue = null;

        // samples/README.md: "Definition lines (… notes under a quote) are flush left": one right under a quote's source
        // lines, with no blank line between, is a note of the quote (a variant's words, its source: samples/005), whatever
        // its shape: a heading and a dialogue stand apart, with a blank line around them.
        if (inBody && !section.IsList && quoteAbove && openQuote is { Attribution.Count: > 0 }
            && !(paragraph.Count == 1 && ParagraphRules.IsMarkupResidue(text)) && !ParagraphRules.TryCaption(paragraph, out _, out _))
        {
            openQuote.Notes.Add(new ParsedParagraph { Text = text, Line = first.Number });
            (afterNote, blockInQuote) = (true, true);
            return;
        }

        // An image caption that repeats the title (a portrait under its name) is no heading: a page does not start
        // a section named as itself before its first heading.
        if (paragraph.Count == 1 && ParagraphRules.IsHeading(text) && (inBody || text != topic.Title) && !IsSourceWithoutBullet(text))
        {
            StartSection(first);
            return;
        }
        if (paragraph.Count == 1 && ParagraphRules.TryLinkNote(text, out var label))
        {
            // FORMAT.md: "It belongs to the current section (or to the topic, before any heading)."
            section.Links.Add(new ParsedSectionLink { Label = label, Line = first.Number });
            return;
        }
        if (!section.IsList && ParagraphRules.TryCaption(paragraph, out var captionText, out var captionBy))
        {
            var quote = NewQuote(QuoteKind.Quote, string.Join("\n", captionText.Select(t => t.Text)), captionText[0].Line);
            quote.IsCaption = true;
            if (captionBy is (int byLine, string by))
                quote.Attribution.Add(new ParsedAttributionLine { Depth = 1, Text = by, Line = byLine });
            // FORMAT.md: "The first one in the lead is the page's featured quote."
            if (!inBody && !featuredTaken)
                quote.IsFeatured = featuredTaken = true;
            openQuote = null;
            return;
        }
        if (inBody && !section.IsList && ParagraphRules.TryDialogue(paragraph, out var dialogue))
        {
            AddDialogue(paragraph, dialogue, lastWasDialogue);
            return;
        }
        if (paragraph.Count == 1 && ParagraphRules.IsMarkupResidue(text))
        {
            Report(first, Severity.Warning, $"'{text}' is wiki markup the page's rendering left behind, not text: not shown");
            return;
        }
        var prose = new ParsedParagraph { Text = text, Line = first.Number };
        afterNote = true;
        if (inBody)
            section.Notes.Add(prose);
        else
            topic.Lead.Add(prose);
    }

    /// <summary>
    /// A quote's source line that lost its bullet on the wiki (<c>* '''quote'''</c> then <c>[[Vincent van Gogh]], [… Letter
    /// to Theo van Gogh from Nuenen, (c. 9 March 1884)]</c>): right under a quote with no source, shaped "Author, Work",
    /// naming an author whose sources the section has given already. The wiki shows it as a paragraph under the quote,
    /// not a heading: the section's later quotes stay in it.
    /// </summary>
    private bool IsSourceWithoutBullet(string text)
    {
        if (openQuote is not { Attribution.Count: 0 } || section.Notes.Count > 0 && section.Notes[^1].Line >= openQuote.Line
            || !AttributionParser.TryParse(text, out var fields))
            return false;
        var opening = fields.Author + ", ";
        return text.StartsWith(opening, StringComparison.Ordinal)
               && section.Quotes.Any(q => q.Attribution.Any(a => a.Depth == 1 && a.Text.StartsWith(opening, StringComparison.Ordinal)));
    }

    /// <summary>
    /// FORMAT.md: "Blank lines separate exchanges." Except that a one-line question is not an exchange alone: the
    /// answer of another speaker in the next paragraph belongs with it (samples/009 renders one exchange so).
    /// </summary>
    private void AddDialogue(List<PageLine> paragraph, List<ParagraphRules.SpokenLine> dialogue, ParsedQuote? previous)
    {
        var quote = previous is { DialogueLines.Count: 1 } && previous.DialogueLines[0].Text.TrimEnd().EndsWith('?')
                    && previous.DialogueLines[0].Speaker != dialogue[0].Speaker
            ? previous
            : NewQuote(QuoteKind.Dialogue, "", paragraph[0].Number);
        for (var i = 0; i < dialogue.Count; i++)
            quote.DialogueLines.Add(new ParsedDialogueLine { Speaker = dialogue[i].Speaker, Text = dialogue[i].Said, Line = paragraph[i].Number });
        quote.Text = string.Join("\n", quote.DialogueLines.Select(d => d.Shown));
        lastDialogue = quote;
        openQuote = null;
    }

    private ParsedQuote NewQuote(QuoteKind kind, string text, int line)
    {
        var quote = new ParsedQuote { Kind = kind, Text = text, Line = line };
        section.Quotes.Add(quote);
        return quote;
    }

    /// <summary>
    /// FORMAT.md: "It starts a new section. Page text does not show heading levels: sections are flat, in page
    /// order." and "every section after a list section is a list section too".
    /// </summary>
    private void StartSection(PageLine heading)
    {
        inBody = true;
        inListSections |= SectionRules.IsList(heading.Text);
        section = new ParsedSection { Heading = heading.Text, IsList = inListSections, Line = heading.Number };
        topic.Sections.Add(section);
        openQuote = null;
    }

    private void Finish()
    {
        if (topic.Sections[0].IsEmpty)
            topic.Sections.RemoveAt(0);

        var anchors = new UniqueNames();
        QuoteStatus? inherited = null;
        foreach (var s in topic.Sections)
        {
            s.Anchor = Anchors.Unique(s.Heading, anchors);
            // FORMAT.md: "Quote status, from the headings above the quote". Page text has no levels: a status heading
            // holds until the next one (Wikiquote puts Disputed, Misattributed, Quotes about … last, with their
            // sub-headings after them), and "Quotes" or "Sourced" ends it.
            if (s.Heading is not null)
            {
                var status = SectionRules.StatusOf(s.Heading, out var reset);
                inherited = status ?? (reset ? null : inherited);
            }
            foreach (var quote in s.Quotes)
                QuoteFields.Complete(quote, inherited);
        }
        PagesOfLinks.ListTheirLinks(topic);
        RepeatedCaptions.Fold(topic);
        QuoteIdAssignment.Assign(topic, diagnostics);
    }

    private void SkipBlank()
    {
        while (next < lines.Count && lines[next].Kind == LineKind.Blank)
            next++;
    }

    private void Report(PageLine line, Severity severity, string message) => Report(line.Number, line.Column, severity, message);

    private void Report(int line, int column, Severity severity, string message) =>
        diagnostics.Add(new(new(file.RelativePath, line, column), severity, message));
}
