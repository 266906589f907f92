using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer.Markdown;

internal sealed partial class PageReader
{
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
            var (itemText, itemHtml) = blockText.Of(block);
            section.Items.Add(new ParsedListItem { Text = itemText, Html = itemHtml, Line = block.Line + 1 });
            return;
        }

        var parts = new List<(string Text, string Html)>();
        ParsedAttributionLine? attribution = null;
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
                    attribution = new ParsedAttributionLine
                    {
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
                Warn(child, $"{BlockText.Describe(child)} inside a block quote is not part of the format: kept as quote text");
                parts.Add(blockText.Of(child));
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

    /// <summary>
    /// The attribution is the last line of the last paragraph (after a line break), or the whole last paragraph.
    /// Its leading dash is taken off only when the attribution is found: a failed attempt leaves the inlines as they were.
    /// </summary>
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
        var original = first.Content;
        first.Content = new StringSlice(start[1..].TrimStart());
        if (InlineRenderer.PlainText(attribution).Length > 0)
            return true;
        first.Content = original;
        return false;
    }
}
