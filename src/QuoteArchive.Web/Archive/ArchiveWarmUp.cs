using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;
using QuoteArchive.Web.Pages;
using QuoteArchive.Web.Pages.Shared;
using QuoteArchive.Web.Pages.Shared.Components.QuoteOfTheDay;

namespace QuoteArchive.Web.Archive;

public static class ArchiveWarmUp
{
    /// <summary>
    /// Runs the home page's queries once, in the background, while the server starts: EF's model and the queries'
    /// compilation are then ready, or nearly, when the first visitor asks (bench/startup.sh). Never fails.
    /// </summary>
    public static Task WarmUpHomePageQueries(this WebApplication app) => Task.Run(async () =>
    {
        var stopping = app.Lifetime.ApplicationStopping;
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            // A connection of its own, outside the pool, as the archive's check has: it leaves no page of the file
            // cached in a connection that requests reuse.
            db.Database.SetConnectionString(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ToString());
            await db.TopicListAsync(null, Paging.From(null, null, IndexModel.PageSize), stopping);
            await db.QuoteCountAsync(stopping);
            await db.QuoteOfTheDayAsync(scope.ServiceProvider.GetRequiredService<ArchiveClock>().Today, stopping);
        }
        catch (Exception ex)
        {
            // Nothing depends on it: a request that reads a damaged archive says so itself.
            app.Logger.LogDebug(ex, "Warming up the home page's queries failed");
        }
    });
}
