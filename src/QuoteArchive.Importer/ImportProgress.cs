using System.Diagnostics;

namespace QuoteArchive.Importer;

/// <summary>How far a long import has come: pages and quotes so far, bytes of content read, and the time it took.</summary>
public sealed record ImportProgress(int Pages, int Quotes, long BytesRead, long TotalBytes, TimeSpan Elapsed)
{
    /// <summary>The step after the reading that has just started (indexes, the search index …); null while reading.</summary>
    public string? Stage { get; init; }

    public double PagesPerSecond => Elapsed.TotalSeconds > 0 ? Pages / Elapsed.TotalSeconds : 0;

    /// <summary>The time left at the rate so far, by bytes read (the only measure known in advance); null at the start.</summary>
    public TimeSpan? Remaining => BytesRead > 0 && TotalBytes > BytesRead
        ? TimeSpan.FromSeconds(Elapsed.TotalSeconds * (TotalBytes - BytesRead) / BytesRead)
        : null;

    public override string ToString() => Stage is not null
        ? $"{Stage} ({Pages:N0} pages, {Quotes:N0} quotes read in {Elapsed.TotalSeconds:N1} s)"
        : $"{Pages:N0} pages, {Quotes:N0} quotes, {BytesRead / 1e6:N1} of {TotalBytes / 1e6:N1} MB read, {PagesPerSecond:N0} pages/s"
        + (Remaining is { } left ? $", about {left:hh\\:mm\\:ss} left" : "");
}

/// <summary>Calls the progress callback at most once per interval, so a fast import is not slowed by its own reporting.</summary>
internal sealed class ProgressClock(Action<ImportProgress>? progress, TimeSpan interval)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan last;

    public void Tick(Func<TimeSpan, ImportProgress> now)
    {
        if (progress is null || clock.Elapsed - last < interval)
            return;
        last = clock.Elapsed;
        progress(now(last));
    }
}
