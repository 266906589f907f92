using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using QuoteArchive.Storage;
using QuoteArchive.Web.Api;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Hosting;
using Serilog;

namespace QuoteArchive.Web.Pages;

/// <summary>Where every empty 404 is re-executed (UseStatusCodePagesWithReExecute): a page that helps.</summary>
public sealed class NotFoundModel(ArchiveDbContext db, ArchiveLease lease, IDiagnosticContext diagnostics) : PageModel
{
    private const string TopicPrefix = "/wiki/";

    private const string AuthorPrefix = "/authors/";

    private const string CategoryPrefix = "/categories/";

    private const string QuotePrefix = "/q/";

    private const string RandomPath = "/random";

    /// <summary>What the reader asked for, when it was a topic.</summary>
    public string? AskedTopic { get; private set; }

    /// <summary>What the reader asked for, when it was an author.</summary>
    public string? AskedAuthor { get; private set; }

    /// <summary>What the reader asked for, when it was a category.</summary>
    public string? AskedCategory { get; private set; }

    /// <summary>Whether the archive has categories to lead to (wiki sources name them, page text and Markdown do not).</summary>
    public bool HasCategories => lease.Generation?.HasCategories ?? false;

    /// <summary>Whether the reader asked for a quote's permalink (an address no quote of this archive has, or had).</summary>
    public bool AskedQuote { get; private set; }

    /// <summary>Whether the reader asked for a random quote with filters that no quote passes.</summary>
    public bool AskedRandom { get; private set; }

    public IReadOnlyList<TopicSummary> Suggestions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        // Other empty errors (a static file's 416 or 412) keep their status, without a page that says "not found".
        if (reExecuted is not null && reExecuted.OriginalStatusCode != StatusCodes.Status404NotFound)
            return StatusCode(reExecuted.OriginalStatusCode);
        Response.StatusCode = StatusCodes.Status404NotFound;
        RequestLogging.Enrich(diagnostics, reExecuted?.RouteValues);
        var asked = reExecuted?.OriginalPath;
        AskedRandom = asked == RandomPath && reExecuted?.OriginalQueryString is { Length: > 0 } query
            && QueryHelpers.ParseQuery(query).Keys.Any(key => SearchApi.RandomKeys.Contains(key, StringComparer.OrdinalIgnoreCase));
        AskedAuthor = NameAfter(AuthorPrefix, asked);
        AskedCategory = NameAfter(CategoryPrefix, asked);
        AskedQuote = asked?.StartsWith(QuotePrefix, StringComparison.Ordinal) ?? false;
        if (NameAfter(TopicPrefix, asked) is not { } topic)
            return Page();
        AskedTopic = topic;
        Suggestions = await db.TopicsLikeAsync(AskedTopic, 10, cancellationToken);
        return Page();
    }

    // The title or name a path under the prefix asked for, as a reader would write it; at most 200 characters of it.
    private static string? NameAfter(string prefix, string? path)
    {
        if (path is null || !path.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        var name = path[prefix.Length..].Replace('_', ' ');
        return string.IsNullOrWhiteSpace(name) ? null : name.Length > 200 ? name[..200] + "…" : name;
    }
}
