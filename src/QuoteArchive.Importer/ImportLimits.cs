using System.Globalization;
using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer;

/// <summary>
/// How much one content file (or one page of an export) may hold. Content comes from files nobody checked: past a
/// limit the file is reported and skipped whole, before the construct that would cost too much is read.
/// </summary>
public sealed record ImportLimits
{
    /// <summary>Bytes of one page file, or of one page's text in an export (an export as a whole streams: exempt).</summary>
    public long MaxFileBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Characters of one line.</summary>
    public int MaxLineLength { get; init; } = 100_000;

    /// <summary>Levels of a list: a quote is level 1, its attribution line level 2 …</summary>
    public int MaxListDepth { get; init; } = 32;

    /// <summary>Bytes of a Markdown page's front matter, checked before the YAML parser reads it.</summary>
    public int MaxFrontMatterBytes { get; init; } = 64 * 1024;

    /// <summary>Levels of collections inside collections in front matter, checked before the YAML parser reads it.</summary>
    public int MaxFrontMatterDepth { get; init; } = 16;

    public int MaxQuotesPerTopic { get; init; } = 10_000;

    // The YAML parser recurses once per level: past a few thousand it overflows the stack, which no catch survives.
    private const int DeepestFrontMatterTheParserSurvives = 1_000;

    /// <summary>The limits as the archive records them: other limits may import other files.</summary>
    public string Fingerprint => string.Create(CultureInfo.InvariantCulture,
        $"max-file-size={MaxFileBytes} max-line-length={MaxLineLength} max-list-depth={MaxListDepth} " +
        $"max-front-matter-size={MaxFrontMatterBytes} max-front-matter-depth={MaxFrontMatterDepth} max-quotes-per-topic={MaxQuotesPerTopic}");

    /// <summary>Null when every limit is usable, else what is wrong.</summary>
    public string? Problem() =>
        MaxFileBytes < 1 || MaxLineLength < 1 || MaxListDepth < 1 || MaxFrontMatterBytes < 1 || MaxFrontMatterDepth < 1 || MaxQuotesPerTopic < 1
            ? "every limit must be at least 1"
        : MaxFrontMatterDepth > DeepestFrontMatterTheParserSurvives
            ? $"a front matter depth of {MaxFrontMatterDepth} is more than the YAML parser survives ({DeepestFrontMatterTheParserSurvives})"
        : null;

    /// <summary>False (with an error) when a file or page of <paramref name="bytes"/> is over the size limit.</summary>
    public bool TryCheckSize(long bytes, string relativePath, int line, List<Diagnostic> diagnostics)
    {
        if (bytes <= MaxFileBytes)
            return true;
        diagnostics.Add(Over(new(relativePath, line), $"{Number(bytes)} bytes", MaxFileBytes, "bytes", "--max-file-size"));
        return false;
    }

    /// <summary>False (with an error at the first character past the limit) when a line of the text is too long.</summary>
    /// <param name="firstLine">the file line of the text's first line (a page inside an export starts further down)</param>
    public bool TryCheckLines(ContentFile file, int firstLine, List<Diagnostic> diagnostics)
    {
        var line = firstLine;
        foreach (var range in file.Text.AsSpan().Split('\n'))
        {
            var length = range.End.GetOffset(file.Text.Length) - range.Start.GetOffset(file.Text.Length);
            if (length > MaxLineLength)
            {
                diagnostics.Add(Over(new(file.RelativePath, line, MaxLineLength + 1), $"a line of {Number(length)} characters",
                    MaxLineLength, "characters", "--max-line-length"));
                return false;
            }
            line++;
        }
        return true;
    }

    /// <summary>False (with an error) when the parsed topic nests its lists too deeply or holds too many quotes.</summary>
    public bool TryCheckTopic(ParsedTopic topic, List<Diagnostic> diagnostics)
    {
        var quotes = 0;
        foreach (var quote in topic.Quotes)
        {
            if (++quotes > MaxQuotesPerTopic)
            {
                diagnostics.Add(Over(new(topic.SourcePath, quote.Line), $"quote {Number(quotes)}", MaxQuotesPerTopic, "quotes", "--max-quotes-per-topic"));
                return false;
            }
        }
        // A quote is level 1 and its attribution lines are one level deeper; a list item's depth counts from 1.
        var deepest = topic.Quotes.SelectMany(q => q.Attribution).Select(a => (Depth: a.Depth + 1, a.Line))
            .Concat(topic.Sections.SelectMany(s => s.Items).Select(i => (i.Depth, i.Line)))
            .Where(level => level.Depth > MaxListDepth)
            .Select(level => ((int Depth, int Line)?)level)
            .FirstOrDefault();
        if (deepest is { } found)
        {
            diagnostics.Add(Over(new(topic.SourcePath, found.Line), $"a list {found.Depth} levels deep", MaxListDepth, "levels", "--max-list-depth"));
            return false;
        }
        return true;
    }

    /// <summary>The one wording of every limit's error: what was found, the limit, and the option that sets it.</summary>
    internal static Diagnostic Over(SourcePosition position, string found, long limit, string unit, string option) =>
        new(position, Severity.Error, $"{found}: more than the limit of {Number(limit)} {unit} ({option}); skipped");

    internal static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
