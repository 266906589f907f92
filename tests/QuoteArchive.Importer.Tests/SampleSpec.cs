using System.Text.Json;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

/// <summary>A sample page (<c>Samples/*.txt</c>) and the structure its <c>*.expected.json</c> states (Samples/README.md).</summary>
public sealed record SampleSpec(string Name, string Language, string Title, string? Description, IReadOnlyList<string> Headings,
    IReadOnlyList<ExpectedSection> Sections)
{
    /// <summary>The lead's featured quote (first 40 characters, attribution), where the expected file states it.</summary>
    public (string First40, string Attribution)? Featured { get; init; }

    /// <summary>The wiki level of each heading of <see cref="Headings"/> (2 = top), as the expected file states it.</summary>
    public IReadOnlyList<int> HeadingLevels { get; init; } = [];

    /// <summary>Sister links (project, article), where the expected file states them.</summary>
    public IReadOnlyList<(string Project, string Article)>? SisterLinks { get; init; }

    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Samples");

    /// <summary>Every page of the folder, the seed included, as a theory's cases.</summary>
    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.txt").Order(StringComparer.Ordinal))
            names.Add(Path.GetFileNameWithoutExtension(path));
        return names;
    }

    public static SampleSpec Load(string name)
    {
        using var json = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(Folder, name + ".expected.json")));
        var root = json.RootElement;
        var sections = new List<ExpectedSection> { ReadSection(root.GetProperty("lead"), heading: null, quoteSection: true) };
        foreach (var section in root.GetProperty("sections").EnumerateArray())
            sections.Add(ReadSection(section, section.GetProperty("heading").GetString(), section.GetProperty("quote_section").GetBoolean()));
        var lead = root.GetProperty("lead");
        return new(name, root.GetProperty("language").GetString()!, root.GetProperty("title").GetString()!,
            root.GetProperty("description").GetString(),
            root.GetProperty("headings").EnumerateArray().Select(h => h.GetProperty("heading").GetString()!).ToList(), sections)
        {
            Featured = lead.TryGetProperty("featured", out var featured)
                ? (featured.GetProperty("first40").GetString()!, featured.GetProperty("attribution").GetString()!)
                : null,
            HeadingLevels = root.GetProperty("headings").EnumerateArray().Select(h => h.GetProperty("level").GetInt32()).ToList(),
            SisterLinks = root.TryGetProperty("sister_links", out var sisters)
                ? sisters.EnumerateArray().Select(l => (l.GetProperty("project").GetString()!, l.GetProperty("article").GetString()!)).ToList()
                : null,
        };
    }

    /// <summary>The page as the importer sees it: French pages sit in a language-code folder (<c>fr/…</c>).</summary>
    public ContentFile File()
    {
        var relative = Language == "en" ? Name + ".txt" : $"{Language}/{Name}.txt";
        var diagnostics = new List<Diagnostic>();
        var file = ContentFile.Decode(relative, System.IO.File.ReadAllBytes(Path.Combine(Folder, Name + ".txt")),
            ContentFile.LanguageOf(relative, "en"), diagnostics);
        Assert.Empty(diagnostics);
        return file!;
    }

    public (ParsedTopic Topic, List<Diagnostic> Diagnostics) Import()
    {
        var diagnostics = new List<Diagnostic>();
        var topic = PageTextParser.Parse(File(), new ImportOptions(), diagnostics);
        Assert.NotNull(topic);
        return (topic, diagnostics);
    }

    private static ExpectedSection ReadSection(JsonElement section, string? heading, bool quoteSection)
    {
        var quotes = section.GetProperty("quotes").EnumerateArray().Select(q => new ExpectedQuote(
            q.GetProperty("kind").GetString()!,
            q.GetProperty("first40").GetString()!,
            q.GetProperty("attribution").EnumerateArray()
                .Select(a => (Depth: a.GetProperty("level").GetInt32() - 1, Text: SampleText.Collapse(a.GetProperty("text").GetString()!))).ToList(),
            q.TryGetProperty("lines", out var lines) ? lines.EnumerateArray().Select(l => l.GetString()!).ToList() : [])).ToList();
        var items = section.GetProperty("other_items").EnumerateArray().Select(i => i.GetProperty("text").GetString()!).ToList();
        var links = section.TryGetProperty("links", out var labels) ? labels.EnumerateArray().Select(l => l.GetString()!).ToList() : null;
        var captions = section.TryGetProperty("captions_first40", out var shown) ? shown.EnumerateArray().Select(c => c.GetString()!).ToList() : [];
        return new(heading, quoteSection, quotes, items) { Links = links, Captions = captions };
    }
}

public sealed record ExpectedSection(string? Heading, bool QuoteSection, IReadOnlyList<ExpectedQuote> Quotes, IReadOnlyList<string> OtherItems)
{
    /// <summary>Labels of the section's link notes, where the expected file states them.</summary>
    public IReadOnlyList<string>? Links { get; init; }
    /// <summary>The first 40 characters of the section's image captions: a caption with <c>~</c> is a quote (FORMAT.md).</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];
}

/// <param name="Attribution">the nested bullets under the quote; README "level 2 = first nesting level" is depth 1 here</param>
public sealed record ExpectedQuote(string Kind, string First40, IReadOnlyList<(int Depth, string Text)> Attribution, IReadOnlyList<string> Lines);

public static class SampleText
{
    /// <summary>Samples/README.md: "white space (line breaks included) collapsed to single spaces".</summary>
    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
