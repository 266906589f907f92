using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax.Inlines;

namespace QuoteArchive.Importer.Markdown;

/// <summary>
/// The one Markdig pipeline of the archive, and the inline rendering built on it: Markdown is turned into HTML here,
/// at import time, so the web app only reads. STYLE.md: "one shared Markdig pipeline built once with <c>DisableHtml()</c>".
/// </summary>
public static class InlineMarkdown
{
    /// <summary>
    /// FORMAT.md: "Inline Markdown … is rendered to HTML with Markdig with raw HTML disabled: content can never inject
    /// markup or script." Raw HTML in a page is therefore plain text, escaped on output.
    /// </summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePreciseSourceLocation()
        .DisableHtml()
        .Build();
}

/// <summary>Renders runs of inlines to HTML (with the shared pipeline's renderers) and to plain text.</summary>
internal sealed partial class InlineRenderer
{
    private readonly StringWriter writer = new();
    private readonly HtmlRenderer renderer;

    public InlineRenderer()
    {
        renderer = new HtmlRenderer(writer);
        InlineMarkdown.Pipeline.Setup(renderer);
    }

    /// <summary>
    /// The HTML of the inlines; false when Markdig refuses to render them (nested deeper than the pipeline allows),
    /// and then <paramref name="html"/> is the plain text, encoded.
    /// </summary>
    public bool TryHtml(IReadOnlyList<Inline> inlines, out string html)
    {
        writer.GetStringBuilder().Clear();
        try
        {
            foreach (var inline in inlines)
                renderer.Write(inline);
            html = writer.ToString().Trim();
            return true;
        }
        catch (ArgumentException)
        {
            html = WebUtility.HtmlEncode(PlainText(inlines)).Replace("\n", "<br />\n", StringComparison.Ordinal);
            return false;
        }
    }

    /// <summary>
    /// The text a reader sees, for search, feeds and the JSON <c>text</c>: a hard line break stays a line break
    /// (verse), a soft one is a space, as a browser shows it.
    /// </summary>
    public static string PlainText(IEnumerable<Inline> inlines)
    {
        var text = new StringBuilder();
        // An explicit stack: emphasis nested as deep as the parser allows must not cost a deep recursion here.
        var pending = new Stack<Inline>(inlines.Reverse());
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case LineBreakInline lineBreak:
                    text.Append(lineBreak.IsHard ? '\n' : ' ');
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case HtmlInline html:
                    text.Append(html.Tag);
                    break;
                case ContainerInline container:
                    foreach (var child in container.Reverse())
                        pending.Push(child);
                    break;
            }
        }
        return Tidy(text.ToString());
    }

    public static string PlainText(ContainerInline container) => PlainText(container.ToList());

    // Runs of spaces, and spaces around a line break, carry nothing: HTML shows them as one space.
    private static string Tidy(string text) =>
        string.Join('\n', text.Split('\n').Select(line => Spaces().Replace(line, " ").Trim())).Trim();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
