using System.Text;
using QuoteArchive.Importer;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests.Markdown;

/// <summary>
/// The imported structure of one page as text, one node per line with its source line (<c>@12</c>), so that a spec's
/// expected file reads like the page and a failure shows exactly which node differs.
/// </summary>
internal static class ModelDump
{
    public static string Of(ParsedTopic? topic, IEnumerable<Diagnostic> diagnostics)
    {
        var dump = new StringBuilder();
        foreach (var diagnostic in diagnostics)
            dump.Append($"{(diagnostic.Severity == Severity.Error ? "error" : "warning")} {diagnostic.Position.Line}:{diagnostic.Position.Column}: {diagnostic.Message}\n");
        if (topic is null)
            return dump.Append("no topic\n").ToString();

        dump.Append($"topic {topic.Slug}\n");
        dump.Append($"  title: {topic.Title}\n");
        Field(dump, "description", topic.Description);
        dump.Append($"  language: {topic.Language}\n");
        dump.Append($"  source: {topic.SourceUrl}\n");
        Field(dump, "license", topic.License);
        // What only some formats state (wikitext): shown when present, so the other formats' specs read as before.
        if (topic.Categories.Count > 0)
            dump.Append($"  categories: {string.Join(" | ", topic.Categories)}\n");
        foreach (var link in topic.LanguageLinks)
            dump.Append($"  language link: {link.Language}: {link.Title}\n");
        if (topic.UnknownTemplates.Count > 0)
            dump.Append($"  unknown templates: {string.Join(", ", topic.UnknownTemplates.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} ×{t.Value}"))}\n");
        if (topic.UnreachedLines > 0)
            dump.Append($"  unreached lines: {topic.UnreachedLines}\n");
        foreach (var sister in topic.SisterLinks)
            dump.Append($"  sister @{sister.Line}: {sister.Project} | {sister.Article} | {sister.Url}\n");
        foreach (var paragraph in topic.Lead)
            Text(dump, $"lead @{paragraph.Line}", paragraph.Text, paragraph.Html, "");
        foreach (var section in topic.Sections)
        {
            dump.Append($"section @{section.Line} level {section.Level}{(section.IsList ? " list" : "")} #{section.Anchor}: {section.Heading ?? "(unnamed)"}\n");
            foreach (var link in section.Links)
                dump.Append($"  link @{link.Line}: {link.Label} -> {link.Url}\n");
            foreach (var note in section.Notes)
                Text(dump, $"note @{note.Line}", note.Text, note.Html, "  ");
            foreach (var item in section.Items)
                Text(dump, $"item @{item.Line} depth {item.Depth}", item.Text, item.Html, "  ");
            foreach (var quote in section.Quotes)
            {
                var fields = string.Join(" | ", new[] { quote.Author, quote.Work, quote.Year }.Where(f => f is not null));
                Text(dump, $"quote @{quote.Line} {quote.Status.ToString().ToLowerInvariant()}{(quote.IsFeatured ? " featured" : "")} {quote.Id}",
                    quote.Text, quote.Html, "  ");
                if (fields.Length > 0)
                    dump.Append($"    fields: {fields}\n");
                foreach (var line in quote.DialogueLines)
                    dump.Append(line.Speaker is null
                        ? $"    direction @{line.Line}: {line.Text}\n"
                        : $"    says @{line.Line}: {line.Speaker}{(line.PlayedBy is null ? "" : $" (played by {line.PlayedBy})")}: {line.Text}\n");
                foreach (var line in quote.Attribution)
                    Text(dump, $"attribution @{line.Line} depth {line.Depth}", line.Text, line.Html, "    ");
                foreach (var note in quote.Notes)
                    Text(dump, $"note @{note.Line}", note.Text, note.Html, "    ");
            }
        }
        return dump.ToString();
    }

    private static void Field(StringBuilder dump, string name, string? value)
    {
        if (value is not null)
            dump.Append($"  {name}: {value}\n");
    }

    // Multi-line text continues on lines marked with '|'; the HTML is shown only where it differs from the text.
    private static void Text(StringBuilder dump, string head, string text, string? html, string indent)
    {
        dump.Append($"{indent}{head}: {text.Replace("\n", $"\n{indent}  | ", StringComparison.Ordinal)}\n");
        if (html is not null && html != text)
            dump.Append($"{indent}  html: {html.Replace("\n", "\\n", StringComparison.Ordinal)}\n");
    }
}
