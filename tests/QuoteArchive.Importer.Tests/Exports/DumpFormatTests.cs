using System.Globalization;
using System.IO.Compression;
using System.Text;
using ICSharpCode.SharpZipLib.BZip2;
using Microsoft.Data.Sqlite;

namespace QuoteArchive.Importer.Tests.Exports;

/// <summary>A dump as Wikimedia stores it: plain, gzip, bzip2 in one stream or many; parsed on every core, in order.</summary>
public sealed class DumpFormatTests
{
    // A made-up dump of 300 articles and a redirect: enough pages for several parallel batches and many bzip2 streams.
    private static readonly string[] Pages = Enumerable.Range(1, 300).Select(Page)
        .Append("""<page><title>Topic one again</title><ns>0</ns><id>9001</id><redirect title="Topic 1" /><revision><id>9002</id><timestamp>2020-01-01T00:00:00Z</timestamp><text>#REDIRECT [[Topic 1]]</text></revision></page>""")
        .ToArray();

    private const string Head = """
        <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
          <siteinfo><base>https://en.wikiquote.org/wiki/Main_Page</base></siteinfo>
        """;

    private const string Tail = "</mediawiki>\n";

    private static string Page(int n) => $"""
          <page><title>Topic {n}</title><ns>0</ns><id>{n}</id><revision><id>{1000 + n}</id><timestamp>2024-01-01T00:00:00Z</timestamp><text xml:space="preserve">== Quotes ==
        * Made-up line {n}, the first of its page.
        ** Nobody, ''No Book {n}'' (2001)
        * Made-up line {n}, the second, with a [[Topic {n % 7 + 1}]] link.
        [[Category:Made-up pages {n % 3}]]</text></revision></page>
        """;

    public static TheoryData<string> Forms() => ["xml.gz", "xml.bz2", "multistream.xml.bz2"];

    [Theory]
    [MemberData(nameof(Forms))]
    public void EveryFormOfADumpGivesTheSameArchiveAsThePlainXml(string form)
    {
        using var folder = new TemporaryFolder();
        var plain = Build(folder, "plain", "dump.xml", Encoding.UTF8.GetBytes(Head + string.Concat(Pages) + Tail));
        var other = Build(folder, form, "dump." + form.Replace("multistream.", ""), form switch
        {
            "xml.gz" => Gzip(Head + string.Concat(Pages) + Tail),
            "xml.bz2" => Bzip2(Head + string.Concat(Pages) + Tail),
            _ => Multistream(),
        });

        Assert.Equal((300, 0, 1), (plain.Summary.Topics, plain.Summary.Errors, plain.Summary.Redirects));
        Assert.Equal(plain.Rows, other.Rows);
    }

    [Fact]
    public void ImportingTheSameDumpTwiceGivesTheSameArchiveWhateverTheThreadTiming()
    {
        using var folder = new TemporaryFolder();
        var first = Build(folder, "first", "dump.xml.bz2", Multistream());
        var second = Build(folder, "second", "dump.xml.bz2", Multistream());

        Assert.Equal(first.Rows, second.Rows);
        Assert.Equal(BuildId(Path.Combine(folder.Path, "first.db")), BuildId(Path.Combine(folder.Path, "second.db")));
    }

    [Fact]
    public void ADumpNamedOnItsOwnIsReadAsTheFolderThatHoldsIt()
    {
        using var folder = new TemporaryFolder();
        var inItsFolder = Build(folder, "folder", "dump.xml.bz2", Multistream());
        var dump = Path.Combine(folder.Path, "folder", "dump.xml.bz2");
        var target = Path.Combine(folder.Path, "named.db");

        var named = new ArchiveBuilder(new ImportOptions()).Build(dump, target, _ => { });
        var checkedOnly = new ArchiveBuilder(new ImportOptions()).Check(dump, _ => { });

        Assert.Equal((300, 1), (named.Topics, named.Redirects));
        Assert.Equal(inItsFolder.Rows, Rows(target));
        Assert.Equal(BuildId(Path.Combine(folder.Path, "folder.db")), BuildId(target));
        Assert.Equal((300, inItsFolder.Summary.Quotes, 0), (checkedOnly.Topics, checkedOnly.Quotes, checkedOnly.Errors));
    }

    public static TheoryData<string> Damages() => ["truncated bz2", "cut in a page", "invalid xml", "empty", "not bzip2", "not gzip"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void ADamagedDumpIsReportedWithItsPositionAndThePreviousArchiveStays(string damage)
    {
        using var folder = new TemporaryFolder();
        var content = Path.Combine(folder.Path, "content");
        var target = Path.Combine(folder.Path, "archive.db");
        var whole = Head + string.Concat(Pages) + Tail;
        var (file, good, damaged) = damage switch
        {
            "truncated bz2" => ("dump.xml.bz2", Multistream(), Multistream()[..(Multistream().Length * 2 / 3)]),
            "cut in a page" => ("dump.xml", Encoding.UTF8.GetBytes(whole), Encoding.UTF8.GetBytes(whole[..whole.IndexOf("Made-up line 150,", StringComparison.Ordinal)])),
            "invalid xml" => ("dump.xml", Encoding.UTF8.GetBytes(whole), Encoding.UTF8.GetBytes(whole.Replace("<title>Topic 200</title>", "<title>Topic 200</titel>"))),
            "not bzip2" => ("dump.xml.bz2", Multistream(), Encoding.UTF8.GetBytes(whole)),
            "not gzip" => ("dump.xml.gz", Gzip(whole), Encoding.UTF8.GetBytes(whole)),
            _ => ("dump.xml.gz", Gzip(whole), Gzip("")),
        };
        Directory.CreateDirectory(content);
        File.WriteAllBytes(Path.Combine(content, file), good);
        new ArchiveBuilder(new ImportOptions()).Build(content, target, _ => { });
        var before = File.ReadAllBytes(target);
        File.WriteAllBytes(Path.Combine(content, file), damaged);

        var reported = new List<Diagnostic>();
        var summary = new ArchiveBuilder(new ImportOptions()).Build(content, target, reported.Add);

        var error = Assert.Single(reported, d => d.Severity == Severity.Error);
        Assert.Equal(file, error.Position.File);
        Assert.True(error.Position.Line >= 1 && error.Position.Column >= 1, error.ToString());
        if (damage is not ("empty" or "not bzip2" or "not gzip"))
            Assert.True(error.Position.Line > 1, error.ToString());
        Assert.Equal([file], summary.DamagedExports);
        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.Equal(["archive.db", "content"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void CheckingADamagedDumpReportsItWithoutWritingAnything()
    {
        using var folder = new TemporaryFolder();
        var whole = Multistream();
        Directory.CreateDirectory(Path.Combine(folder.Path, "dump"));
        File.WriteAllBytes(Path.Combine(folder.Path, "dump", "dump.xml.bz2"), whole[..(whole.Length / 2)]);
        var reported = new List<Diagnostic>();

        var summary = new ArchiveBuilder(new ImportOptions()).Check(Path.Combine(folder.Path, "dump"), reported.Add);

        Assert.Single(reported, d => d.Severity == Severity.Error);
        Assert.Equal(["dump.xml.bz2"], summary.DamagedExports);
        Assert.Equal(["dump"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void ARedirectAnswersForItsTopicAndOneToAMissingPageIsReportedAndSkipped()
    {
        using var folder = new TemporaryFolder();
        var missing = """<page><title>Elsewhere</title><ns>0</ns><id>9003</id><redirect title="No such topic" /><revision><id>9004</id><timestamp>2020-01-01T00:00:00Z</timestamp><text>#REDIRECT [[No such topic]]</text></revision></page>""";
        var talk = """<page><title>Talk:Topic 1</title><ns>1</ns><id>9005</id><revision><id>9006</id><timestamp>2020-01-01T00:00:00Z</timestamp><text>* Is this line a quote? No: a talk page.</text></revision></page>""";
        var reported = new List<Diagnostic>();
        var built = Build(folder, "redirects", "dump.xml", Encoding.UTF8.GetBytes(Head + string.Concat(Pages) + missing + talk + Tail), reported.Add);

        Assert.Equal(1, built.Summary.Redirects);
        Assert.Equal(new Dictionary<string, int> { ["namespace 1"] = 1, ["redirect to no topic"] = 1 }, built.Summary.Skipped);
        Assert.Contains("skipped 2 pages (1 namespace 1, 1 redirect to no topic)", built.Summary.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(built.Rows, row => row.Contains("Talk", StringComparison.Ordinal) || row.Contains("talk page", StringComparison.Ordinal));
        Assert.Contains("Redirects: Topic_one_again|Topic one again|1|", built.Rows);
        Assert.Contains(reported, d => d.Severity == Severity.Warning && d.Message.Contains("'Elsewhere' names 'No such topic'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("#REDIRECT [[]]")]
    [InlineData("#REDIRECT")]
    [InlineData("#REDIRECT [[|a label]]")]
    public void ARedirectThatNamesNoPageIsReportedAndSkippedNotATopic(string text)
    {
        using var folder = new TemporaryFolder();
        var broken = $"""<page><title>Broken way</title><ns>0</ns><id>9201</id><revision><id>9202</id><timestamp>2020-01-01T00:00:00Z</timestamp><text>{text}</text></revision></page>""";
        var reported = new List<Diagnostic>();

        var built = Build(folder, "broken", "dump.xml", Encoding.UTF8.GetBytes(Head + string.Concat(Pages) + broken + Tail), reported.Add);

        Assert.DoesNotContain(built.Rows, row => row.Contains("Broken way", StringComparison.Ordinal) || row.Contains("REDIRECT", StringComparison.Ordinal));
        Assert.Equal(1, built.Summary.Skipped["broken redirect"]);
        Assert.Contains(reported, d => d.Severity == Severity.Warning && d.Message.StartsWith("a redirect that names no page it can read", StringComparison.Ordinal));
    }

    [Fact]
    public void ARedirectToASectionKeepsItsAnchorAndOneToARedirectLeadsWhereThatOneDoes()
    {
        using var folder = new TemporaryFolder();
        static string Redirect(string title, string target, int id) =>
            $"""<page><title>{title}</title><ns>0</ns><id>{id}</id><redirect title="{target}" /><revision><id>{id + 1}</id><timestamp>2020-01-01T00:00:00Z</timestamp><text>#REDIRECT [[{target}]]</text></revision></page>""";
        string[] redirects =
        [
            Redirect("Part of two", "Topic 2#Quotes", 9101), Redirect("Twice removed", "Part of two", 9103),
            Redirect("Again and again", "Topic one again", 9105), Redirect("Round one", "Round two", 9107), Redirect("Round two", "Round one", 9109),
            Redirect("In small letters", "topic 3#Quotes", 9111),
        ];
        var reported = new List<Diagnostic>();

        var built = Build(folder, "chains", "dump.xml", Encoding.UTF8.GetBytes(Head + string.Concat(Pages) + string.Concat(redirects) + Tail), reported.Add);

        Assert.Equal(5, built.Summary.Redirects);
        // MediaWiki capitalises a title's first letter: "topic 3" is Topic 3.
        Assert.Contains("Redirects: In_small_letters|In small letters|3|Quotes", built.Rows);
        Assert.Contains("Redirects: Part_of_two|Part of two|2|Quotes", built.Rows);
        Assert.Contains("Redirects: Twice_removed|Twice removed|2|Quotes", built.Rows);
        Assert.Contains("Redirects: Again_and_again|Again and again|1|", built.Rows);
        // A loop of redirects leads to no topic: both are reported and skipped.
        Assert.Equal(2, reported.Count(d => d.Message.Contains("which is no topic of this archive", StringComparison.Ordinal)));
    }

    private static (ImportSummary Summary, List<string> Rows) Build(TemporaryFolder folder, string name, string file, byte[] bytes,
        Action<Diagnostic>? report = null)
    {
        var content = Path.Combine(folder.Path, name);
        Directory.CreateDirectory(content);
        File.WriteAllBytes(Path.Combine(content, file), bytes);
        var target = Path.Combine(folder.Path, name + ".db");
        var summary = new ArchiveBuilder(new ImportOptions()).Build(content, target, report ?? (_ => { }));
        return (summary, Rows(target));
    }

    private static string BuildId(string archive)
    {
        using var connection = new SqliteConnection($"Data Source={archive};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT BuildId FROM Builds";
        return (string)command.ExecuteScalar()!;
    }

    // Every row of the tables that hold what was imported, as text (the build row carries its time and file names).
    private static List<string> Rows(string archive)
    {
        using var connection = new SqliteConnection($"Data Source={archive};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var rows = new List<string>();
        foreach (var table in new[] { "Topics", "Sections", "Quotes", "AttributionLines", "Categories", "Redirects", "Paragraphs", "ListItems" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var values = Enumerable.Range(0, reader.FieldCount)
                    .Where(i => reader.GetName(i) != "SourcePath")
                    .Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                rows.Add($"{table}: {string.Join('|', values)}");
            }
        }
        return rows;
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    private static byte[] Bzip2(string text)
    {
        using var output = new MemoryStream();
        using (var bzip2 = new BZip2OutputStream(output) { IsStreamOwner = false })
            bzip2.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    // As Wikimedia's multistream dumps: the head in a stream of its own, then 100 pages a stream, then the tail.
    private static byte[] Multistream() =>
        [.. Bzip2(Head), .. Pages.Chunk(100).SelectMany(chunk => Bzip2(string.Concat(chunk))), .. Bzip2(Tail)];
}

/// <summary>A long import says how far it has come.</summary>
public sealed class ImportProgressTests
{
    [Fact]
    public void TheProgressLineSaysTheRateAndTheTimeLeftThenEachStepAfterTheReading()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var reading = new ImportProgress(1_200, 45_000, 50_000_000, 200_000_000, TimeSpan.FromSeconds(10));
            Assert.Equal("1,200 pages, 45,000 quotes, 50.0 of 200.0 MB read, 120 pages/s, about 00:00:30 left", reading.ToString());
            Assert.Equal("writing indexes (1,200 pages, 45,000 quotes read in 10.0 s)", (reading with { Stage = "writing indexes" }).ToString());
            Assert.Null((reading with { BytesRead = 0 }).Remaining);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void ProgressCountsPagesAndQuotesAndTheBytesReadOfTheWhole()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/a.txt", "A\n\nQuotes\n\n  • One.\n\n  • Two.\n");
        folder.Write("content/b.txt", "B\n\nQuotes\n\n  • Three.\n");
        var seen = new List<ImportProgress>();
        var builder = new ArchiveBuilder(new ImportOptions()) { Progress = seen.Add, ProgressInterval = TimeSpan.Zero };

        builder.Build(Path.Combine(folder.Path, "content"), Path.Combine(folder.Path, "archive.db"), _ => { });

        var total = new FileInfo(Path.Combine(folder.Path, "content/a.txt")).Length + new FileInfo(Path.Combine(folder.Path, "content/b.txt")).Length;
        var reading = seen.Where(p => p.Stage is null).ToList();
        Assert.Equal([(1, 2), (2, 3)], reading.Select(p => (p.Pages, p.Quotes)));
        Assert.All(seen, p => Assert.Equal(total, p.TotalBytes));
        Assert.True(reading[^1].BytesRead >= reading[0].BytesRead && reading[0].BytesRead > 0, string.Join("; ", seen));
        // Then each step after the reading says when it starts, with what was read.
        var stages = seen.SkipWhile(p => p.Stage is null).ToList();
        Assert.All(stages, p => Assert.NotNull(p.Stage));
        Assert.Equal(["writing redirects", "linking topics and indexing authors", "writing indexes", "carrying old quote ids", "indexing names",
            "analyzing the indexes for the query planner", "merging the search index", "writing the archive to disk"], stages.Select(p => p.Stage));
        Assert.StartsWith("merging the search index (2 pages, 3 quotes read in ", stages[6].ToString());
    }
}

/// <summary>An import stopped half-way (Ctrl-C, SIGTERM) leaves the previous archive as it was, and no file of its own.</summary>
public sealed class StoppedImportTests
{
    // An archive built from one file, then a second file to import: what a stopped import must not change.
    private static (string Content, string Target, byte[] Before) ArchiveAndANewFile(TemporaryFolder folder)
    {
        folder.Write("content/a.txt", "A\n\nQuotes\n\n  • One.\n");
        var content = Path.Combine(folder.Path, "content");
        var target = Path.Combine(folder.Path, "archive.db");
        new ArchiveBuilder(new ImportOptions()).Build(content, target, _ => { });
        folder.Write("content/b.txt", "B\n\nQuotes\n\n  • Two.\n");
        return (content, target, File.ReadAllBytes(target));
    }

    [Fact]
    public void AStoppedImportLeavesThePreviousArchiveAndNoStrayFile()
    {
        using var folder = new TemporaryFolder();
        var (content, target, before) = ArchiveAndANewFile(folder);

        using var stopping = new CancellationTokenSource();
        var builder = new ArchiveBuilder(new ImportOptions()) { Stopping = stopping.Token, Progress = _ => stopping.Cancel(), ProgressInterval = TimeSpan.Zero };
        Assert.Throws<OperationCanceledException>(() => builder.Build(content, target, _ => { }));

        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.Equal(["archive.db"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    // Stopped in any of the steps after the reading (indexes, links, the search index, the move), just the same.
    [Theory]
    [InlineData("writing redirects")]
    [InlineData("linking topics and indexing authors")]
    [InlineData("writing indexes")]
    [InlineData("carrying old quote ids")]
    [InlineData("indexing names")]
    [InlineData("analyzing the indexes for the query planner")]
    [InlineData("merging the search index")]
    [InlineData("writing the archive to disk")]
    public void AnImportStoppedAfterTheReadingLeavesThePreviousArchive(string stage)
    {
        using var folder = new TemporaryFolder();
        var (content, target, before) = ArchiveAndANewFile(folder);

        using var stopping = new CancellationTokenSource();
        var stages = new List<string?>();
        var builder = new ArchiveBuilder(new ImportOptions())
        {
            Stopping = stopping.Token,
            Progress = progress =>
            {
                stages.Add(progress.Stage);
                if (progress.Stage == stage)
                    stopping.Cancel();
            },
            ProgressInterval = TimeSpan.FromHours(1),
        };
        Assert.Throws<OperationCanceledException>(() => builder.Build(content, target, _ => { }));

        Assert.Equal(stage, stages[^1]);
        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.Equal(["archive.db"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }
}
