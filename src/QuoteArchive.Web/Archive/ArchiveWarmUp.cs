using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;
using QuoteArchive.Web.Pages;
using QuoteArchive.Web.Pages.Shared;
using QuoteArchive.Web.Pages.Shared.Components.QuoteOfTheDay;

namespace QuoteArchive.Web.Archive;

public static class ArchiveWarmUp
{
    /// <summary>
    /// Runs the home page's queries once, in the background, while the server starts: EF's model and the queries'
    /// compilation are then ready, or nearly, when the first visitor asks (bench/startup.sh). Then a search and a topic:
    /// the first search of a process took some 250 ms where the next took 10–60 (compiling its statements, reading the
    /// search index's structure), the first topic page some 100 (bench/cold-search.sh). Never fails.
    /// </summary>
    public static Task WarmUpFirstQueries(this WebApplication app) => Task.Run(async () =>
    {
        var stopping = app.Lifetime.ApplicationStopping;
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            // A connection of its own, outside the pool, as the archive's check has: it leaves no page of the file
            // cached in a connection that requests reuse.
            db.UseConnectionString(new SqliteConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ToString());
            await db.TopicListAsync(null, Paging.From(null, null, IndexModel.PageSize), stopping);
            await db.QuoteCountAsync(stopping);
            await db.QuoteOfTheDayAsync(scope.ServiceProvider.GetRequiredService<ArchiveClock>().Today, stopping);

            // The archive's commonest word (a search past the ranking limit) and a topic's title (ranked, named first).
            // The statement orders and limits itself; EF would warn of a First() without an ordering of its own.
            var commonest = (await db.Database.SqlQueryRaw<string>("SELECT Term AS Value FROM SearchTerms ORDER BY Quotes DESC LIMIT 1")
                .ToListAsync(stopping)).FirstOrDefault();
            var topic = await db.Topics.OrderBy(t => t.Id).Select(t => new { t.Slug, t.Title }).FirstOrDefaultAsync(stopping);
            var paging = Paging.From(null, null);
            foreach (var words in new[] { commonest, topic?.Title }.OfType<string>())
                await QuoteSearch.RunAsync(db, SearchQuery.Parse(words), new SearchFilter(), paging.Skip, paging.PageSize, stopping);
            if (topic is not null)
                await db.TopicAsync(topic.Slug, stopping);
        }
        catch (Exception ex)
        {
            // Nothing depends on it: a request that reads a damaged archive says so itself.
            app.Logger.LogDebug(ex, "Warming up the first queries failed");
        }
    });
}
