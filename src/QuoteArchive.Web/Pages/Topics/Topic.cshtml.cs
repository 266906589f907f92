using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Topics;

public sealed class TopicModel(ArchiveDbContext db) : PageModel
{
    public TopicView Topic { get; private set; } = null!;

    /// <summary>Sections nested by level: Markdown topics have sub-sections, page text is flat.</summary>
    public List<Nested<SectionView>> Outline { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        var stored = await db.TopicSlugAsync(slug, cancellationToken);
        if (stored is null)
        {
            // Another title of a topic (a wiki redirect) sends the reader to the topic, at the section it names, once and for good.
            var target = await db.RedirectTargetAsync(slug, cancellationToken);
            return target is null ? NotFound() : RedirectPermanent(ArchiveUrls.Topic(target));
        }
        // One address per topic: spaces, a decomposed accent … are sent to the canonical one.
        if (ArchiveQueries.AsRequested(slug!) != stored)
            return RedirectPermanent(ArchiveUrls.Topic(stored));
        if (await db.TopicAsync(stored, cancellationToken) is not { } topic)
            return NotFound();

        Topic = topic;
        Outline = ShownSections.Outline(topic.Sections);
        return Page();
    }
}
