using QuoteArchive.Importer.Topics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

/// <summary>Old quote ids across re-imports: an edited quote's old id names its new one, a removed quote's its topic.</summary>
public sealed class QuoteIdHistoryTests
{
    // Synthetic sentences: the importer only cares that they are quotes of one topic.
    private const string Edited1 = "This first sample sentence is long enough to be edited by a later import.";
    private const string Edited2 = "This first sample sentence, long enough to be edited by a later import.";
    private const string Edited3 = "This first sample sentence, long enough to be edited by later imports!";
    private const string Removed = "This second sample sentence goes away in the second import of the topic.";
    private const string Kept = "This third sample sentence stays as it is through every import.";
    private const string Rewritten = "Nothing of the fourth sample sentence survives the second import.";
    private const string Replacement = "An entirely different sentence takes its place in the topic.";

    [Fact]
    public void EditedAndRemovedQuotesKeepTheirOldIdsThroughEveryReimport()
    {
        using var folder = new TemporaryFolder();
        var target = Path.Combine(folder.Path, "archive.db");
        Import(folder, target, Edited1, Removed, Kept, Rewritten);
        Import(folder, target, Edited2, Kept, Replacement);
        Import(folder, target, Edited3, Kept, Replacement);

        var history = ReadHistory(target);
        Assert.Equal(Id(Edited3), history[Id(Edited1)].NewId);
        Assert.Equal(Id(Edited3), history[Id(Edited2)].NewId);
        Assert.Null(history[Id(Removed)].NewId);
        Assert.Null(history[Id(Rewritten)].NewId);
        Assert.Equal(("Sample", "Sample"), (history[Id(Removed)].TopicSlug, history[Id(Removed)].TopicTitle));
        Assert.False(history.ContainsKey(Id(Kept)), "a quote still served has no history");
        Assert.Equal(4, history.Count);
    }

    // A damaged archive in the way: imported over all the same, with a warning that its old links are lost.
    [Fact]
    public void ADamagedPreviousArchiveIsReplacedWithAWarningThatItsHistoryIsLost()
    {
        using var folder = new TemporaryFolder();
        var target = Path.Combine(folder.Path, "archive.db");
        File.WriteAllBytes(target, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7919 % 251)).ToArray());
        folder.Write("content/Sample.txt", "Sample\n\nQuotes\n\n  • " + Kept + "\n");
        var reported = new List<Diagnostic>();

        var summary = new ArchiveBuilder(new ImportOptions()).Build(Path.Combine(folder.Path, "content"), target, reported.Add);

        var warning = Assert.Single(reported);
        Assert.Equal((target, Severity.Warning), (warning.Position.File, warning.Severity));
        Assert.Contains("cannot be read", warning.Message, StringComparison.Ordinal);
        Assert.Equal(1, summary.Quotes);
        Assert.Empty(ReadHistory(target));
    }

    [Fact]
    public void TheIdOfARepeatThatIsGoneNamesTheQuoteWithTheSameWords()
    {
        // A caption repeating a listed quote had an id of its own (its occurrence); folded into the quote, its id goes
        // to the one quote with those words, even though that quote was there before.
        using var folder = new TemporaryFolder();
        var target = Path.Combine(folder.Path, "archive.db");
        Import(folder, target, Kept, Removed, Kept);
        Import(folder, target, Removed, Kept);

        var history = ReadHistory(target);
        var entry = Assert.Single(history.Values);
        Assert.Equal((QuoteIds.Create("Sample", Kept, 2), Id(Kept)), (entry.OldId, entry.NewId));
    }

    [Fact]
    public void AQuoteThatComesBackLeavesTheHistory()
    {
        using var folder = new TemporaryFolder();
        var target = Path.Combine(folder.Path, "archive.db");
        Import(folder, target, Removed, Kept);
        Import(folder, target, Kept);
        Import(folder, target, Removed, Kept);

        Assert.Empty(ReadHistory(target));
    }

    [Theory]
    [InlineData("One two three four five six seven eight nine ten.", "One, two, three: four five six seven eight nine ten!", 0)]
    [InlineData("One two three four five six seven eight nine ten.", "One two three four five six seven eight nine.", 1)]
    [InlineData("One two three four five six seven eight nine ten.", "Ten nine eight seven six five four three two one.", 3)]
    public void WordDistanceIgnoresPunctuationAndCase(string a, string b, int expected)
    {
        var (x, y) = (QuoteWords.Of(a), QuoteWords.Of(b));
        Assert.Equal(expected, QuoteIdHistoryBuilder.WordDistance(x, y, limit: 2) is var d && d > 2 ? 3 : d);
    }

    private static string Id(string text) => QuoteIds.Create("Sample", text);

    private static void Import(TemporaryFolder folder, string target, params string[] quotes)
    {
        var content = Path.Combine(folder.Path, "content-" + Guid.NewGuid().ToString("N"));
        folder.Write(Path.GetRelativePath(folder.Path, Path.Combine(content, "Sample.txt")),
            "Sample\n\nQuotes\n\n" + string.Concat(quotes.Select(q => $"  • {q}\n\n")));
        new ArchiveBuilder(new ImportOptions()).Build(content, target, _ => { });
    }

    private static Dictionary<string, QuoteIdHistory> ReadHistory(string target)
    {
        using var context = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>()
            .UseSqlite(ArchiveDbContext.ReadOnlyConnectionString(target)).Options);
        var history = context.QuoteIdHistory.AsNoTracking().ToDictionary(h => h.OldId);
        SqliteConnection.ClearAllPools();
        return history;
    }
}
