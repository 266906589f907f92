using CsCheck;
using Microsoft.Data.Sqlite;
using QuoteArchive.Importer.Tests.Markdown;

namespace QuoteArchive.Importer.Tests.Properties;

/// <summary>
/// Properties of the importer over generated page text, Markdown and wikitext, valid, mutated and random bytes: it
/// always returns, with work in proportion to the input; every non-blank line reaches the model or a diagnostic; quote
/// ids do not depend on order; and the same folder always makes the same archive.
/// </summary>
public sealed class ImporterPropertyTests
{
    // Work is counted as memory allocated, which does not depend on the machine's speed: the parsers allocate a few
    // hundred bytes per input byte, plus what setting up a parser costs. A parser that went quadratic on some input
    // would pass this bound on the inputs that make it so.
    private const long BytesPerInputByte = 2_000, BytesPerFile = 4_000_000;

    [Fact]
    public void EveryGeneratedFileImportsWithBoundedWorkAndLosesNoLine()
    {
        Property.ForAll(ContentGen.File, Property.Cases(1_000), file =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var (text, topic, diagnostics) = Import(file);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.True(allocated <= BytesPerFile + BytesPerInputByte * file.Bytes.Length,
                $"{allocated:N0} bytes allocated for {file.Bytes.Length:N0} bytes of input");
            Assert.True(topic is not null || diagnostics.Any(d => d.Severity == Severity.Error), "no topic and no error");
            if (topic is null)
                return;
            Assert.Empty(Unaccounted(file, text!, topic, diagnostics));
            HostileContentTests.AssertInert(topic);
            // The same bytes read again make the same model, diagnostics included.
            var (_, again, againDiagnostics) = Import(file);
            Assert.Equal(ModelDump.Of(topic, diagnostics), ModelDump.Of(again, againDiagnostics));
        });
    }

    [Fact]
    public void QuoteIdsDoNotDependOnTheOrderOfSectionsAndQuotes()
    {
        var pages = from extension in Gen.OneOf(ContentGen.Extensions)
                    from page in ContentGen.Page
                    from reordered in ContentGen.Reordered(page)
                    select (extension, page, reordered);
        Property.ForAll(pages, Property.Cases(300), c =>
        {
            var before = IdsByText(c.extension, c.page);
            var after = IdsByText(c.extension, c.reordered);

            Assert.Equal(c.page.Sections.Sum(s => s.Quotes.Count), before.Count);
            Assert.Equal(before, after);
        });
    }

    [Fact]
    public void ImportingTheSameFolderTwiceGivesTheSameArchive()
    {
        Property.ForAll(ContentGen.File.Array[1, 4], Property.Cases(25), files =>
        {
            using var folder = new TemporaryFolder();
            foreach (var (file, i) in files.Select((f, i) => (f, i)))
                File.WriteAllBytes(Path.Combine(folder.Path, $"{i}-{file.Name}"), file.Bytes);
            var first = Path.Combine(Path.GetDirectoryName(folder.Path)!, Path.GetFileName(folder.Path) + "-first.db");
            var second = Path.Combine(Path.GetDirectoryName(folder.Path)!, Path.GetFileName(folder.Path) + "-second.db");
            try
            {
                new ArchiveBuilder(new ImportOptions()).Build(folder.Path, first, _ => { });
                new ArchiveBuilder(new ImportOptions()).Build(folder.Path, second, _ => { });

                Assert.Equal(Rows(first), Rows(second));
            }
            finally
            {
                File.Delete(first);
                File.Delete(second);
            }
        });
    }

    private static (string? Text, ParsedTopic? Topic, List<Diagnostic> Diagnostics) Import(GeneratedFile file)
    {
        var diagnostics = new List<Diagnostic>();
        var content = ContentFile.Decode(file.Name, file.Bytes, "en", diagnostics);
        var topic = content is null ? null : ContentParser.Parse(content, new ImportOptions(), diagnostics);
        return (content?.Text, topic, diagnostics);
    }

    /// <summary>Each format's "nothing is lost" check, as its own tests make it on the sample pages.</summary>
    private static List<string> Unaccounted(GeneratedFile file, string text, ParsedTopic topic, List<Diagnostic> diagnostics) =>
        Path.GetExtension(file.Name) switch
        {
            ".txt" => NothingIsLostTests.Lost(topic, text.Split('\n'), diagnostics),
            ".md" => Markdown.NothingIsLostTests.Missing(file.Name, text, topic, diagnostics),
            // The wikitext reader counts what it could not place; the import reports the count as a warning. A page
            // written from a model places every line.
            _ => topic.UnreachedLines == 0 || file.Kind != "valid" ? [] : [$"{topic.UnreachedLines} lines unreached"],
        };

    private static Dictionary<string, string> IdsByText(string extension, PageModel page)
    {
        var file = new GeneratedFile("Generated" + extension, "valid", System.Text.Encoding.UTF8.GetBytes(ContentGen.Render(page, extension)));
        var (_, topic, _) = Import(file);
        return topic!.Quotes.ToDictionary(q => q.Text, q => q.Id);
    }

    /// <summary>Every row of every table, as text, but the time of the build.</summary>
    private static List<string> Rows(string archive)
    {
        using var connection = new SqliteConnection($"Data Source={archive};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                tables.Add(reader.GetString(0));
        }
        var rows = new List<string>();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var values = Enumerable.Range(0, reader.FieldCount).Where(i => !(table == "Builds" && reader.GetName(i) == "BuiltAt"))
                    .Select(i => $"{reader.GetName(i)}={reader.GetValue(i)}");
                rows.Add($"{table}: {string.Join(", ", values)}");
            }
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
