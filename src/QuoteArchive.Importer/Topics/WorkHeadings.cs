using System.Text.RegularExpressions;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Topics;

/// <summary>
/// A person page lists its subject's quotes under the works they come from (<c>=== The Gay Science (1882) ===</c>, the
/// French pages' <c>La Vie de Galilée, 1938</c>): a quote whose attribution names no work takes the nearest such heading
/// above it for its work, and its year where the attribution gives none. The search stops at a heading that says what
/// the quotes are (Quotes, Disputed, Quotes about …) or lists other things; a heading naming a book of quotations
/// (<c>Bartlett's Familiar Quotations, 10th ed. (1919)</c>) is where the quotes were found, not the person's work.
/// </summary>
public static partial class WorkHeadings
{
    public static void Apply(ParsedTopic topic)
    {
        // Page text has no heading levels: every heading above counts. With levels, only those the section stands under.
        var levelled = topic.Sections.Any(s => s.Level > 1);
        for (var i = 0; i < topic.Sections.Count; i++)
        {
            var quotes = topic.Sections[i].Quotes.Where(q => q.Work is null && q.Status is QuoteStatus.Sourced or QuoteStatus.Unsourced).ToList();
            if (quotes.Count == 0 || WorkAbove(topic.Sections, i, levelled) is not var (work, year))
                continue;
            foreach (var quote in quotes)
            {
                quote.Work = work;
                quote.Year ??= year;
            }
        }
    }

    private static (string Work, string Year)? WorkAbove(List<ParsedSection> sections, int index, bool levelled)
    {
        var below = int.MaxValue;
        for (var j = index; j >= 0; j--)
        {
            var section = sections[j];
            if (levelled && section.Level >= below)
                continue;
            below = section.Level;
            if (section.Heading is not { } heading || section.IsList || SectionRules.StatusOf(heading, out var reset) is not null || reset)
                return null;
            var match = WorkAndYear().Match(heading.Trim());
            if (match.Success)
                return QuotationsBook().IsMatch(heading) ? null : (match.Groups["work"].Value.Trim(), match.Groups["year"].Value);
        }
        return null;
    }

    // "The Gay Science (1882)", "La Vie de Galilée, 1938"; not "Untimely Meditations (1876), later expanded as … (1886)".
    [GeneratedRegex(@"^(?<work>[^()]+?)(?: \((?<year>\d{3,4})\)|, (?<year>\d{3,4}))$")]
    private static partial Regex WorkAndYear();

    [GeneratedRegex(@"\b(Quotations|Quotes|Cyclopedia|Citations)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuotationsBook();
}
