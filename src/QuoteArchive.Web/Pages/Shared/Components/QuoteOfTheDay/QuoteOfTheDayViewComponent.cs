using Microsoft.AspNetCore.Mvc;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Shared.Components.QuoteOfTheDay;

/// <summary>The home page's quote of the day: <c>&lt;vc:quote-of-the-day /&gt;</c>.</summary>
public sealed class QuoteOfTheDayViewComponent(ArchiveDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var id = await QuotePicks.OfTheDayAsync(db, date, HttpContext.RequestAborted);
        var quote = id is null ? null : await db.QuoteAsync(id, HttpContext.RequestAborted);
        return quote is null ? Content("") : View(new TodayView { Date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Quote = quote });
    }
}

public sealed record TodayView
{
    public required string Date { get; init; }
    public required QuoteView Quote { get; init; }
}
