using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;

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
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // The links of the generations opened and not yet closed: the sweep of stale links leaves them to Close.
    private readonly HashSet<string> ownLinks = [];
    private ArchiveGeneration? current;
    private FileStamp? examined;
    private bool refreshed;
    private int generations;
    private string? reported;
    private int damageReported;

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

    /// <summary>
    /// The whole-file check of the archive found at start, which runs after that archive began to be served: done once
    /// the file has passed (and its longest quote is measured) or been withdrawn. Done at once when none was served.
    /// </summary>
    public Task DeferredCheck { get; private set; } = Task.CompletedTask;

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
        Close(generation);
    }

    /// <summary>
    /// Looks at the file (size and times, a cheap stat) and, when it is another file than the one last looked at,
    /// checks it and switches to it. A file that fails the check is reported once and the current generation kept.
    /// </summary>
    /// <param name="beforeDeferredCheck">
    /// Started once the archive found at start is served; its whole-file check waits for it, so as to take no core
    /// from it. It must not fail.
    /// </param>
    public void Refresh(Func<Task>? beforeDeferredCheck = null)
    {
        lock (refreshing)
        {
            // A look after Dispose (the watcher's last tick) would open the file again, and leave its hard link behind.
            if (stopping.IsCancellationRequested)
                return;
            // The archive a starting process finds is served once its header, schema and build are read, and its pages
            // checked right after, in the background (quick_check reads the whole file: some 25 s for 2.3 GB, which
            // used to delay the first page by as much). A file that appears while one is served is checked whole
            // before it replaces it.
            var starting = !refreshed;
            if (Switch(integrity: !starting) is { } started && starting)
                DeferredCheck = CheckAfterAsync(beforeDeferredCheck?.Invoke() ?? Task.CompletedTask, started);
        }
    }

    /// <summary>Opens the file when it is another than the one last looked at; returns the generation it switched to.</summary>
    private ArchiveGeneration? Switch(bool integrity)
    {
        var stamp = FileStamp.Of(Path);
        if (refreshed && stamp == examined)
            return null;
        refreshed = true;
        examined = stamp;
        if (stamp is null)
        {
            Report("missing", "no file at " + Path);
            return null;
        }
        var (generation, problem, detail) = Open(integrity);
        if (generation is null)
        {
            Report(problem, detail);
            return null;
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
        if (retired is not null)
            Close(retired);
        // Without a link of its own (a folder we may not write to) there would be nothing it could remove either.
        if (generation.Link is { } link)
        {
            HashSet<string> own;
            lock (ownLinks)
                own = [.. ownLinks];
            StaleLinks.Sweep(Path, link, own, logger);
        }
        Report(null, null);
        return generation;
    }

    private async Task CheckAfterAsync(Task first, ArchiveGeneration generation)
    {
        await first.ConfigureAwait(false);
        await LowPriorityThread.Run("Archive check", () => CheckStarted(generation)).ConfigureAwait(false);
    }

    // The check of the archive found at start, at the lowest CPU priority so that it never slows a request: a file that
    // fails it is withdrawn (pages answer 503, as for a file refused at start). It has no time limit, since the file is
    // served meanwhile; stopping the app interrupts it.
    private void CheckStarted(ArchiveGeneration generation)
    {
        if (stopping.IsCancellationRequested)
            return;
        var failure = ArchiveCheck.Integrity(generation.ConnectionString, stopping.Token);
        if (failure is null)
        {
            _ = generation.LongestQuote;
            return;
        }
        var (problem, detail) = failure.Value;
        lock (refreshing)
        {
            if (stopping.IsCancellationRequested)
                return;
            if (problem == "unverified")
            {
                logger.LogWarning("The archive at {DatabasePath} could not be checked ({Detail}); serving it unchecked", Path, detail);
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
                Close(generation);
            Report(problem, detail);
        }
    }

    /// <summary>
    /// Says, once for each generation, that a request read bytes of it that are not a sound database (the request
    /// answers 503): damage found before the check of <see cref="DeferredCheck"/> got there, or after it.
    /// </summary>
    internal void ReportDamage(ArchiveGeneration? generation, Exception damage)
    {
        var number = generation?.Number ?? 0;
        if (Interlocked.Exchange(ref damageReported, number) != number)
            logger.LogWarning("A read from the archive at {DatabasePath} (generation {Generation}) found it damaged ({Detail}); such requests answer 503",
                Path, number, damage.Message);
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
            if (linked)
            {
                lock (ownLinks)
                    ownLinks.Add(link);
                // Only a file opened through a link of its own has a connection string no other generation shares.
                PreparedReads.Open(connectionString);
            }
            return (new ArchiveGeneration(Interlocked.Increment(ref generations), connectionString, linked ? link : null, stamp.Value,
                facts.BuildId!, facts.Languages!, facts.LongestQuote, facts.HasCategories, facts.Kinds!), "", "");
        }
        catch
        {
            if (linked)
                File.Delete(link);
            throw;
        }
    }

    /// <summary>Done once <see cref="Dispose"/> has closed the generation served: its link is gone.</summary>
    internal Task Disposed => disposed.Task;

    public void Dispose()
    {
        // After a look in progress has ended, and before the next.
        lock (refreshing)
            stopping.Cancel();
        lock (leases)
        {
            current?.Retire();
            if (current is not null)
                Close(current);
            current = null;
        }
        disposed.TrySetResult();
    }

    private void Close(ArchiveGeneration generation)
    {
        generation.Close();
        if (generation.Link is { } link)
            lock (ownLinks)
                ownLinks.Remove(link);
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    internal static extern int HardLink(string existing, string link);
}

/// <summary>One archive file as opened, with what requests need to know of it without a query.</summary>
public sealed class ArchiveGeneration(int number, string connectionString, string? link, FileStamp stamp,
    string buildId, IReadOnlySet<string> languages, int? longestQuote, bool hasCategories, IReadOnlySet<TopicKind> kinds)
{
    // Measured when the file was checked whole, or else (the archive found at start) after its deferred check or by the
    // first request that needs it, whichever comes first: a scan of every quote, 0.7 s on 2.3 million. A request never
    // waits for the check's thread, which runs at the lowest priority.
    private readonly Lazy<int> longestQuote = longestQuote is { } known
        ? new(known)
        : new(() => ArchiveCheck.LongestQuote(connectionString), LazyThreadSafetyMode.PublicationOnly);

    /// <summary>Counts the files opened since the process started: the output cache keys on it.</summary>
    public int Number { get; } = number;
    public string ConnectionString { get; } = connectionString;
    public string BuildId { get; } = buildId;
    /// <summary>The languages of its topics: a filter on any other matches nothing, known without a query.</summary>
    public IReadOnlySet<string> Languages { get; } = languages;
    /// <summary>The kinds of its topics: the search offers these to narrow it to, not kinds no page has.</summary>
    public IReadOnlySet<TopicKind> Kinds { get; } = kinds;
    /// <summary>Whether any topic has a category (wiki sources have them, page text and Markdown do not).</summary>
    public bool HasCategories { get; } = hasCategories;
    /// <summary>The length of its longest quote: a longer minimum matches nothing.</summary>
    public int LongestQuote => longestQuote.Value;
    /// <summary>Its common words' matches, kept once a search has read them: they go with the file.</summary>
    public CommonWordSets CommonWords { get; } = new(connectionString);
    internal FileStamp Stamp { get; } = stamp;
    /// <summary>The hard link it opened the file through; null where none could be made (it opened the archive by name).</summary>
    internal string? Link { get; } = link;
    internal int Leases { get; set; }
    internal bool Retired { get; private set; }

    internal void Retire() => Retired = true;

    internal void Close()
    {
        // Its requests are done: its pooled connections (and through them the old file) can go.
        CommonWords.Dispose();
        PreparedReads.Close(ConnectionString);
        using (var connection = new SqliteConnection(ConnectionString))
            SqliteConnection.ClearPool(connection);
        try
        {
            if (Link is not null)
                File.Delete(Link);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Its folder went first (a test's, removed while the app stopped) or may no longer be written: the next
            // start's sweep removes a link that outlived its file (StaleLinks).
        }
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
            await Task.Run(() => archive.Refresh(), stoppingToken);
    }
}
