using Markdig.Syntax;
using QuoteArchive.Importer.Markdown;
using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer;

/// <summary>Parses Markdown pages (<c>*.md</c>), as FORMAT.md specifies it.</summary>
public static class MarkdownPageParser
{
    // Four columns per level at Markdig's default MaximumNestingDepth of 128.
    private const int MaxIndentation = 4 * 128;

    public static ParsedTopic? Parse(ContentFile file, ImportOptions options, List<Diagnostic> diagnostics)
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
}
