using System.Text;
using Markdig.Extensions.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace QuoteArchive.Importer.Markdown;

/// <summary>One front matter value with the 1-based file line it stands on.</summary>
internal readonly record struct FrontMatterValue(string Value, int Line, int Column);

/// <summary>
/// FORMAT.md: "Front matter (YAML between <c>---</c> lines) gives the topic fields; <c>title</c> is required (else the
/// first <c>#</c> heading, else the file name)." Read with a real YAML parser, so quoting and escapes mean what YAML says.
/// </summary>
internal sealed class FrontMatter
{
    public static readonly string[] Keys = ["title", "description", "source", "wikipedia", "license", "language"];

    private readonly Dictionary<string, FrontMatterValue> values = new(StringComparer.Ordinal);

    public FrontMatterValue? this[string key] => values.TryGetValue(key, out var value) ? value : null;

    /// <summary>The fields of the block; null (with an error) when the block is over a limit and the page is to be skipped.</summary>
    public static FrontMatter? Read(YamlFrontMatterBlock? block, string file, ImportLimits limits, List<Diagnostic> diagnostics)
    {
        var frontMatter = new FrontMatter();
        if (block is null)
            return frontMatter;

        // The block's lines are the YAML between the fences; YamlDotNet counts its lines from 1.
        var firstLine = block.Line + 2;
        var lines = (block.Lines.Lines ?? []).Take(block.Lines.Count).Select(line => line.Slice.ToString()).ToList();
        var yaml = string.Join('\n', lines);
        // Both limits are checked before the YAML parser runs: it is the parser that a hostile page would overflow.
        if (Encoding.UTF8.GetByteCount(yaml) is var bytes && bytes > limits.MaxFrontMatterBytes)
        {
            diagnostics.Add(ImportLimits.Over(new(file, firstLine), $"front matter of {ImportLimits.Number(bytes)} bytes", limits.MaxFrontMatterBytes, "bytes",
                "--max-front-matter-size"));
            return null;
        }
        if (FrontMatterDepth.FirstBeyond(lines, limits.MaxFrontMatterDepth) is var (deepLine, deepColumn))
        {
            diagnostics.Add(ImportLimits.Over(new(file, firstLine + deepLine, deepColumn + 1), "front matter nested deeper", limits.MaxFrontMatterDepth,
                "levels", "--max-front-matter-depth"));
            return null;
        }
        YamlStream stream = [];
        try
        {
            stream.Load(new StringReader(yaml));
        }
        // YamlDotNet reports most slips as YamlException, some (an unclosed "[" before another line) as an invalid operation.
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            var (line, column) = ex is YamlException slip ? ((int)slip.Start.Line, (int)slip.Start.Column) : (1, 1);
            diagnostics.Add(new(new(file, firstLine + line - 1, column), Severity.Warning,
                $"front matter is not valid YAML ({FirstLine(ex.Message)}): it is ignored"));
            return frontMatter;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return frontMatter;
        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            diagnostics.Add(new(new(file, firstLine), Severity.Warning, "front matter is not a list of 'key: value' lines: it is ignored"));
            return frontMatter;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var line = firstLine + (int)keyNode.Start.Line - 1;
            var column = (int)keyNode.Start.Column;
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!Keys.Contains(key, StringComparer.Ordinal))
            {
                diagnostics.Add(new(new(file, line, column), Severity.Warning,
                    $"unknown front matter key '{key}': ignored (known keys: {string.Join(", ", Keys)})"));
                continue;
            }
            if (valueNode is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
            {
                diagnostics.Add(new(new(file, line, column), Severity.Warning, $"front matter '{key}' needs one line of text: ignored"));
                continue;
            }
            // A folded or literal block may span lines; every field is one line of text.
            frontMatter.values[key] = new(string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), line, column);
        }
        return frontMatter;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
