using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

/// <summary>
/// FORMAT.md "Nothing is lost": "Every non-blank line of a content file ends up in the model as exactly one of: title,
/// description, lead, captioned or featured quote, heading, link note, section note, quote text, dialogue line,
/// attribution line, list item, sister link — or in a diagnostic that names the file and line."
/// </summary>
public sealed class NothingIsLostTests
{
    public static TheoryData<string> Samples => SampleSpec.Names();

    [Theory, MemberData(nameof(Samples))]
    public void EveryLineIsExactlyTheFragmentsStoredFromIt(string name)
    {
        var spec = SampleSpec.Load(name);
        var (topic, diagnostics) = spec.Import();
        var source = spec.File().Text.Split('\n');
        Assert.Empty(Lost(topic, source, diagnostics));
    }

    [Fact]
    public void ALineLeftOutIsFound()
    {
        // The check itself must be able to fail: drop one attribution line of the seed and it is missed.
        var spec = SampleSpec.Load("000_73c1ef86726e28fd");
        var (topic, diagnostics) = spec.Import();
        var quote = topic.Sections.SelectMany(s => s.Quotes).Single(q => q.Attribution.Count > 0 && !q.IsFeatured);
        var line = quote.Attribution[0].Line;
        quote.Attribution.Clear();

        Assert.Contains(Lost(topic, spec.File().Text.Split('\n'), diagnostics), lost => lost.StartsWith($"line {line}:", StringComparison.Ordinal));
    }

    /// <summary>Lines whose text differs from the fragments stored from them, each with what was found.</summary>
    public static List<string> Lost(ParsedTopic topic, string[] source, IReadOnlyList<Diagnostic> diagnostics)
    {
        var fragments = new Dictionary<int, List<string>>();
        void Add(int line, string text)
        {
            foreach (var (part, i) in text.Split('\n').Select((p, i) => (p, i)))
                (fragments.TryGetValue(line + i, out var list) ? list : fragments[line + i] = []).Add(part);
        }

        // Title and description carry no line: they are the first non-blank line and the paragraph after it.
        var nonBlank = Enumerable.Range(1, source.Length).Where(n => source[n - 1].Trim().Length > 0).ToList();
        Add(nonBlank[0], topic.Title);
        if (topic.Description is not null)
            Add(nonBlank[1], topic.Description);
        foreach (var paragraph in topic.Lead)
            Add(paragraph.Line, paragraph.Text);
        foreach (var section in topic.Sections)
        {
            if (section.Heading is not null)
                Add(section.Line, section.Heading);
            foreach (var link in section.Links)
                Add(link.Line, $"({link.Label})");
            foreach (var note in section.Notes)
                Add(note.Line, note.Text);
            foreach (var item in section.Items)
                Add(item.Line, item.Text);
            foreach (var quote in section.Quotes)
            {
                if (quote.Kind == QuoteKind.Dialogue)
                    foreach (var line in quote.DialogueLines)
                        Add(line.Line, $"{line.Speaker}: {line.Text}");
                else
                    Add(quote.Line, quote.Text);
                foreach (var line in quote.Attribution)
                    Add(line.Line, line.Text);
                foreach (var note in quote.Notes)
                    Add(note.Line, note.Text);
            }
        }

        // A sister link stands for its box line, and for the line under it when that line named the article.
        var covered = new HashSet<int>();
        foreach (var link in topic.SisterLinks)
        {
            var box = source[link.Line - 1];
            Assert.Contains(link.Project.Split(' ')[^1], box, StringComparison.Ordinal);
            covered.Add(link.Line);
            if (link.Line < source.Length && source[link.Line].Trim() == link.Article && !box.Contains(link.Article, StringComparison.Ordinal))
                covered.Add(link.Line + 1);
        }

        var lost = new List<string>();
        for (var n = 1; n <= source.Length; n++)
        {
            var text = source[n - 1].Trim();
            var found = fragments.TryGetValue(n, out var parts) ? string.Join(" ", parts) : null;
            if (covered.Contains(n))
            {
                if (found is not null)
                    lost.Add($"line {n}: a sister box also stored as '{found}'");
                continue;
            }
            // A blank line, or one holding only what the parser drops (a caption's lone "~").
            if (Bare(text).Length == 0 && found is null)
                continue;
            if (found is null && diagnostics.Any(d => d.Position.Line == n))
                continue;
            if (found is null || !Matches(text, found))
                lost.Add($"line {n}: '{text}' stored as '{found ?? "(nothing)"}'");
        }
        return lost;
    }

    /// <summary>
    /// The line's text equals its fragments but for what FORMAT.md has the parser drop: indentation, the bullet marker,
    /// a caption's <c>~</c> and its link residue <c>[ </c> <c> ]</c>, white space between fragments.
    /// </summary>
    private static bool Matches(string line, string fragments)
    {
        var stored = Bare(fragments);
        if (Bare(line) == stored)
            return true;
        return line.Length > 2 && line[1] == ' ' && line[0] is '•' or '*' or '-' or '·' && Bare(line[2..]) == stored;
    }

    private static string Bare(string s) => new(s.Where(c => !char.IsWhiteSpace(c) && c is not '~' and not '[' and not ']').ToArray());
}
