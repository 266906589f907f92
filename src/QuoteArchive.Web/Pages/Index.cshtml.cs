using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages;

public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    public IReadOnlyList<TopicSummary> Topics { get; private set; } = [];

    /// <summary>The topics under the letter they file under, A–Z.</summary>
    public IEnumerable<IGrouping<string, TopicSummary>> Letters => Topics.GroupBy(t => Letter(t.Title));

    public int QuoteCount => Topics.Sum(t => t.QuoteCount);

    public int LanguageCount => Topics.Select(t => t.Language).Distinct().Count();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Topics = await db.TopicSummariesAsync(cancellationToken);

    // "Élan" files under E, as in a dictionary; titles starting with a digit or a sign under "#".
    private static string Letter(string title)
    {
        var first = title.Normalize(NormalizationForm.FormD).FirstOrDefault(char.IsLetterOrDigit);
        return char.IsLetter(first) ? char.ToUpper(first, CultureInfo.InvariantCulture).ToString() : "#";
    }
}
