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
    /// <param name="headingLevels">whether the format gives its headings levels (wikitext, Markdown); page text does not</param>
    public static void Apply(ParsedTopic topic, bool headingLevels)
    {
        var lead = topic.LeadSentence?.Text;
        if (topic.Kind is TopicKind.Film or TopicKind.TelevisionSeries or TopicKind.LiteraryWork)
        {
            var year = lead is not null && LeadYear().Match(lead) is { Success: true } match ? match.Groups["year"].Value : null;
            foreach (var section in topic.Sections)
                Fill(section, topic.Title, year, pageIsTheWork: true);
        }
        else if (topic.Kind == TopicKind.Person)
        {
            for (var i = 0; i < topic.Sections.Count; i++)
            {
                if (topic.Sections[i].Quotes.Count == 0)
                    continue;
                if (WorkAbove(topic.Sections, i, headingLevels) is var (work, year))
                    Fill(topic.Sections[i], work, year);
                else
                    FillFromSourceLines(topic.Sections[i]);
            }
        }
    }

    // A person's own quote under no work's heading, whose source line names no author but a work and its date
    // ("\"The Celebrated Jumping Frog of Calaveras County\" (1865).", "Letter to Annie Moffett Webster (September 1, 1876).");
    // not a part of a work (a preface, a fragment), a line going on from another ("originally in …"), nor one that
    // says how the quote is known ("As quoted in …").
    private static void FillFromSourceLines(ParsedSection section)
    {
        foreach (var quote in section.Quotes.Where(q => q is { Status: QuoteStatus.Sourced, Author: null, Work: null }))
        {
            if (quote.Attribution.FirstOrDefault(a => a.Depth == 1) is { } source
                && TryTitleAndYear(source.Text.Trim().TrimEnd('.'), out var work, out var year)
                && !work.Contains(',') && char.IsUpper(work[0]) && !IsPartOfAWork(work) && !QuoteAuthors.SaysHowQuoteIsKnown(work))
                (quote.Work, quote.Year) = (work, year);
        }
    }

    private static void Fill(ParsedSection section, string work, string? year, bool pageIsTheWork = false)
    {
        foreach (var quote in section.Quotes.Where(q => q.Status is QuoteStatus.Sourced or QuoteStatus.Unsourced))
        {
            // A film's dialogue needs no source line: the page's film is its source (unless a heading says "Unsourced").
            if (pageIsTheWork && quote is { Status: QuoteStatus.Unsourced, StatusByDefault: true, Work: null })
                quote.Status = QuoteStatus.Sourced;
            if (quote.Work is null)
                (quote.Work, quote.Year) = (work, quote.Year ?? year);
            // The source names the same work with its edition's year ("La Vie de Galilée, …, éd. L'Arche, 1990" under
            // "La Vie de Galilée, 1938"): the page's year is the work's.
            else if (year is not null && string.Equals(quote.Work, work, StringComparison.OrdinalIgnoreCase))
                quote.Year = year;
        }
    }

    // With levels, the headings the section stands under. Page text has none: the nearest dated heading above, if the
    // section can stand under it: the dated heading holds no quotes of its own (it heads parts: "Human, All Too Human
    // (1878)" above "Menschliches, Allzumenschliches"), or every heading between reads as a part of a work (Part 2,
    // Scène 9, "… translation"). Otherwise ("Interviews" after "Novel (1950)" and its quotes) it is a section of its own.
    private static (string Work, string Year)? WorkAbove(List<ParsedSection> sections, int index, bool headingLevels)
    {
        var below = int.MaxValue;
        var onlyParts = true;
        for (var j = index; j >= 0; j--)
        {
            var section = sections[j];
            if (headingLevels && section.Level >= below)
                continue;
            below = section.Level;
            if (section.Heading is not { } heading || section.IsList || SectionRules.StatusOf(heading, out var reset) is not null || reset)
                return null;
            if (TryTitleAndYear(heading, out var work, out var year))
                return QuotationsBook().IsMatch(heading) || !headingLevels && j < index && section.Quotes.Count > 0 && !onlyParts
                    ? null
                    : (work, year);
            if (!headingLevels && j < index && section.Quotes.Count > 0 && !IsPartOfAWork(heading))
                return null;
            onlyParts &= IsPartOfAWork(heading);
        }
        return null;
    }

    /// <summary>A heading or line that names a part of a work: Part 2, Scène 9, Sec 910, § 3, "… translation".</summary>
    public static bool IsPartOfAWork(string text) => PartOfAWork().IsMatch(text);

    [GeneratedRegex(@"^(Part|Book|Chapter|Ch\.|Act|Scene|Canto|Section|Sec\.?|§|Aphorism|Fragment|Stanza|Preface|Prologue|Foreword|Introduction|Epilogue|Afterword|Volume|Vol\.|No\.|Partie|Livre|Chapitre|Acte|Scène|Tome|Préface)(?=\W|$)|\btranslation\b", RegexOptions.IgnoreCase)]
    private static partial Regex PartOfAWork();

    /// <summary>
    /// A work's title and its year, as headings and a person's source lines give them: "The Gay Science (1882)", "La Vie
    /// de Galilée, 1938", a date with the year, after a place or not ("Letter to Annie Moffett Webster (September 1,
    /// 1876)", "Concerning the Jews (Harper's Magazine, Sept. 1899)"); the title without the quotation marks a short
    /// work's takes ("\"The Danger of Lying in Bed\" (1871)"). Not a period ("Early years (1870–1889)"), nor "Untimely
    /// Meditations (1876), later expanded as … (1886)".
    /// </summary>
    public static bool TryTitleAndYear(string text, out string work, out string year)
    {
        var match = WorkAndYear().Match(text.Trim());
        (work, year) = match.Success ? (Unquoted(match.Groups["work"].Value.Trim()), match.Groups["year"].Value) : ("", "");
        return work.Length > 0;
    }

    // "\"The Danger of Lying in Bed\"" is the title in its marks; "Speech to the \"Lantern Club\"" keeps them.
    private static string Unquoted(string title) =>
        title.Length > 2 && title[0] is '"' or '“' && title[^1] is '"' or '”' && title[1..^1].IndexOfAny(['"', '“', '”']) < 0
            ? title[1..^1].Trim()
            : title;

    [GeneratedRegex(@"^(?<work>[^()]+?)(?: \((?<year>\d{3,4})\)| \((?:[^()]{1,40}, )?(?:\d{1,2} )?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Spring|Summer|Autumn|Fall|Winter)[a-z]*\.?(?: \d{1,2},?)? (?<year>\d{4})\)|, (?<year>\d{3,4}))$")]
    private static partial Regex WorkAndYear();

    // "The Half of It is a 2020 coming-of-age …", "Casablanca was a 1942 …": the year of the page's work.
    [GeneratedRegex(@"\b(?:is|was) an? (?<year>\d{4})\b")]
    private static partial Regex LeadYear();

    [GeneratedRegex(@"\b(Quotations|Quotes|Cyclopedia|Citations)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuotationsBook();
}
