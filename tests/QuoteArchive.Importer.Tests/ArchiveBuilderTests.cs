using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

/// <summary>The archive file: real SQLite, swapped in whole, readable on a read-only mount; and the command line.</summary>
public sealed class ArchiveBuilderTests
{
    [Fact]
    public void BuildWritesARealArchiveOfEverySample()
    {
        using var folder = new TemporaryFolder();
        var target = Path.Combine(folder.Path, "data", "archive.db");

        var summary = new ArchiveBuilder(new ImportOptions()).Build(SampleSpec.Folder, target, _ => { });

        Assert.Equal((10, 0), (summary.Topics, summary.Errors));
        using var context = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>()
            .UseSqlite(ArchiveDbContext.ReadOnlyConnectionString(target)).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options);
        Assert.Equal(10, context.Topics.Count());
        Assert.Equal(summary.Quotes, context.Quotes.Count());
        var seed = context.Topics.Include(t => t.Lead).Include(t => t.SisterLinks).Include(t => t.Sections).ThenInclude(s => s.Links)
            .Single(t => t.Slug == "China–Russia_relations");
        Assert.Equal("bilateral relations between China and Russia", seed.Description);
        Assert.Equal(["top", "Joint_Statement_of_the_Russian_Federation_and_the_People’s_Republic_of_China_on_the_International_Relations_Entering_a_New_Era_and_the_Global_Sustainable_Development,_February_4,_2022", "Quotes_about"],
            seed.Sections.OrderBy(s => s.Position).Select(s => s.Anchor));
        Assert.Equal("Full text", seed.Sections.SelectMany(s => s.Links).Single().Label);
        Assert.Equal("Wikipedia", seed.SisterLinks.Single().Project);
        var westad = context.Quotes.Include(q => q.Attribution).Single(q => q.Author == "Odd Arne Westad");
        Assert.Equal((QuoteStatus.About, "2017"), (westad.Status, westad.Year));
        Assert.Equal("Odd Arne Westad, The Cold War: A World History (2017)", westad.Attribution.Single().Text);
        Assert.Equal(1, context.Quotes.Count(q => q.TopicId == seed.Id && q.IsFeatured));
        Assert.Equal(summary.Quotes, context.Builds.Single().Quotes);
        Assert.Equal(["archive.db"], Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
    }

    [Fact]
    public void ArchiveIsInRollbackJournalModeForReadOnlyMounts()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/a.txt", "A\n\nQuotes\n\n  • One.\n");
        var target = Path.Combine(folder.Path, "archive.db");

        new ArchiveBuilder(new ImportOptions()).Build(Path.Combine(folder.Path, "content"), target, _ => { });

        using var connection = new SqliteConnection(ArchiveDbContext.ReadOnlyConnectionString(target));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("delete", command.ExecuteScalar());
    }

    [Fact]
    public void AFailedBuildLeavesThePreviousArchiveByteIdentical()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/a.txt", "A\n\nQuotes\n\n  • One.\n");
        var content = Path.Combine(folder.Path, "content");
        var target = Path.Combine(folder.Path, "archive.db");
        var builder = new ArchiveBuilder(new ImportOptions());
        builder.Build(content, target, _ => { });
        var before = File.ReadAllBytes(target);

        // A failure mid-way: the second file's diagnostic reaches a reporter that throws.
        folder.Write("content/b.txt", "B\n\nQuotes\n\n* Two.\n");
        Assert.Throws<IOException>(() => builder.Build(content, target, _ => throw new IOException("disk full")));

        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.Equal(["archive.db"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void CheckWritesNothing()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/a.txt", "A\n\nQuotes\n\n  • One.\n");
        var before = Directory.GetFileSystemEntries(folder.Path, "*", SearchOption.AllDirectories).Order().ToList();

        Assert.Equal(0, RunImporter("--check", Path.Combine(folder.Path, "content")));

        Assert.Equal(before, Directory.GetFileSystemEntries(folder.Path, "*", SearchOption.AllDirectories).Order().ToList());
    }

    [Fact]
    public void CommandLineExitsWithZeroOneOrTwo()
    {
        using var folder = new TemporaryFolder();
        folder.Write("good/a.txt", "A\n\nQuotes\n\n  • One.\n");
        folder.Write("bad/a.txt", "A\n\nQuotes\n\n  • One.\n");
        folder.Write("bad/b.txt", "");
        string In(string relative) => Path.Combine(folder.Path, relative);

        Assert.Equal(0, RunImporter(In("good"), In("good.db")));
        Assert.True(File.Exists(In("good.db")));
        Assert.Equal(1, RunImporter(In("bad"), In("bad.db")));
        Assert.Equal(1, RunImporter("--check", In("bad")));
        Assert.Equal(2, RunImporter());
        Assert.Equal(2, RunImporter(In("good")));
        Assert.Equal(2, RunImporter(In("missing"), In("missing.db")));
        Assert.Equal(2, RunImporter("--check", In("good"), In("extra.db")));
        Assert.Equal(2, RunImporter("--frobnicate", In("good"), In("x.db")));
        Assert.False(File.Exists(In("missing.db")));
    }

    // An empty folder would replace a whole archive with an empty one: refused, and the archive kept.
    [Fact]
    public void AFolderWithNoContentFileIsRefusedAndTheArchiveKept()
    {
        using var folder = new TemporaryFolder();
        folder.Write("good/a.txt", "A\n\nQuotes\n\n  • One.\n");
        folder.Write("empty/notes.log", "not content");
        string In(string relative) => Path.Combine(folder.Path, relative);
        Assert.Equal(0, RunImporter(In("good"), In("archive.db")));
        var before = File.ReadAllBytes(In("archive.db"));

        Assert.Equal(2, RunImporter(In("empty"), In("archive.db")));
        Assert.Equal(2, RunImporter("--check", In("empty")));
        Assert.Equal(before, File.ReadAllBytes(In("archive.db")));
    }

    // A place the archive cannot be written to is said in one line, with status 1, not a crash.
    [Fact]
    public void AnArchivePathThatCannotBeWrittenIsAnErrorNotACrash()
    {
        using var folder = new TemporaryFolder();
        folder.Write("good/a.txt", "A\n\nQuotes\n\n  • One.\n");
        folder.Write("a-file", "");
        string In(string relative) => Path.Combine(folder.Path, relative);
        var error = new StringWriter();
        var standardError = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(1, RunImporter(In("good"), Path.Combine(In("a-file"), "archive.db")));
        }
        finally
        {
            Console.SetError(standardError);
        }
        Assert.Contains("error: the archive cannot be written there", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The importer's own <c>Main</c>, as <c>dotnet run --project src/QuoteArchive.Importer -- …</c> runs it.</summary>
    private static int RunImporter(params string[] args) =>
        (int)typeof(ArchiveBuilder).Assembly.EntryPoint!.Invoke(null, [args])!;
}

public sealed class ArchiveFreshnessTests
{
    [Fact]
    public void FreshArchiveIsUpToDateUntilAContentFileChanges()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/a.txt", "A\n\nQuotes\n\n  • One.\n");
        var content = Path.Combine(folder.Path, "content");
        var target = Path.Combine(folder.Path, "archive.db");
        Assert.False(new ArchiveBuilder(new ImportOptions()).IsUpToDate(content, target));

        new ArchiveBuilder(new ImportOptions()).Build(content, target, _ => { });
        Assert.True(new ArchiveBuilder(new ImportOptions()).IsUpToDate(content, target));
        Assert.Equal(ArchiveSchema.Version, ArchiveSchema.ReadVersion(target));

        File.SetLastWriteTimeUtc(Path.Combine(content, "a.txt"), File.GetLastWriteTimeUtc(target).AddMinutes(1));
        Assert.False(new ArchiveBuilder(new ImportOptions()).IsUpToDate(content, target));
    }

    [Theory]
    [InlineData("PRAGMA user_version = 1")]
    [InlineData("DROP TABLE Manifest")]
    public void ArchiveBuiltWithAnotherSchemaOrWithoutAManifestIsNotUpToDate(string change)
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/a.txt", "A\n\nQuotes\n\n  • One.\n");
        var content = Path.Combine(folder.Path, "content");
        var target = Path.Combine(folder.Path, "archive.db");
        new ArchiveBuilder(new ImportOptions()).Build(content, target, _ => { });

        using (var connection = new SqliteConnection($"Data Source={target};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = change;
            command.ExecuteNonQuery();
        }

        Assert.False(new ArchiveBuilder(new ImportOptions()).IsUpToDate(content, target));
    }

    [Fact]
    public void FileThatIsNoArchiveIsNotUpToDate()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/a.txt", "A\n\nQuotes\n\n  • One.\n");
        folder.Write("archive.db", "not a database");

        Assert.Null(ArchiveSchema.ReadVersion(Path.Combine(folder.Path, "archive.db")));
        Assert.False(new ArchiveBuilder(new ImportOptions()).IsUpToDate(Path.Combine(folder.Path, "content"), Path.Combine(folder.Path, "archive.db")));
    }
}

public sealed class AbandonedBuildTests
{
    [Fact]
    public void BuildRemovesWhatAKilledImportLeftButNotAFreshBuildOfAnotherProcess()
    {
        using var folder = new TemporaryFolder();
        folder.Write("content/a.txt", "A\n\nQuotes\n\n  • One.\n");
        var abandoned = Path.Combine(folder.Path, ".archive.db.0123456789abcdef.tmp");
        var running = Path.Combine(folder.Path, ".archive.db.fedcba9876543210.tmp");
        File.WriteAllText(abandoned, "half an archive");
        File.WriteAllText(running, "another replica is building");
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddDays(-2));

        new ArchiveBuilder(new ImportOptions()).Build(Path.Combine(folder.Path, "content"), Path.Combine(folder.Path, "archive.db"), _ => { });

        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(running));
    }
}
