using System.Buffers;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Importer.Files;
using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;

namespace QuoteArchive.Importer;

/// <summary>
/// Reads a content folder file by file and builds the archive. The archive is written to a new file beside the
/// target and moved into place only when the build completed, so readers never see a half-written archive.
/// </summary>
public sealed class ArchiveBuilder(ImportOptions options)
{
    /// <summary>
    /// Every content file under the folder that the import reads, in a stable order: regular files only, links
    /// followed only inside the folder (<see cref="ContentWalk"/>); a folder's README.md describes it and is no topic.
    /// Hidden entries (.git, and the ..data copies a Kubernetes ConfigMap volume holds beside each file) are skipped.
    /// A single file (a dump given on the command line) is a folder of that one file.
    /// </summary>
    public static IEnumerable<string> ContentFiles(string contentFolder) =>
        ContentWalk.Entries(contentFolder).Where(e => e.Problem is null)
            .Select(e => File.Exists(contentFolder) ? e.FullPath : Path.Combine(contentFolder, e.RelativePath));

    /// <summary>
    /// Whether a build failed for want of writing the archive (a folder it may not write to, a full disk, a file that
    /// cannot be replaced) rather than for its content: the previous archive is then as it was.
    /// </summary>
    public static bool IsWriteFailure(Exception ex) => ex is IOException or UnauthorizedAccessException or SqliteException;

    /// <summary>
    /// True when the archive exists, was built with this version's schema (an archive from another version of
    /// QuoteArchive must be rebuilt, not served) and with these options, and its manifest is the folder as it is now:
    /// the same entries with the same sizes and modification times, none added, renamed or deleted.
    /// </summary>
    public bool IsUpToDate(string contentFolder, string databasePath)
    {
        var archive = new FileInfo(databasePath);
        if (!archive.Exists || ArchiveSchema.ReadVersion(archive.FullName) != ArchiveSchema.Version
            || ArchiveSchema.ReadImportOptions(archive.FullName) != options.Fingerprint
            || ArchiveSchema.ReadManifest(archive.FullName) is not { } manifest)
            return false;
        var recorded = manifest.ToDictionary(f => f.Path, f => (f.Size, f.LastWriteUtc.Ticks), StringComparer.Ordinal);
        var entries = ContentWalk.Entries(contentFolder).ToList();
        return entries.Count == recorded.Count
            && entries.All(e => recorded.TryGetValue(e.RelativePath, out var file) && file == (e.Size, e.LastWriteUtc.Ticks));
    }

    /// <summary>Called now and then while an import runs (at most <see cref="ProgressInterval"/> apart).</summary>
    public Action<ImportProgress>? Progress { get; init; }

    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Stops the import between two pages (Ctrl-C, SIGTERM): the previous archive stays as it was.</summary>
    public CancellationToken Stopping { get; init; }

    /// <summary>Parses every file and reports diagnostics without writing anything (<c>--check</c>).</summary>
    public ImportSummary Check(string contentFolder, Action<Diagnostic> report)
    {
        var clock = Stopwatch.StartNew();
        var counts = new ImportCounts();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var reader = new ContentReader(options, report, counts);
        var progress = new ProgressClock(Progress, ProgressInterval);
        foreach (var (topic, _) in reader.Read(ContentWalk.Entries(contentFolder).ToList()))
        {
            if (slugs.Add(topic.Slug))
                counts.Add(topic);
            else
                ReportDuplicateSlug(topic, report, counts);
            progress.Tick(elapsed => counts.Progress(reader, elapsed));
            Stopping.ThrowIfCancellationRequested();
        }
        counts.DamagedExports = reader.DamagedExports;
        return counts.Summary(clock.Elapsed);
    }

    /// <summary>Imports the folder into <paramref name="databasePath"/>, replacing it whole.</summary>
    public ImportSummary Build(string contentFolder, string databasePath, Action<Diagnostic> report)
    {
        var clock = Stopwatch.StartNew();
        var target = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        RemoveAbandonedBuilds(target);
        try
        {
            ImportSummary summary;
            // Opened before SQLite opens the file and closed after it has closed it: closing any handle of a file
            // drops the locks SQLite holds on it (POSIX).
            using (var archiveFile = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite))
            {
                summary = Write(contentFolder, temporary, target, report, clock, archiveFile);
                if (summary.DamagedExports.Count > 0)
                    return summary;
                // The import writes with synchronous=OFF: the file reaches the disk here, before it is moved into
                // place, so a crash right after the move cannot leave a torn archive under the real name.
                archiveFile.Flush(flushToDisk: true);
            }
            Stopping.ThrowIfCancellationRequested();
            File.Move(temporary, target, overwrite: true);
            return summary;
        }
        catch (SqliteException) when (Stopping.IsCancellationRequested)
        {
            // A statement interrupted by the stop.
            throw new OperationCanceledException(Stopping);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(temporary);
            File.Delete(temporary + "-journal");
            File.Delete(SearchIndexPath(temporary));
        }
    }

    /// <summary>
    /// Deletes what a killed import left beside the archive. Only old files: another process (a replica sharing
    /// the folder) may be building right now, and no real import takes a day.
    /// </summary>
    private static void RemoveAbandonedBuilds(string target)
    {
        var abandonedBefore = DateTime.UtcNow - TimeSpan.FromDays(1);
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.*.tmp*"))
        {
            if (File.GetLastWriteTimeUtc(file) < abandonedBefore)
                File.Delete(file);
        }
    }

    private ImportSummary Write(string contentFolder, string temporary, string previous, Action<Diagnostic> report, Stopwatch clock,
        FileStream archiveFile)
    {
        // No foreign-key checks: Microsoft.Data.Sqlite turns them on, and they cost a lookup of the parent row for
        // each of millions of rows whose parents the writer has just written itself.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false, ForeignKeys = false }.ToString();
        var counts = new ImportCounts();
        ContentReader? reader = null;
        // The steps after the reading take a while on a large dump: each says when it starts.
        void Stage(string name)
        {
            Stopping.ThrowIfCancellationRequested();
            Progress?.Invoke(counts.Progress(reader!, clock.Elapsed) with { Stage = name });
        }
        var buildHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        // Ctrl-C or SIGTERM during one of the long statements after the reading (an index, the links) stops it there.
        using var interrupt = Stopping.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
        // A page cache of 64 MB: the rows go in in order, every index built after them. At 256 MB (when the quote ids'
        // index grew in random order with the rows) the import took as long, with 160 MB more memory and more pages
        // left to write at the end (bench/README.md, "Import of a dump").
        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;");
        // The archive's schema (EF Core's, but for the quotes' key: ArchiveSchema.CreateScript), in one go on the
        // connection already set not to sync: EnsureCreated syncs the file after every table, which costs seconds on a
        // busy disk.
        SchemaScript schema;
        using (var context = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(connection).Options))
            schema = SchemaScript.Split(ArchiveSchema.CreateScript(context.Database));
        Execute(connection, schema.Tables);
        using (var search = new BackgroundSearchIndex(SearchIndexPath(temporary)))
        using (var transaction = connection.BeginTransaction())
        {
            using var writer = new ArchiveWriter(connection, options, search);
            // The folder as it was listed: a file changed after this is newer than the manifest, and imports next time.
            var entries = ContentWalk.Entries(contentFolder).ToList();
            writer.AddManifest(entries);
            reader = new ContentReader(options, report, counts);
            var progress = new ProgressClock(Progress, ProgressInterval);
            foreach (var (topic, source) in reader.Read(entries))
            {
                if (!writer.TryAdd(topic))
                {
                    ReportDuplicateSlug(topic, report, counts);
                    continue;
                }
                counts.Add(topic);
                AppendText(buildHash, source);
                progress.Tick(elapsed => counts.Progress(reader, elapsed));
                Stopping.ThrowIfCancellationRequested();
            }
            if (reader.DamagedExports.Count > 0)
            {
                counts.DamagedExports = reader.DamagedExports;
                return counts.Summary(clock.Elapsed);
            }
            search.Complete();
            Stage("writing redirects");
            // Redirects name topics: they are written once every topic is.
            counts.Redirects = writer.AddRedirects(reader.Redirects, diagnostic => counts.Report(diagnostic, report), counts.Skip);
            foreach (var redirect in reader.Redirects)
                AppendText(buildHash, ["redirect", redirect.Title, redirect.Target]);
            // The author index before the archive's indexes: the search index is merged once it has the quotes the
            // author index names otherwise, on the other core, while the indexes are built.
            Stage("linking topics and indexing authors");
            InternalLinks.Resolve(connection, options, writer);
            var confirmedAuthors = UnsureAuthors.Confirm(connection, transaction, writer);
            var respelledAuthors = AuthorIndex.Build(connection, transaction, writer.Persons, writer.Authors);
            SearchIndex.Create(connection, transaction);
            // A quote given its author just now was indexed without one, whatever the author index calls them.
            var unindexed = confirmedAuthors.Select(c => c.RowId).ToHashSet();
            search.IndexAgain(SearchIndex.ReadAgain(connection, transaction, SearchAuthors.Respelled(respelledAuthors, writer.Authors)
                .Where(r => !unindexed.Contains(r.RowId)).Concat(confirmedAuthors), writer.AttributionRows.Of));
            // The writer kept slugs and ids unique itself: the indexes are built once, over every row, while the
            // search index is merged on the other core.
            Stage("writing indexes");
            Execute(connection, schema.Indexes, transaction);
            Stage("carrying old quote ids");
            // Old links: the ids the archive being replaced served, and those it had carried forward.
            QuoteIdHistoryBuilder.Build(previous, writer, connection, transaction, diagnostic => counts.Report(diagnostic, report));
            Stage("indexing names");
            SearchIndex.FillNamesFrom(connection, transaction);
            writer.AddDiagnostics(counts.Reported);
            var summary = counts.Summary(clock.Elapsed);
            writer.AddBuild(new ArchiveBuild
            {
                BuildId = Convert.ToHexStringLower(buildHash.GetHashAndReset())[..16],
                BuiltAt = DateTimeOffset.UtcNow,
                Topics = summary.Topics,
                Sections = summary.Sections,
                Quotes = summary.Quotes,
                Warnings = summary.Warnings,
                Errors = summary.Errors,
                ImportOptions = options.Fingerprint,
            });
            Stage("analyzing the indexes for the query planner");
            Execute(connection, "ANALYZE;", transaction);
            Stage("merging the search index");
            // What is written so far goes to the disk while the search index is merged: the last flush has less to do.
            archiveFile.Flush(flushToDisk: true);
            search.Wait();
            SearchIndex.CopyFrom(connection, transaction, search.Path);
            Stage("writing the archive to disk");
            transaction.Commit();
        }
        SearchIndex.DetachApart(connection);
        // The web app opens the archive read-only, possibly on a read-only mount: no -wal or -shm files.
        Execute(connection, $"PRAGMA journal_mode=DELETE; PRAGMA user_version={ArchiveSchema.Version};");
        return counts.Summary(clock.Elapsed);
    }

    // The search index is built beside the archive's temporary file, and goes with it.
    private static string SearchIndexPath(string temporary) => temporary + ".search";

    private static void ReportDuplicateSlug(ParsedTopic topic, Action<Diagnostic> report, ImportCounts counts) =>
        counts.Report(new(new(topic.SourcePath, 1), Severity.Error,
            $"duplicate slug '{topic.Slug}': another file already has this title; this file is skipped"), report);

    // Each part's UTF-8 bytes and a NUL after it, through a pooled buffer: the writing thread hashes every page's source.
    private static void AppendText(IncrementalHash hash, IReadOnlyList<string> parts)
    {
        foreach (var text in parts)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length) + 1);
            var length = Encoding.UTF8.GetBytes(text, buffer);
            buffer[length] = 0;
            hash.AppendData(buffer, 0, length + 1);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
