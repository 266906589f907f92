using System.Text;
using CsCheck;

namespace QuoteArchive.Importer.Tests.Properties;

/// <summary>A page as the generators think of it: a title, sections of quotes, each quote with its attribution lines.</summary>
public sealed record PageModel(string Title, IReadOnlyList<SectionModel> Sections);

public sealed record SectionModel(string Heading, IReadOnlyList<QuoteModel> Quotes);

public sealed record QuoteModel(string Text, IReadOnlyList<string> Attribution);

/// <summary>One generated content file: its name (the extension chooses the parser) and its bytes.</summary>
public sealed record GeneratedFile(string Name, string Kind, byte[] Bytes)
{
    public override string ToString() => $"{Kind} {Name}: {System.Text.Json.JsonSerializer.Serialize(Encoding.UTF8.GetString(Bytes))}";
}

/// <summary>
/// Generators of content files in the three page formats: valid pages written from a <see cref="PageModel"/>, the same
/// pages mutated (pieces of each format's syntax and stray characters inserted, lines dropped, doubled and swapped),
/// and random bytes.
/// </summary>
public static class ContentGen
{
    public static readonly string[] Extensions = [".txt", ".md", ".wiki"];

    private static readonly string[] Words =
    [
        "love", "truth", "is", "the", "of", "a", "time", "we", "never", "know", "what", "heart", "reason", "Paris", "war",
        "peace", "l'amour", "café", "naïve", "Ünïcödé", "日本", "حب", "мир", "x", "42", "1999", "&", "<b>", "\"quoted\"",
    ];

    private static readonly Dictionary<string, string[]> Pieces = new()
    {
        [".txt"] = ["\n", "\n\n", "  ", "\t", "• ", "* ", "- ", "~", "(", ")", "See also", "Disputed", "Ann: ", "Wikipedia has an article about:", ".", ":"],
        [".md"] = ["\n", "\n\n", "  ", "- ", "* ", "1. ", "> ", "# ", "## ", "---\n", "```", "*", "_", "`", "[", "](", ")", "<", ">", "title: ", "&amp;"],
        [".wiki"] = ["\n", "\n\n", "* ", "** ", "# ", ": ", "; ", "== ", " ==", "{{", "}}", "[[", "]]", "|", "''", "'''", "<ref>", "</ref>",
            "<!--", "-->", "<poem>", "</poem>", "{{cite book|title=", "[[Category:", "[[fr:", "[https://x.org ", "]", "<nowiki>", "__NOTOC__"],
    };

    private static readonly Gen<string> Word = Gen.OneOf(Words);

    private static Gen<string> Phrase(int min, int max) => Word.Array[min, max].Select(words => string.Join(' ', words));

    private static readonly Gen<QuoteModel> Quote =
        Gen.Select(Phrase(2, 12), Phrase(1, 5).Array[0, 2], (text, attribution) => new QuoteModel(text, attribution));

    /// <summary>A page with unique quote texts and headings (a repeat would be told apart by occurrence, not by text).</summary>
    public static readonly Gen<PageModel> Page =
        Gen.Select(Phrase(1, 4), Gen.Select(Phrase(1, 3), Quote.Array[1, 6]).Array[1, 5], (title, sections) =>
        {
            var n = 0;
            return new PageModel("Topic " + title, [.. sections.Select((s, i) => new SectionModel($"Part {i + 1} {s.Item1}",
                [.. s.Item2.Select(q => q with { Text = $"Quote {++n} {q.Text}." })]))]);
        });

    /// <summary>The page in the syntax of the format of <paramref name="extension"/>.</summary>
    public static string Render(PageModel page, string extension)
    {
        var text = new StringBuilder();
        if (extension == ".txt")
            text.Append(page.Title).Append("\n\n");
        else if (extension == ".md")
            text.Append("---\ntitle: \"").Append(page.Title.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\"\n---\n\n");
        foreach (var section in page.Sections)
        {
            text.Append(extension switch { ".txt" => section.Heading + "\n\n", ".md" => $"## {section.Heading}\n\n", _ => $"== {section.Heading} ==\n" });
            foreach (var quote in section.Quotes)
            {
                text.Append(extension switch { ".txt" => "  • ", ".md" => "- ", _ => "* " }).Append(quote.Text).Append('\n');
                foreach (var line in quote.Attribution)
                    text.Append(extension switch { ".txt" => "    • ", ".md" => "  - ", _ => "** " }).Append(line).Append('\n');
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The same page with its sections, and the quotes in each, in another order.</summary>
    public static Gen<PageModel> Reordered(PageModel page) =>
        Gen.Int.Array[page.Sections.Count + page.Sections.Sum(s => s.Quotes.Count)].Select(keys =>
        {
            var next = 0;
            var sections = new List<(int Key, SectionModel Section)>();
            foreach (var section in page.Sections)
            {
                var key = keys[next++];
                var quotes = section.Quotes.Select(q => (Key: keys[next++], Quote: q)).ToList();
                sections.Add((key, section with { Quotes = [.. quotes.OrderBy(q => q.Key).Select(q => q.Quote)] }));
            }
            return page with { Sections = [.. sections.OrderBy(s => s.Key).Select(s => s.Section)] };
        });

    private static Gen<string> Mutated(string text, string extension) =>
        Gen.Select(Gen.Int[0, 3], Gen.Int, Gen.Int, Gen.OneOf(Pieces[extension]), Gen.Char).Array[1, 8].Select(mutations =>
        {
            var lines = text.Split('\n').ToList();
            foreach (var (kind, a, b, piece, c) in mutations)
            {
                var at = (int)((uint)a % (uint)Math.Max(lines.Count, 1));
                var other = (int)((uint)b % (uint)Math.Max(lines.Count, 1));
                var line = lines.Count == 0 ? "" : lines[at];
                var column = line.Length == 0 ? 0 : (int)((uint)b % (uint)line.Length);
                switch (kind)
                {
                    case 0 when lines.Count > 0:
                        lines[at] = line.Insert(column, piece);
                        break;
                    case 1 when lines.Count > 0:
                        lines[at] = line.Insert(column, c.ToString());
                        break;
                    case 2 when lines.Count > 1:
                        (lines[at], lines[other]) = (lines[other], lines[at]);
                        break;
                    case 3 when lines.Count > 0:
                        if (a % 2 == 0)
                            lines.RemoveAt(at);
                        else
                            lines.Insert(at, line);
                        break;
                }
            }
            return string.Join('\n', lines);
        });

    /// <summary>A content file of one of the formats: valid, mutated, or random bytes, one in three each.</summary>
    public static readonly Gen<GeneratedFile> File =
        Gen.OneOf(Extensions).SelectMany(extension => Gen.Int[0, 2].SelectMany(kind => kind switch
        {
            0 => Page.Select(page => new GeneratedFile("Generated" + extension, "valid", Encoding.UTF8.GetBytes(Render(page, extension)))),
            1 => Page.SelectMany(page => Mutated(Render(page, extension), extension))
                .Select(text => new GeneratedFile("Generated" + extension, "mutated", Encoding.UTF8.GetBytes(text))),
            _ => Gen.Byte.Array[0, 2000].Select(bytes => new GeneratedFile("Generated" + extension, "random", bytes)),
        }));
}
