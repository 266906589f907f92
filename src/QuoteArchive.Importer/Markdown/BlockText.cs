using System.Net;
using Markdig.Syntax;

namespace QuoteArchive.Importer.Markdown;

/// <summary>The text of blocks the format does not name, kept as written; and the joining of a quote's parts.</summary>
internal sealed class BlockText(string source)
{
    /// <summary>The source text of the block, as it was written, and that text encoded for output.</summary>
    public (string Text, string Html) Of(Block block)
    {
        var start = Math.Clamp(block.Span.Start, 0, source.Length);
        var end = Math.Clamp(End(block) + 1, start, source.Length);
        // Continuation lines lose the indentation of the block's first line (a code block inside a list item).
        var lines = source[start..end].Split('\n');
        var text = string.Join('\n', lines.Select((l, i) => (i == 0 ? l : Dedent(l, block.Column)).TrimEnd())).Trim();
        return (text, WebUtility.HtmlEncode(text).Replace("\n", "<br />\n", StringComparison.Ordinal));
    }

    /// <summary>Paragraphs of one quote or item, line after line.</summary>
    public static (string Text, string Html) Join(List<(string Text, string Html)> parts)
    {
        var kept = parts.Where(p => p.Text.Length > 0).ToList();
        return (string.Join('\n', kept.Select(p => p.Text)), string.Join("<br />\n", kept.Select(p => p.Html)));
    }

    public static string Describe(Block block) => block switch
    {
        FencedCodeBlock or CodeBlock => "a code block",
        HeadingBlock => "a heading",
        QuoteBlock => "a block quote",
        ListBlock => "a list",
        HtmlBlock => "an HTML block",
        _ => $"a {block.GetType().Name.Replace("Block", "", StringComparison.Ordinal).ToLowerInvariant()} block",
    };

    /// <summary>
    /// Where the block ends in the source. Markdig leaves the span of a fence never closed on its opening line, though
    /// the block holds every line to the end of the page: its last line says where it really ends.
    /// </summary>
    public static int End(Block block) =>
        block is LeafBlock { Lines.Count: > 0 } leaf ? Math.Max(block.Span.End, leaf.Lines.Lines[leaf.Lines.Count - 1].Slice.End) : block.Span.End;

    private static string Dedent(string line, int columns)
    {
        var spaces = 0;
        while (spaces < columns && spaces < line.Length && line[spaces] == ' ')
            spaces++;
        return line[spaces..];
    }
}
