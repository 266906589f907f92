using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Hosting;
using Serilog;

namespace QuoteArchive.Web.Pages;

/// <summary>Where every empty 404 is re-executed (UseStatusCodePagesWithReExecute): a page that helps.</summary>
public sealed class NotFoundModel(ArchiveDbContext db, IDiagnosticContext diagnostics) : PageModel
{
    private const string TopicPrefix = "/wiki/";

    /// <summary>What the reader asked for, when it was a topic.</summary>
    public string? AskedTopic { get; private set; }

    public IReadOnlyList<TopicSummary> Suggestions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        RequestLogging.Enrich(diagnostics, reExecuted?.RouteValues);
        var asked = reExecuted?.OriginalPath;
        if (asked is null || !asked.StartsWith(TopicPrefix, StringComparison.Ordinal))
            return;
        var slug = asked[TopicPrefix.Length..];
        if (string.IsNullOrWhiteSpace(slug.Replace('_', ' ')))
            return;
        AskedTopic = slug.Length > 200 ? slug[..200].Replace('_', ' ') + "…" : slug.Replace('_', ' ');
        Suggestions = await db.TopicsLikeAsync(AskedTopic, 10, cancellationToken);
    }
}
