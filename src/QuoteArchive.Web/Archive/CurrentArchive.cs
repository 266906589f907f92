using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Archive;

/// <summary>
/// The archive file being served, as one whole: a request takes a lease on the generation that is current when it
/// starts (<see cref="ArchiveLease"/>) and reads only from it, while a new file (renamed into place, or imported)
/// becomes the next generation once it has been checked. A generation whose last request has finished is closed.
/// </summary>
public sealed class CurrentArchive(IOptions<ArchiveOptions> options, ILogger<CurrentArchive> logger) : IDisposable
{
    private readonly Lock leases = new();
    private readonly Lock refreshing = new();
    private ArchiveGeneration? current;
    private FileStamp? examined;
    private bool refreshed;
    private int generations;
    private string? reported;
    private volatile bool disposed;

    public string Path { get; } = System.IO.Path.GetFullPath(options.Value.DatabasePath);

    /// <summary>The generation new requests get; null while no archive could be opened.</summary>
    public ArchiveGeneration? Generation => current;

    /// <summary>
    /// Why the file at <see cref="Path"/> is not what is served, in one word (<c>missing</c>, <c>unreadable</c>,
    /// <c>corrupt</c>, <c>outdated</c>, <c>unverified</c>); null when it is.
    /// </summary>
    public string? Problem { get; private set; }

    /// <summary>The exception or check result behind <see cref="Problem"/>: for operators only, it names paths.</summary>
    public string? ProblemDetail { get; private set; }

    internal ArchiveGeneration? Acquire()
    {
        if (!refreshed)
            Refresh();
        lock (leases)
        {
            if (current is not null)
                current.Leases++;
            return current;
        }
    }

    internal void Release(ArchiveGeneration generation)
    {
        lock (leases)
        {
            if (--generation.Leases > 0 || !generation.Retired)
                return;
        }
        generation.Close();
    }

    /// <summary>
    /// Looks at the file (size and times, a cheap stat) and, when it is another file than the one last looked at,
    /// checks it and switches to it. A file that fails the check is reported once and the current generation kept.
    /// </summary>
    public void Refresh()
    {
        lock (refreshing)
        {
            var stamp = FileStamp.Of(Path);
            if (refreshed && stamp == examined)
                return;
            var starting = !refreshed;
            refreshed = true;
            examined = stamp;
            if (stamp is null)
            {
                Report("missing", "no file at " + Path);
                return;
            }
            // The archive a starting process finds is served once its header, schema and build are read; its pages are
            // checked right after, in the background (quick_check reads the whole file: some 25 s for 2.3 GB). A file that
            // appears while one is served is checked whole before it replaces it.
            var (generation, problem, detail) = Open(integrity: !starting);
            if (generation is null)
            {
                Report(problem, detail);
                return;
            }
            examined = generation.Stamp;
            ArchiveGeneration? retired;
            lock (leases)
            {
                retired = current;
                current = generation;
                retired?.Retire();
                if (retired is { Leases: > 0 })
                    retired = null;
            }
            retired?.Close();
            Report(null, null);
            if (starting)
                _ = Task.Run(() => VerifyStarted(generation));
        }
    }

    // The deferred check of the archive found at start: a file that fails it is withdrawn (pages answer 503, as for a
    // file refused at start), one too large to check in the time allowed is kept and reported.
    private void VerifyStarted(ArchiveGeneration generation)
    {
        var (problem, detail) = ArchiveCheck.Integrity(generation.ConnectionString, options.Value.CheckTimeout);
        if (problem is null)
            return;
        lock (refreshing)
        {
            if (disposed)
                return;
            if (problem == "unverified")
            {
                logger.LogWarning("The archive at {DatabasePath} is {Problem} ({Detail}); serving it unchecked", Path, problem, detail);
                return;
            }
            bool close;
            lock (leases)
            {
                if (!ReferenceEquals(current, generation))
                    return;
                current = null;
                generation.Retire();
                close = generation.Leases == 0;
            }
            if (close)
                generation.Close();
            Report(problem, detail);
        }
    }

    // One line per change of state, never one per request or per check.
    private void Report(string? problem, string? detail)
    {
        Problem = problem;
        ProblemDetail = detail;
        var state = problem is null ? "ok " + current?.Number : problem;
        if (state == reported)
            return;
        reported = state;
        if (problem is null)
            logger.LogInformation("Serving archive build {BuildId} from {DatabasePath} (generation {Generation})", current!.BuildId, Path, current.Number);
        else if (current is null)
            logger.LogError("No archive to serve: {DatabasePath} is {Problem} ({Detail}); pages answer 503 until it is replaced", Path, problem, detail);
        else
            logger.LogWarning("The archive at {DatabasePath} is {Problem} ({Detail}); still serving build {BuildId}", Path, problem, detail, current.BuildId);
    }

    private (ArchiveGeneration? Generation, string Problem, string Detail) Open(bool integrity)
    {
        // A hard link of its own pins this generation to the file as it is now: connections opened later (the pool
        // grows) still reach it after another file is renamed over the archive's name. SQLite resolves symbolic
        // links, so /proc/self/fd would not do. A folder we may not write to keeps its file: open it by name.
        var link = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.open");
        var linked = !OperatingSystem.IsWindows() && HardLink(Path, link) == 0;
        var openPath = linked ? link : Path;
        try
        {
            var stamp = FileStamp.Of(openPath);
            var facts = ArchiveCheck.Run(openPath, options.Value.CheckTimeout, integrity);
            if (stamp is null || facts.Problem is not null)
            {
                if (linked)
                    File.Delete(link);
                return (null, facts.Problem ?? "missing", facts.Detail ?? "");
            }
            var connectionString = ArchiveDbContext.ReadOnlyConnectionString(openPath);
            return (new ArchiveGeneration(Interlocked.Increment(ref generations), connectionString, linked ? link : null, stamp.Value,
                facts.BuildId!, facts.Languages!), "", "");
        }
        catch
        {
            if (linked)
                File.Delete(link);
            throw;
        }
    }

    public void Dispose()
    {
        disposed = true;
        lock (leases)
        {
            current?.Retire();
            current?.Close();
            current = null;
        }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int HardLink(string existing, string link);
}

/// <summary>One archive file as opened, with what requests need to know of it without a query.</summary>
public sealed class ArchiveGeneration
{
    private readonly string? link;
    private readonly Lazy<int> longestQuote;

    public ArchiveGeneration(int number, string connectionString, string? link, FileStamp stamp, string buildId, IReadOnlySet<string> languages)
    {
        Number = number;
        ConnectionString = connectionString;
        this.link = link;
        Stamp = stamp;
        BuildId = buildId;
        Languages = languages;
        // A scan of every quote (0.7 s on 2.3 million): not on the way to the first page, but begun at once, so the
        // first filter that needs it rarely waits.
        longestQuote = new(() => ArchiveCheck.LongestQuote(connectionString));
        _ = Task.Run(() => longestQuote.Value);
    }

    /// <summary>Counts the files opened since the process started: the output cache keys on it.</summary>
    public int Number { get; }
    public string ConnectionString { get; }
    public string BuildId { get; }
    /// <summary>The languages of its topics: a filter on any other matches nothing, known without a query.</summary>
    public IReadOnlySet<string> Languages { get; }
    /// <summary>The length of its longest quote: a longer minimum matches nothing.</summary>
    public int LongestQuote => longestQuote.Value;
    internal FileStamp Stamp { get; }
    internal int Leases { get; set; }
    internal bool Retired { get; private set; }

    internal void Retire() => Retired = true;

    internal void Close()
    {
        // Its requests are done: its pooled connections (and through them the old file) can go.
        using (var connection = new SqliteConnection(ConnectionString))
            SqliteConnection.ClearPool(connection);
        if (link is not null)
            File.Delete(link);
    }
}

/// <summary>
/// What tells one file at a path from the next one cheaply: size and modification time (to the tick; a file renamed
/// into place was written after the one it replaces). Not the change time, which our own hard links change.
/// </summary>
public readonly record struct FileStamp(long Length, DateTime LastWriteUtc)
{
    public static FileStamp? Of(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? new FileStamp(file.Length, file.LastWriteTimeUtc) : null;
    }
}

/// <summary>Checks a file before it is served: a SQLite archive of this schema, intact, with a build.</summary>
internal static class ArchiveCheck
{
    public sealed record Facts(string? Problem, string? Detail, string? BuildId = null, IReadOnlySet<string>? Languages = null);

    /// <summary>The schema, the build and the languages; with <paramref name="integrity"/>, every page too (quick_check).</summary>
    public static Facts Run(string path, TimeSpan timeout, bool integrity = true)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString());
            connection.Open();
            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"));
            if (version != ArchiveSchema.Version)
                return new("outdated", $"schema {version}, this version of QuoteArchive reads {ArchiveSchema.Version}");
            // A file shorter than its header says is a half-copied one: refused at once, whatever the check below.
            var pages = Convert.ToInt64(Scalar(connection, "PRAGMA page_count")) * Convert.ToInt64(Scalar(connection, "PRAGMA page_size"));
            if (pages > new FileInfo(path).Length)
                return new("corrupt", $"the file is shorter ({new FileInfo(path).Length} bytes) than its pages ({pages} bytes)");
            if (integrity && QuickCheck(connection, timeout) is { } check)
                return check;
            var buildId = Scalar(connection, "SELECT BuildId FROM Builds ORDER BY Id LIMIT 1") as string;
            if (buildId is null)
                return new("corrupt", "no build recorded");
            var languages = new HashSet<string>(StringComparer.Ordinal);
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT DISTINCT Language FROM Topics";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                    languages.Add(reader.GetString(0));
            }
            return new(null, null, buildId, languages);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT)
        {
            return new("unverified", $"quick_check did not finish within {timeout}; raise Archive:CheckTimeout");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SQLitePCL.raw.SQLITE_CORRUPT or SQLitePCL.raw.SQLITE_NOTADB
                                             or SQLitePCL.raw.SQLITE_ERROR)
        {
            return new("corrupt", ex.Message);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            return new("unreadable", ex.Message);
        }
    }

    /// <summary>quick_check of an archive already opened: null when it passes, else the problem in one word and why.</summary>
    public static (string? Problem, string? Detail) Integrity(string connectionString, TimeSpan timeout)
    {
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            return QuickCheck(connection, timeout) is { } check ? (check.Problem, check.Detail) : (null, null);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT)
        {
            return ("unverified", $"quick_check did not finish within {timeout}; raise Archive:CheckTimeout");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SQLitePCL.raw.SQLITE_CORRUPT or SQLitePCL.raw.SQLITE_NOTADB)
        {
            return ("corrupt", ex.Message);
        }
        catch (SqliteException ex)
        {
            return ("unverified", ex.Message);
        }
    }

    // quick_check reads every page (a damaged file fails here, not on some later request) but skips the costly index
    // comparisons; an interrupt bounds it on a file too large for the time allowed.
    private static Facts? QuickCheck(SqliteConnection connection, TimeSpan timeout)
    {
        string? check;
        using (var deadline = new CancellationTokenSource(timeout))
        using (deadline.Token.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle)))
            check = Scalar(connection, "PRAGMA quick_check(1)") as string;
        return check == "ok" ? null : new("corrupt", "quick_check: " + check);
    }

    /// <summary>The length of the longest quote of an archive; int.MaxValue when it cannot be read (no filter is then cut short).</summary>
    public static int LongestQuote(string connectionString)
    {
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            return Convert.ToInt32(Scalar(connection, "SELECT coalesce(max(length(Text)), 0) FROM Quotes"));
        }
        catch (SqliteException)
        {
            return int.MaxValue;
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

/// <summary>
/// The generation a scope (a request) reads from, taken when the scope first asks and given back when it ends, so
/// that a request that started before a switch finishes on the archive it started with.
/// </summary>
public sealed class ArchiveLease(CurrentArchive archive) : IDisposable
{
    private ArchiveGeneration? generation;
    private bool taken;

    public ArchiveGeneration? Generation
    {
        get
        {
            if (!taken)
            {
                generation = archive.Acquire();
                taken = true;
            }
            return generation;
        }
    }

    public void Dispose()
    {
        if (generation is not null)
            archive.Release(generation);
        generation = null;
    }
}

/// <summary>Looks at the archive file every <see cref="ArchiveOptions.CheckInterval"/>, so a replaced file is served soon.</summary>
internal sealed class ArchiveWatcher(CurrentArchive archive, IOptions<ArchiveOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await Task.Run(archive.Refresh, stoppingToken);
    }
}
