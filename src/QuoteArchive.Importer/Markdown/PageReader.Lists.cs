using Markdig.Syntax;
using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer.Markdown;

internal sealed partial class PageReader
{
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
    private void AddQuotes(ListBlock list, ParsedSection section)
    {
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var parts = new List<(string Text, string Html)>();
            var attribution = new List<ParsedAttributionLine>();
            foreach (var child in item)
            {
                if (child is ParagraphBlock { Inline: { } inline })
                    parts.Add((InlineRenderer.PlainText(inline), Html(inline)));
                else if (child is ListBlock nested)
                    AddAttribution(nested, depth: 1, attribution);
                else
                {
                    Warn(child, $"{BlockText.Describe(child)} inside a quote is not part of the format: kept as quote text");
                    parts.Add(blockText.Of(child));
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
    private void AddAttribution(ListBlock list, int depth, List<ParsedAttributionLine> lines)
    {
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var (text, html) = ItemText(item, "an attribution line");
            if (text.Length > 0)
                lines.Add(new ParsedAttributionLine { Depth = depth, Text = text, Html = html, Line = item.Line + 1 });
            else if (!item.OfType<ListBlock>().Any())
                Warn(item, "empty list item: ignored");
            foreach (var nested in item.OfType<ListBlock>())
                AddAttribution(nested, depth + 1, lines);
        }
    }

    // FORMAT.md: "Its bullets are kept as items, shown as a list, never counted, searched or linked as quotes."
    private void AddItems(ListBlock list, ParsedSection section, int depth)
    {
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var (text, html) = ItemText(item, "a list item");
            if (text.Length > 0)
                section.Items.Add(new ParsedListItem { Depth = depth, Text = text, Html = html, Line = item.Line + 1 });
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
                Warn(child, $"{BlockText.Describe(child)} inside {what} is not part of the format: kept as its text");
                parts.Add(blockText.Of(child));
            }
        }
        return BlockText.Join(parts);
    }
}
