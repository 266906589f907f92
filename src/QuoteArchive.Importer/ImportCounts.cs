using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer;

public sealed record ImportSummary(int Topics, int Sections, int Quotes, int Warnings, int Errors, TimeSpan Elapsed)
{
    /// <summary>Pages of exports and files that are no topic, by why: a redirect, another namespace, the main page.</summary>
    public IReadOnlyDictionary<string, int> Skipped { get; init; } = new Dictionary<string, int>();

    /// <summary>Redirect pages kept as other titles of their topics.</summary>
    public int Redirects { get; init; }

    /// <summary>Templates the wikitext reader does not know, by name, with how often they stood in the pages.</summary>
    public IReadOnlyDictionary<string, int> UnknownTemplates { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// The exports that could not be read to their end. An import with one writes nothing: the previous archive stays
    /// as it was, rather than losing every topic after the break (and every permalink to their quotes).
    /// </summary>
    public IReadOnlyList<string> DamagedExports { get; init; } = [];

    public override string ToString() =>
        $"imported {Topics} topics, {Sections} sections, {Quotes} quotes; {Warnings} warnings, {Errors} errors in {Elapsed.TotalSeconds:0.00} s"
        + (Redirects == 0 ? "" : $"; {Redirects} redirects")
        + (Skipped.Count == 0 ? "" : $"; skipped {Skipped.Values.Sum()} pages ({string.Join(", ", Skipped.OrderBy(s => s.Key).Select(s => $"{s.Value} {s.Key}"))})")
        + (DamagedExports.Count == 0 ? "" : $"; damaged: {string.Join(", ", DamagedExports)} (nothing written, the previous archive stays as it was)");

    /// <summary>The unknown templates, most used first: <c>unknown templates: cleanup ×2, en cours ×1</c>; null when none.</summary>
    public string? UnknownTemplateReport(int most = 50) => UnknownTemplates.Count == 0
        ? null
        : "unknown templates: " + string.Join(", ", UnknownTemplates.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(most).Select(t => $"{t.Key} ×{t.Value}")) + (UnknownTemplates.Count > most ? $" and {UnknownTemplates.Count - most} more" : "");
}

/// <summary>What an import has counted so far, and the diagnostics it keeps for the archive.</summary>
internal sealed class ImportCounts
{
    private int topics, sections, quotes, warnings, errors;
    private readonly Dictionary<string, int> skipped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> unknownTemplates = new(StringComparer.OrdinalIgnoreCase);

    public List<Diagnostic> Reported { get; } = [];

    public int Redirects { get; set; }

    public void Add(ParsedTopic topic)
    {
        topics++;
        sections += topic.Sections.Count;
        quotes += topic.Sections.Sum(s => s.Quotes.Count);
        foreach (var (name, count) in topic.UnknownTemplates)
            unknownTemplates[name] = unknownTemplates.GetValueOrDefault(name) + count;
    }

    public ImportProgress Progress(ContentReader reader, TimeSpan elapsed) => new(topics, quotes, reader.BytesRead, reader.TotalBytes, elapsed);

    public void Skip(string why) => skipped[why] = skipped.GetValueOrDefault(why) + 1;

    public void Report(Diagnostic diagnostic, Action<Diagnostic> report)
    {
        if (diagnostic.Severity == Severity.Error) errors++; else warnings++;
        // Kept for the web app's readiness report; bounded so a pathological folder cannot bloat the archive.
        if (Reported.Count < 10_000)
            Reported.Add(diagnostic);
        report(diagnostic);
    }

    public IReadOnlyList<string> DamagedExports { get; set; } = [];

    public ImportSummary Summary(TimeSpan elapsed) =>
        new(topics, sections, quotes, warnings, errors, elapsed) { Redirects = Redirects, DamagedExports = DamagedExports, Skipped = new Dictionary<string, int>(skipped), UnknownTemplates = new Dictionary<string, int>(unknownTemplates) };
}
