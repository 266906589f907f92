using System.Text.RegularExpressions;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Topics;

/// <summary>
/// Which work a quote comes from when its attribution names none, from the page it stands on. A film's, a series' or a
/// book's page quotes that work: its title, and the year its lead gives ("… is a 2020 coming-of-age comedy-drama film").
/// A person page lists its subject's quotes under the works they come from (<c>=== The Gay Science (1882) ===</c>, the
/// French pages' <c>La Vie de Galilée, 1938</c>): the nearest such heading above the quote. The search stops at a
/// heading that says what the quotes are (Quotes, Disputed, Quotes about …) or lists other things; a heading naming a
/// book of quotations (<c>Bartlett's Familiar Quotations, 10th ed. (1919)</c>) is where the quotes were found, not the
/// person's work. Quotes about the subject, disputed or misattributed ones are left as they are.
/// </summary>
public static partial class QuoteWorks
{
    public static void Apply(ParsedTopic topic)
    {
        if (topic.Kind is TopicKind.Film or TopicKind.TelevisionSeries or TopicKind.LiteraryWork)
        {
            var year = topic.Lead.FirstOrDefault() is { } lead && LeadYear().Match(lead.Text) is { Success: true } match ? match.Groups["year"].Value : null;
            foreach (var section in topic.Sections)
                Fill(section, topic.Title, year);
        }
        else if (topic.Kind == TopicKind.Person)
        {
            // Page text has no heading levels: every heading above counts. With levels, only those the section stands under.
            var levelled = topic.Sections.Any(s => s.Level > 1);
            for (var i = 0; i < topic.Sections.Count; i++)
                if (topic.Sections[i].Quotes.Count > 0 && WorkAbove(topic.Sections, i, levelled) is var (work, year))
                    Fill(topic.Sections[i], work, year);
        }
    }

    private static void Fill(ParsedSection section, string work, string? year)
    {
        foreach (var quote in section.Quotes.Where(q => q.Work is null && q.Status is QuoteStatus.Sourced or QuoteStatus.Unsourced))
        {
            quote.Work = work;
            quote.Year ??= year;
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

    // "The Half of It is a 2020 coming-of-age …", "Casablanca was a 1942 …": the year of the page's work.
    [GeneratedRegex(@"\b(?:is|was) an? (?<year>\d{4})\b")]
    private static partial Regex LeadYear();

    [GeneratedRegex(@"\b(Quotations|Quotes|Cyclopedia|Citations)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuotationsBook();
}
