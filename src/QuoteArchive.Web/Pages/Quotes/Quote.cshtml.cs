using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Quotes;

public sealed partial class QuoteModel(ArchiveDbContext db) : PageModel
{
    public QuoteView Quote { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        // Ids are lower-case base32 (FORMAT.md): anything else is no quote, and needs no query to say so.
        // Model binding reads a blank segment ("/q/%20") as no value at all.
        if (id is null || !IsId(id.ToLowerInvariant()))
            return NotFound();
        if (!IsId(id))
            return RedirectPermanent(ArchiveUrls.Quote(id.ToLowerInvariant()));
        var quote = await db.QuoteAsync(id, cancellationToken);
        if (quote is null)
            return NotFound();
        Quote = quote;
        return Page();
    }

    /// <summary>The quote's text cut to a title's length at a word boundary.</summary>
    public string ShortText(int length)
    {
        var text = string.Join(' ', Quote.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= length)
            return text;
        var cut = text.LastIndexOf(' ', length);
        return text[..(cut > length / 2 ? cut : length)].TrimEnd(',', ';', ':', '.') + "…";
    }

    private static bool IsId(string id) => id.Length is >= QuoteIds.DefaultLength and <= QuoteIds.MaxLength && IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z2-7]+$")]
    private static partial Regex IdPattern();
}
