using System.Net;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using QuoteArchive.Importer;
using QuoteArchive.Importer.Markdown;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests.Markdown;

/// <summary>
/// FORMAT.md "Nothing is lost": every non-blank line ends up in the model or in a diagnostic. For Markdown the check
/// reads the page with Markdig on its own, then asks of every non-blank line that it is markup only (a fence, a rule,
/// a bare list marker) or that the words Markdig found on it are words of the imported model, counted with multiplicity.
/// </summary>
public sealed class NothingIsLostTests
{
    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(MarkdownSpecTests.SpecFolder, "*.md").Order(StringComparer.Ordinal))
            pages.Add(Path.Combine("Specs", Path.GetFileName(path)));
        foreach (var path in Directory.EnumerateFiles(ContentFolder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                pages.Add(Path.GetRelativePath(ContentFolder, path));
        }
        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryNonBlankLineIsAccountedFor(string page)
    {
        var path = page.StartsWith("Specs", StringComparison.Ordinal)
            ? Path.Combine(MarkdownSpecTests.SpecFolder, Path.GetFileName(page))
            : Path.Combine(ContentFolder, page);
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        var (topic, diagnostics) = MarkdownImport.Parse(page, File.ReadAllBytes(path));
        Assert.NotNull(topic);

        var missing = Missing(page, text, topic, diagnostics);
        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    /// <summary>The words and lines of the page (its text with <c>\n</c> line ends) that reached neither the model nor a diagnostic.</summary>
    public static List<string> Missing(string page, string text, ParsedTopic topic, List<Diagnostic> diagnostics)
    {
        var model = ModelWords(topic, diagnostics);
        var document = Markdig.Markdown.Parse(text, InlineMarkdown.Pipeline);
        var lineStarts = LineStarts(text);
        var covered = new HashSet<int>();
        var missing = new List<string>();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            var (first, last) = (LineOf(lineStarts, leaf.Span.Start), LineOf(lineStarts, BlockText.End(leaf)));
            for (var line = first; line <= last; line++)
                covered.Add(line);
            if (leaf is YamlFrontMatterBlock or LinkReferenceDefinition)
                continue;
            var words = leaf.Inline is not null
                ? Words(InlineRenderer.PlainText(leaf.Inline))
                : Words(string.Join('\n', (leaf.Lines.Lines ?? []).Take(leaf.Lines.Count).Select(l => l.Slice.ToString())));
            // The dash that marks a block quote's attribution line is markup, as a bullet marker is.
            foreach (var word in words.Where(w => w is not ("—" or "~")))
            {
                if (!Take(model, word))
                    missing.Add($"{page}:{first}: '{word}' is not in the model");
            }
        }
        var lines = text.Split('\n');
        for (var line = 1; line <= lines.Length; line++)
        {
            if (!covered.Contains(line) && !MarkupOnly(lines[line - 1]))
                missing.Add($"{page}:{line}: the line is in no block: {lines[line - 1]}");
        }
        return missing;
    }

    public static string ContentFolder => FindUp("content");

    private static Dictionary<string, int> ModelWords(ParsedTopic topic, List<Diagnostic> diagnostics)
    {
        var texts = new List<string?> { topic.Title, topic.Description };
        texts.AddRange(topic.SisterLinks.Select(s => s.Article));
        texts.AddRange(topic.Lead.Select(p => p.Text));
        foreach (var section in topic.Sections)
        {
            texts.Add(section.Heading);
            texts.AddRange(section.Links.Select(l => l.Label));
            texts.AddRange(section.Notes.Select(n => n.Text));
            texts.AddRange(section.Items.Select(i => i.Text));
            texts.AddRange(section.Quotes.Select(q => q.Text));
            texts.AddRange(section.Quotes.SelectMany(q => q.Attribution).Select(a => a.Text));
        }
        texts.AddRange(diagnostics.Select(d => d.Message));
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in texts.SelectMany(t => Words(t ?? "")))
            words[word] = words.GetValueOrDefault(word) + 1;
        return words;
    }

    private static bool Take(Dictionary<string, int> words, string word)
    {
        if (words.GetValueOrDefault(word) == 0)
            return false;
        words[word]--;
        return true;
    }

    // A block the format does not name is kept as written, markers and entities too (">quote", "&amp;"): a marker is no
    // word of its own, and an entity is the character Markdig reads it as.
    private static IEnumerable<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => WebUtility.HtmlDecode(w).TrimStart('>')).Where(w => w.Length > 0);

    // Lines that carry no words of their own: fences, rules, bare list markers and block quote markers.
    private static bool MarkupOnly(string line) => line.Trim().All(c => " >*+-#=`~_.)0123456789".Contains(c));

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
                starts.Add(i + 1);
        }
        return starts;
    }

    private static int LineOf(List<int> starts, int offset)
    {
        var index = starts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private static string FindUp(string folder)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, folder);
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "QuoteArchive.sln")))
                return candidate;
        }
        throw new DirectoryNotFoundException($"no {folder}/ folder above {AppContext.BaseDirectory}");
    }
}
