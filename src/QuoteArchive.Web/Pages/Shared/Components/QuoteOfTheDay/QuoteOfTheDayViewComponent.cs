using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Shared.Components.QuoteOfTheDay;

/// <summary>The home page's quote of the day: <c>&lt;vc:quote-of-the-day /&gt;</c>.</summary>
public sealed class QuoteOfTheDayViewComponent(ArchiveDbContext db, ArchiveClock clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var today = await db.QuoteOfTheDayAsync(clock.Today, HttpContext.RequestAborted);
        return today is null ? Content("") : View(today);
    }
}

public sealed record TodayView
{
    public required string Date { get; init; }
    public required QuoteView Quote { get; init; }
}

public static class QuoteOfTheDayQueries
{
    /// <summary>The quote of <paramref name="date"/>, for the home page and <c>/api/today</c>; null when the archive has no quotes.</summary>
    public static async Task<TodayView?> QuoteOfTheDayAsync(this ArchiveDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        var id = await QuotePicks.OfTheDayAsync(db, date, cancellationToken);
        var quote = id is null ? null : await db.QuoteAsync(id, cancellationToken);
        return quote is null ? null : new TodayView { Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Quote = quote };
    }
}
