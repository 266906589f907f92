using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Markdown;

/// <summary>
/// Walks the top-level blocks of one Markdown page in order, one small method per construct. Headings, paragraphs
/// and notes are here; block quotes, lists and the topic's own fields each have a file of their own.
/// </summary>
internal sealed partial class PageReader(ContentFile file, ImportOptions options, List<Diagnostic> diagnostics)
{
    private readonly InlineRenderer renderer = new();
    private readonly BlockText blockText = new(file.Text);
    private readonly List<ParsedParagraph> lead = [];
    private readonly List<ParsedSection> sections = [];
    private readonly UniqueNames anchors = new();
    private readonly Dictionary<ParsedSection, QuoteStatus?> sectionStatus = [];
    private readonly HeadingStatus headingStatus = new();
    private ParsedSection? current;
    private bool afterHeading;
    private bool inListSections;
    private bool hasFeatured;

    /// <summary>The topic of the page; null when its front matter is over a limit (the error is in the diagnostics).</summary>
    public ParsedTopic? Read(MarkdownDocument document)
    {
        var frontMatterBlock = document.OfType<YamlFrontMatterBlock>().FirstOrDefault();
        // Markdig takes an empty front matter ("---" twice) for two rules: it is closed all the same.
        var emptyFrontMatter = file.Text.StartsWith("---\n---\n", StringComparison.Ordinal) || file.Text.TrimEnd() == "---\n---";
        if (frontMatterBlock is null && !emptyFrontMatter && (file.Text.StartsWith("---\n", StringComparison.Ordinal) || file.Text.TrimEnd() == "---"))
        {
            diagnostics.Add(new(new(file.RelativePath, 1), Severity.Warning,
                "the front matter opened on this line has no closing '---' line: the page is read as Markdown without it"));
        }
        if (FrontMatter.Read(frontMatterBlock, file.RelativePath, options.Limits, diagnostics) is not { } frontMatter)
            return null;
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
        var topic = BuildTopic(frontMatter, title);
        QuoteIdAssignment.Assign(topic, diagnostics);
        return topic;
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
        // FORMAT.md: "Wikiquote puts these sections last … every section after a list section is a list section too."
        inListSections |= SectionRules.IsList(text);
        current = new ParsedSection
        {
            Heading = text,
            Anchor = Anchors.Unique(text, anchors),
            Level = level,
            IsList = inListSections,
            Line = heading.Line + 1,
        };
        sectionStatus[current] = headingStatus.Enter(level, text);
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
            current.Links.Add(new ParsedSectionLink { Label = label, Url = url, Line = paragraph.Line + 1 });
            return;
        }
        afterHeading = false;
        var text = InlineRenderer.PlainText(paragraph.Inline);
        if (text.Length == 0)
            return;
        AddNote(new ParsedParagraph { Text = text, Html = Html(paragraph.Inline), Line = paragraph.Line + 1 });
    }

    // Code blocks and whatever else the format does not name: FORMAT.md "Nothing is lost" keeps them as notes.
    private void AddOther(Block block)
    {
        var (text, html) = blockText.Of(block);
        if (text.Length == 0)
            return;
        afterHeading = false;
        Warn(block, $"{BlockText.Describe(block)} is not part of the format: kept as {(current is null ? "a lead paragraph" : "a section note")}");
        AddNote(new ParsedParagraph { Text = text, Html = html, Line = block.Line + 1 });
    }

    /// <summary>Prose before the first heading is lead; after it, a note of the current section.</summary>
    private void AddNote(ParsedParagraph note) => (current is null ? lead : current.Notes).Add(note);

    /// <summary>The section of the featured quote and of anything else before the first <c>##</c>.</summary>
    private ParsedSection UnnamedSection(int line)
    {
        if (sections.FirstOrDefault() is { Heading: null } unnamed)
            return unnamed;
        unnamed = new ParsedSection { Heading = null, Anchor = Anchors.Unique(null, anchors), Line = line };
        sections.Insert(0, unnamed);
        return unnamed;
    }

    private ParsedQuote? NewQuote(ParsedSection section, List<(string Text, string Html)> parts, int line, List<ParsedAttributionLine> attribution)
    {
        var (text, html) = BlockText.Join(parts);
        if (text.Length == 0)
            return null;
        var quote = new ParsedQuote { Kind = QuoteKind.Quote, Text = text, Html = html, Line = line, Attribution = attribution };
        QuoteFields.Complete(quote, sectionStatus.GetValueOrDefault(section));
        section.Quotes.Add(quote);
        return quote;
    }

    private static bool TryReadLinkOnly(ContainerInline inline, out string label, out string url)
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

    private string Html(ContainerInline container) => Html(container.ToList());

    private string Html(List<Inline> inlines)
    {
        if (renderer.TryHtml(inlines, out var html))
            return html;
        diagnostics.Add(new(LinkPolicy.PositionOf(inlines[0], file.RelativePath), Severity.Warning,
            "inline Markdown nested too deeply to render: kept as plain text"));
        return html;
    }

    private void Warn(Block block, string message) =>
        diagnostics.Add(new(new(file.RelativePath, block.Line + 1, block.Column + 1), Severity.Warning, message));

    private void Warn(FrontMatterValue value, string message) =>
        diagnostics.Add(new(new(file.RelativePath, value.Line, value.Column), Severity.Warning, message));
}
