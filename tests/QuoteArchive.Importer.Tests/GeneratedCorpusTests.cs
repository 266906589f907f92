using System.Security.Cryptography;
using QuoteArchive.Bench.Corpus;

namespace QuoteArchive.Importer.Tests;

/// <summary>
/// The benchmark corpus (bench/Corpus: random words, not quotations) is deterministic in every form it writes, so
/// that two benchmark runs measure the same input, and it imports as the real pages it imitates do: without a warning.
/// </summary>
public sealed class GeneratedCorpusTests
{
    private const int Count = 40;

    public static TheoryData<DumpCompression> Compressions() => [DumpCompression.None, DumpCompression.SingleStream, DumpCompression.Multistream];

    public static TheoryData<TopicFormat> Formats() => [TopicFormat.PageText, TopicFormat.Wikitext];

    [Theory]
    [MemberData(nameof(Compressions))]
    public void TheSameSeedWritesTheSameDumpAndAnotherSeedAnother(DumpCompression compression)
    {
        var first = Dump(compression, seed: 1);
        Assert.Equal(first, Dump(compression, seed: 1));
        Assert.NotEqual(first, Dump(compression, seed: 2));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void TheSameSeedWritesTheSameTopicFilesAndAnotherSeedOthers(TopicFormat format)
    {
        using var folder = new TemporaryFolder();
        var first = Files(folder, "a", format, seed: 1);
        Assert.Equal(Count, first.Count);
        Assert.Equal(first, Files(folder, "b", format, seed: 1));
        Assert.NotEqual(first, Files(folder, "c", format, seed: 2));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void GeneratedTopicsImportWithoutDiagnosticsAndSayTheyAreGenerated(TopicFormat format)
    {
        using var folder = new TemporaryFolder();
        var content = Path.Combine(folder.Path, "content");
        var quotes = TopicFiles.Write(content, Count, seed: 3, format);
        var diagnostics = new List<Diagnostic>();
        var summary = new ArchiveBuilder(new ImportOptions()).Build(content, Path.Combine(folder.Path, "archive.db"), diagnostics.Add);

        Assert.Empty(diagnostics);
        Assert.Equal(Count, summary.Topics);
        Assert.Equal(quotes, summary.Quotes);
        var mark = format == TopicFormat.PageText ? TopicFiles.PageTextMark : TopicFiles.WikitextMark;
        Assert.All(Directory.GetFiles(content), file => Assert.Contains(mark, File.ReadAllText(file), StringComparison.Ordinal));
    }

    [Fact]
    public void GeneratedTopicsHaveTheShapesOfTheSamples()
    {
        var topics = TopicGenerator.Generate(400, seed: 4).ToList();
        Assert.Equal(Enum.GetValues<TopicShape>().Order(), topics.Select(t => t.Shape).Distinct().Order());
        var items = topics.SelectMany(t => t.Sections).SelectMany(s => s.Items).ToList();
        Assert.Contains(items, i => i is Dialogue);
        Assert.Contains(items, i => i is Caption);
        Assert.Contains(items, i => i is BulletQuote { Lines.Count: > 1 });
        Assert.Contains(topics.SelectMany(t => t.Sections), s => s.IsList);
        // One page in ten in another script.
        var other = topics.Count(t => t.Sections.SelectMany(s => s.Items).OfType<BulletQuote>().Any(q => q.Lines[0][0] > 'ʯ'));
        Assert.InRange(other, 20, 80);
    }

    private static byte[] Dump(DumpCompression compression, int seed)
    {
        using var stream = new MemoryStream();
        DumpWriter.Write(stream, Count, seed, compression);
        return stream.ToArray();
    }

    /// <summary>Every file's name and the SHA-256 of its bytes, in name order.</summary>
    private static List<string> Files(TemporaryFolder folder, string name, TopicFormat format, int seed)
    {
        var path = Path.Combine(folder.Path, name);
        TopicFiles.Write(path, Count, seed, format);
        return Directory.GetFiles(path).Order(StringComparer.Ordinal)
            .Select(f => Path.GetFileName(f) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))).ToList();
    }
}
