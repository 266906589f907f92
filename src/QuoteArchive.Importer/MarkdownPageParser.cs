using System.Net;
using Markdig.Extensions.Yaml;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using QuoteArchive.Importer.Markdown;
using QuoteArchive.Importer.PageText;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

/// <summary>Parses Markdown pages (<c>*.md</c>), as FORMAT.md specifies it.</summary>
public static class MarkdownPageParser
{
    public static Topic? Parse(ContentFile file, ImportOptions options, List<Diagnostic> diagnostics)
    {
        if (FirstLineIndentedBeyond(file.Text, MaxIndentation) is { } deep)
        {
            // Markdig would refuse such a page too, but only after time that grows faster than the file.
            diagnostics.Add(new(new(file.RelativePath, deep), Severity.Error,
                $"a line indented by more than {MaxIndentation} columns: nested too deeply to be a topic"));
            return null;
        }
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(file.Text, InlineMarkdown.Pipeline);
        }
        catch (ArgumentException ex)
        {
            // Markdig refuses documents nested deeper than the pipeline's MaximumNestingDepth (128).
            diagnostics.Add(new(new(file.RelativePath, 1), Severity.Error, $"cannot read the Markdown: {ex.Message}"));
            return null;
        }
        var found = new List<Diagnostic>();
        LinkPolicy.Apply(document, file.RelativePath, found);
        var topic = new PageReader(file, options, found).Read(document);
        // Reported in file order, as a compiler does, whichever construct noticed the problem first.
        diagnostics.AddRange(found.OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column));
        return topic;
    }

    // Four columns per level at Markdig's default MaximumNestingDepth of 128.
    private const int MaxIndentation = 4 * 128;

    private static int? FirstLineIndentedBeyond(string text, int columns)
    {
        var line = 1;
        for (var start = 0; start < text.Length; line++)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            var indent = 0;
            while (start + indent < end && text[start + indent] is ' ' or '\t')
                indent++;
            if (indent > columns && start + indent < end)
                return line;
            start = end + 1;
        }
        return null;
    }

    /// <summary>Walks the top-level blocks of one page in order, one small method per construct.</summary>
    private sealed class PageReader(ContentFile file, ImportOptions options, List<Diagnostic> diagnostics)
    {
        private const string UnnamedSectionAnchor = "top";

        private readonly InlineRenderer renderer = new();
        private readonly List<Paragraph> lead = [];
        private readonly List<Section> sections = [];
        private readonly HashSet<string> anchors = new(StringComparer.Ordinal);
        private readonly Dictionary<Section, QuoteStatus?> sectionStatus = [];
        // The headings above the current section, outermost first, with what each says about quote status.
        private readonly List<(int Level, QuoteStatus? Status, bool Reset)> headingChain = [];
        private Section? current;
        private bool afterHeading;
        private bool inListSections;
        private bool hasFeatured;

        public Topic Read(MarkdownDocument document)
        {
            var frontMatterBlock = document.OfType<YamlFrontMatterBlock>().FirstOrDefault();
            if (frontMatterBlock is null && (file.Text.StartsWith("---\n", StringComparison.Ordinal) || file.Text.TrimEnd() == "---"))
            {
                diagnostics.Add(new(new(file.RelativePath, 1), Severity.Warning,
                    "the front matter opened on this line has no closing '---' line: the page is read as Markdown without it"));
            }
            var frontMatter = FrontMatter.Read(frontMatterBlock, file.RelativePath, diagnostics);
            var (title, titleHeading) = TitleOf(frontMatter, document);

            foreach (var block in document)
            {
                switch (block)
                {
                    case YamlFrontMatterBlock:
                        break;
                    case HeadingBlock heading when heading == titleHeading:
                        break;
                    case HeadingBlock heading:
                        StartSection(heading);
                        break;
                    case ParagraphBlock paragraph:
                        AddParagraph(paragraph);
                        break;
                    case QuoteBlock quote:
                        AddBlockQuote(quote);
                        break;
                    case ListBlock list:
                        AddList(list);
                        break;
                    case ThematicBreakBlock or LinkReferenceDefinitionGroup:
                        // Markup only: a rule carries no words, and a reference definition lives on in the links that use it.
                        afterHeading = false;
                        break;
                    default:
                        AddOther(block);
                        break;
                }
            }
            return BuildTopic(frontMatter, title);
        }

        /// <summary>FORMAT.md: "<c>title</c> is required (else the first <c>#</c> heading, else the file name)".</summary>
        private (string Title, HeadingBlock? Heading) TitleOf(FrontMatter frontMatter, MarkdownDocument document)
        {
            var firstHeading = document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
            var headingText = firstHeading?.Inline is null ? "" : InlineRenderer.PlainText(firstHeading.Inline);
            if (frontMatter["title"] is { } title)
            {
                // A page may repeat its title as a "# Title" line; that line is the title, not a section.
                return (title.Value, headingText == title.Value ? firstHeading : null);
            }
            if (headingText.Length > 0)
                return (headingText, firstHeading);

            var fromName = Path.GetFileNameWithoutExtension(file.RelativePath);
            diagnostics.Add(new(new(file.RelativePath, 1), Severity.Warning,
                $"no title in the front matter and no '#' heading: the file name '{fromName}' is the title"));
            return (fromName, null);
        }

        // FORMAT.md: "`##` starts a section, `###` and deeper start sub-sections (levels are kept)."
        private void StartSection(HeadingBlock heading)
        {
            var text = heading.Inline is null ? "" : InlineRenderer.PlainText(heading.Inline);
            if (text.Length == 0)
            {
                Warn(heading, "empty heading: ignored");
                return;
            }
            if (heading.Level == 1)
                Warn(heading, "a second '#' heading (the page has its title): read as a '##' section");

            var level = Math.Max(1, heading.Level - 1);
            headingChain.RemoveAll(h => h.Level >= level);
            headingChain.Add((level, SectionRules.StatusOf(text, out var reset), reset));

            // FORMAT.md: "Wikiquote puts these sections last … every section after a list section is a list section too."
            inListSections |= SectionRules.IsList(text);
            current = new Section
            {
                Heading = text,
                Anchor = Anchors.Unique(text, anchors),
                Level = level,
                IsList = inListSections,
                Line = heading.Line + 1,
            };
            sectionStatus[current] = StatusFromHeadings();
            sections.Add(current);
            afterHeading = true;
        }

        private void AddParagraph(ParagraphBlock paragraph)
        {
            if (paragraph.Inline is null)
                return;
            // FORMAT.md: "A paragraph that is only a link, right after a heading, is the section's source link."
            if (current is not null && afterHeading && TryReadLinkOnly(paragraph.Inline, out var label, out var url))
            {
                current.Links.Add(new SectionLink { Label = label, Url = url, Position = current.Links.Count, Line = paragraph.Line + 1 });
                return;
            }
            afterHeading = false;
            var text = InlineRenderer.PlainText(paragraph.Inline);
            if (text.Length == 0)
                return;
            AddNote(new Paragraph { Text = text, Html = Html(paragraph.Inline), Line = paragraph.Line + 1 });
        }

        /// <summary>
        /// FORMAT.md: "A block quote before the first <c>##</c> is the featured quote; its last line, when it starts with
        /// <c>—</c> or <c>~</c>, is the attribution." A block quote further down is a quote of its section, read the same way.
        /// </summary>
        private void AddBlockQuote(QuoteBlock block)
        {
            afterHeading = false;
            var section = current ?? UnnamedSection(block.Line + 1);
            if (section.IsList)
            {
                Warn(block, "a block quote in a list section is not a quote: kept as a list item");
                var (itemText, itemHtml) = Fallback(block);
                section.Items.Add(new ListItem { Text = itemText, Html = itemHtml, Position = section.Items.Count, Line = block.Line + 1 });
                return;
            }

            var parts = new List<(string Text, string Html)>();
            AttributionLine? attribution = null;
            var paragraphs = block.OfType<ParagraphBlock>().Where(p => p.Inline is not null).ToList();
            var last = paragraphs.LastOrDefault();
            foreach (var child in block)
            {
                if (child is ParagraphBlock { Inline: { } inline } paragraph)
                {
                    var inlines = inline.ToList();
                    if (paragraph == last && TrySplitAttribution(inlines, paragraphs.Count > 1, out var quoteInlines, out var attributionInlines))
                    {
                        inlines = quoteInlines;
                        attribution = new AttributionLine
                        {
                            QuoteId = "",
                            Text = InlineRenderer.PlainText(attributionInlines),
                            Html = Html(attributionInlines),
                            Line = attributionInlines[0].Line + 1,
                        };
                    }
                    if (inlines.Count > 0)
                        parts.Add((InlineRenderer.PlainText(inlines), Html(inlines)));
                }
                else
                {
                    Warn(child, $"{Describe(child)} inside a block quote is not part of the format: kept as quote text");
                    parts.Add(Fallback(child));
                }
            }
            var featured = current is null && !hasFeatured;
            hasFeatured |= featured;
            var quote = NewQuote(section, parts, block.Line + 1, attribution is null ? [] : [attribution]);
            if (quote is null)
                Warn(block, "empty block quote: ignored");
            else
                quote.IsFeatured = featured;
        }

        // The attribution is the last line of the last paragraph (after a line break), or the whole last paragraph.
        private static bool TrySplitAttribution(List<Inline> inlines, bool hasOtherParagraphs, out List<Inline> quote, out List<Inline> attribution)
        {
            var lastBreak = inlines.FindLastIndex(i => i is LineBreakInline);
            quote = lastBreak < 0 ? [] : inlines[..lastBreak];
            attribution = inlines[(lastBreak + 1)..];
            if ((lastBreak < 0 && !hasOtherParagraphs) || attribution.FirstOrDefault() is not LiteralInline first)
                return false;
            var start = first.Content.ToString().TrimStart();
            if (!start.StartsWith('—') && !start.StartsWith('~'))
                return false;
            first.Content = new StringSlice(start[1..].TrimStart());
            return InlineRenderer.PlainText(attribution).Length > 0;
        }

        private void AddList(ListBlock list)
        {
            afterHeading = false;
            var section = current ?? UnnamedSection(list.Line + 1);
            if (section.IsList)
                AddItems(list, section, depth: 1);
            else
                AddQuotes(list, section);
        }

        // FORMAT.md: "A top-level list item is a quote; its nested list items are attribution lines."
        private void AddQuotes(ListBlock list, Section section)
        {
            foreach (var item in list.OfType<ListItemBlock>())
            {
                var parts = new List<(string Text, string Html)>();
                var attribution = new List<AttributionLine>();
                foreach (var child in item)
                {
                    if (child is ParagraphBlock { Inline: { } inline })
                        parts.Add((InlineRenderer.PlainText(inline), Html(inline)));
                    else if (child is ListBlock nested)
                        AddAttribution(nested, depth: 1, attribution);
                    else
                    {
                        Warn(child, $"{Describe(child)} inside a quote is not part of the format: kept as quote text");
                        parts.Add(Fallback(child));
                    }
                }
                if (NewQuote(section, parts, item.Line + 1, attribution) is not null)
                    continue;
                if (attribution.Count == 0)
                {
                    Warn(item, "empty list item: ignored");
                    continue;
                }
                // As page text: "A deeper bullet with no quote above it becomes a quote, with a warning."
                Warn(item, "list item with no text above its nested items: they are read as quotes");
                foreach (var nested in item.OfType<ListBlock>())
                    AddQuotes(nested, section);
            }
        }

        /// <summary>Nested items under a quote: its source (depth 1), notes on the line above (depth 2 …), in order.</summary>
        private void AddAttribution(ListBlock list, int depth, List<AttributionLine> lines)
        {
            foreach (var item in list.OfType<ListItemBlock>())
            {
                var (text, html) = ItemText(item, "an attribution line");
                if (text.Length > 0)
                    lines.Add(new AttributionLine { QuoteId = "", Depth = depth, Text = text, Html = html, Position = lines.Count, Line = item.Line + 1 });
                else if (!item.OfType<ListBlock>().Any())
                    Warn(item, "empty list item: ignored");
                foreach (var nested in item.OfType<ListBlock>())
                    AddAttribution(nested, depth + 1, lines);
            }
        }

        // FORMAT.md: "Its bullets are kept as items, shown as a list, never counted, searched or linked as quotes."
        private void AddItems(ListBlock list, Section section, int depth)
        {
            foreach (var item in list.OfType<ListItemBlock>())
            {
                var (text, html) = ItemText(item, "a list item");
                if (text.Length > 0)
                    section.Items.Add(new ListItem { Depth = depth, Text = text, Html = html, Position = section.Items.Count, Line = item.Line + 1 });
                else if (!item.OfType<ListBlock>().Any())
                    Warn(item, "empty list item: ignored");
                foreach (var nested in item.OfType<ListBlock>())
                    AddItems(nested, section, depth + 1);
            }
        }

        // The paragraphs of one list item, line after line; nested lists are the caller's.
        private (string Text, string Html) ItemText(ListItemBlock item, string what)
        {
            var parts = new List<(string Text, string Html)>();
            foreach (var child in item)
            {
                if (child is ParagraphBlock { Inline: { } inline })
                    parts.Add((InlineRenderer.PlainText(inline), Html(inline)));
                else if (child is not ListBlock)
                {
                    Warn(child, $"{Describe(child)} inside {what} is not part of the format: kept as its text");
                    parts.Add(Fallback(child));
                }
            }
            return Join(parts);
        }

        // Code blocks and whatever else the format does not name: FORMAT.md "Nothing is lost" keeps them as notes.
        private void AddOther(Block block)
        {
            var (text, html) = Fallback(block);
            if (text.Length == 0)
                return;
            afterHeading = false;
            Warn(block, $"{Describe(block)} is not part of the format: kept as {(current is null ? "a lead paragraph" : "a section note")}");
            AddNote(new Paragraph { Text = text, Html = html, Line = block.Line + 1 });
        }

        /// <summary>Prose before the first heading is lead; after it, a note of the current section.</summary>
        private void AddNote(Paragraph note)
        {
            var notes = current is null ? lead : current.Notes;
            note.Position = notes.Count;
            notes.Add(note);
        }

        private Quote? NewQuote(Section section, List<(string Text, string Html)> parts, int line, List<AttributionLine> attribution)
        {
            var (text, html) = Join(parts);
            if (text.Length == 0)
                return null;
            var quote = new Quote
            {
                Id = "",
                Kind = QuoteKind.Quote,
                // FORMAT.md: "… else sourced when it has an attribution line, unsourced when it has none."
                Status = sectionStatus.GetValueOrDefault(section) ?? (attribution.Count > 0 ? QuoteStatus.Sourced : QuoteStatus.Unsourced),
                Text = text,
                Html = html,
                Line = line,
                Position = section.Quotes.Count,
                Attribution = attribution,
            };
            if (attribution.FirstOrDefault(a => a.Depth == 1) is { } source && AttributionParser.TryParse(source.Text, out var fields))
                (quote.Author, quote.Work, quote.Year) = (fields.Author, fields.Work, fields.Year);
            section.Quotes.Add(quote);
            return quote;
        }

        /// <summary>
        /// FORMAT.md "Quote status, from the headings above the quote": the nearest heading that sets a status wins;
        /// a plain <c>Quotes</c> heading sets none, and ends the search.
        /// </summary>
        private QuoteStatus? StatusFromHeadings()
        {
            for (var i = headingChain.Count - 1; i >= 0; i--)
            {
                if (headingChain[i].Status is { } status)
                    return status;
                if (headingChain[i].Reset)
                    return null;
            }
            return null;
        }

        /// <summary>The section of the featured quote and of anything else before the first <c>##</c>.</summary>
        private Section UnnamedSection(int line)
        {
            if (sections.FirstOrDefault() is { Heading: null } unnamed)
                return unnamed;
            unnamed = new Section { Heading = null, Anchor = Anchors.Unique(UnnamedSectionAnchor, anchors), Level = 1, Line = line };
            sections.Insert(0, unnamed);
            return unnamed;
        }

        private Topic BuildTopic(FrontMatter frontMatter, string title)
        {
            var slug = Slugs.FromTitle(title);
            var language = file.Language;
            if (frontMatter["language"] is { } lang)
            {
                if (FrontMatter.IsLanguageCode(lang.Value))
                    language = lang.Value;
                else
                    Warn(lang, $"'{lang.Value}' is not a language code such as 'en' or 'fr': the language stays '{language}'");
            }

            var sourceUrl = options.SourceUrlFor(language, slug);
            if (frontMatter["source"] is { } source)
            {
                if (LinkPolicy.IsAllowed(source.Value) && !source.Value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                    sourceUrl = source.Value;
                else
                    Warn(source, $"source '{source.Value}' is not an http(s) address: the source is {sourceUrl}");
            }

            var topic = new Topic
            {
                Slug = slug,
                Title = title,
                Description = frontMatter["description"]?.Value,
                Language = language,
                SourceUrl = sourceUrl,
                SourcePath = file.RelativePath,
                License = frontMatter["license"]?.Value,
                Lead = lead,
                Sections = sections,
            };
            if (frontMatter["wikipedia"] is { } wikipedia)
            {
                topic.SisterLinks.Add(new SisterLink
                {
                    Project = "Wikipedia",
                    Article = wikipedia.Value,
                    Url = $"https://{language}.wikipedia.org/wiki/{Slugs.ToUrlPath(Slugs.FromTitle(wikipedia.Value))}",
                    Line = wikipedia.Line,
                });
            }
            AssignQuoteIds(topic);
            return topic;
        }

        // FORMAT.md: the id "depends only on the topic slug and the quote's normalised text … not on its position".
        private void AssignQuoteIds(Topic topic)
        {
            var occurrences = new Dictionary<string, (int Count, int FirstLine)>(StringComparer.Ordinal);
            foreach (var quote in topic.Sections.SelectMany(s => s.Quotes))
            {
                var normalized = QuoteIds.Normalize(quote.Text);
                var (seen, firstLine) = occurrences.GetValueOrDefault(normalized, (0, quote.Line));
                var occurrence = seen + 1;
                occurrences[normalized] = (occurrence, firstLine);
                if (occurrence > 1)
                {
                    diagnostics.Add(new(new(file.RelativePath, quote.Line), Severity.Warning,
                        $"the same quote text appears {occurrence} times in this page (first on line {firstLine})"));
                }
                quote.Id = QuoteIds.Create(topic.Slug, quote.Text, occurrence);
                foreach (var line in quote.Attribution)
                    line.QuoteId = quote.Id;
            }
        }

        private bool TryReadLinkOnly(ContainerInline inline, out string label, out string url)
        {
            (label, url) = ("", "");
            var meaningful = inline.Where(i => !(i is LiteralInline literal && literal.Content.IsEmptyOrWhitespace())).ToList();
            switch (meaningful)
            {
                case [LinkInline { IsImage: false, Url: { } linkUrl } link]:
                    (label, url) = (InlineRenderer.PlainText(link), linkUrl);
                    label = label.Length > 0 ? label : url;
                    return true;
                case [AutolinkInline autolink]:
                    (label, url) = (autolink.Url, autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url);
                    return true;
                default:
                    return false;
            }
        }

        // The source text of a block the format does not name, kept as it was written and encoded for output.
        private (string Text, string Html) Fallback(Block block)
        {
            var start = Math.Clamp(block.Span.Start, 0, file.Text.Length);
            var end = Math.Clamp(block.Span.End + 1, start, file.Text.Length);
            // Continuation lines lose the indentation of the block's first line (a code block inside a list item).
            var lines = file.Text[start..end].Split('\n');
            var text = string.Join('\n', lines.Select((l, i) => (i == 0 ? l : Dedent(l, block.Column)).TrimEnd())).Trim();
            return (text, WebUtility.HtmlEncode(text).Replace("\n", "<br />\n", StringComparison.Ordinal));
        }

        private string Html(ContainerInline container) => Html(container.ToList());

        private string Html(List<Inline> inlines)
        {
            if (renderer.TryHtml(inlines, out var html))
                return html;
            var at = inlines[0];
            diagnostics.Add(new(LinkPolicy.PositionOf(at, file.RelativePath), Severity.Warning,
                "inline Markdown nested too deeply to render: kept as plain text"));
            return html;
        }

        private static string Dedent(string line, int columns)
        {
            var spaces = 0;
            while (spaces < columns && spaces < line.Length && line[spaces] == ' ')
                spaces++;
            return line[spaces..];
        }

        private static (string Text, string Html) Join(List<(string Text, string Html)> parts)
        {
            var kept = parts.Where(p => p.Text.Length > 0).ToList();
            return (string.Join('\n', kept.Select(p => p.Text)), string.Join("<br />\n", kept.Select(p => p.Html)));
        }

        private static string Describe(Block block) => block switch
        {
            FencedCodeBlock or CodeBlock => "a code block",
            HeadingBlock => "a heading",
            QuoteBlock => "a block quote",
            ListBlock => "a list",
            HtmlBlock => "an HTML block",
            _ => $"a {block.GetType().Name.Replace("Block", "", StringComparison.Ordinal).ToLowerInvariant()} block",
        };

        private void Warn(Block block, string message) =>
            diagnostics.Add(new(new(file.RelativePath, block.Line + 1, block.Column + 1), Severity.Warning, message));

        private void Warn(FrontMatterValue value, string message) =>
            diagnostics.Add(new(new(file.RelativePath, value.Line, value.Column), Severity.Warning, message));
    }
}
