namespace QuoteArchive.Web.Archive;

/// <summary>
/// What "today" is for the archive: the UTC date, so every replica in every time zone agrees. The quote of the day
/// changes with it, and so do the ETags and output-cache keys of the answers that show it; all of them ask here, so
/// a cached page never shows yesterday's quote. Tests replace the <see cref="TimeProvider"/> to choose a date.
/// </summary>
public sealed class ArchiveClock(TimeProvider time)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
