using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Topics;

/// <summary>The fields of a quote that follow from its place and its attribution, the same in every format.</summary>
public static class QuoteFields
{
    /// <summary>
    /// FORMAT.md "Quote status, from the headings above the quote … else sourced when it has an attribution line,
    /// unsourced when it has none", and "Attribution fields, parsed from the first attribution line when it has the
    /// shape <c>Author, Work (Year)</c>"; a French source line (<see cref="AttributionParser.TryParseReference"/>) before
    /// it; nothing where the source named them itself (a fr.wikiquote <c>{{Réf …}}</c> template).
    /// </summary>
    /// <param name="statusFromHeadings">what the headings above the quote say, if anything</param>
    public static void Complete(ParsedQuote quote, QuoteStatus? statusFromHeadings)
    {
        quote.Status = statusFromHeadings ?? (quote.Attribution.Count > 0 ? QuoteStatus.Sourced : QuoteStatus.Unsourced);
        quote.StatusByDefault = statusFromHeadings is null;
        if (quote.Author is not null || quote.SourceTemplateNamesFields)
            return;
        // A French source line, work first, is known by its marks wherever it stands (a précision may come before it).
        foreach (var line in quote.Attribution.Where(a => a.Depth == 1))
            if (AttributionParser.TryParseReference(line.Text, out var cited))
            {
                (quote.Author, quote.Work, quote.Year) = (cited.Author, cited.Work, cited.Year);
                return;
            }
        var source = quote.Attribution.FirstOrDefault(a => a.Depth == 1);
        if (source is null || !AttributionParser.TryParse(source.Text, out var fields))
            return;
        // A title in italics alone where a name would stand (''The Girl I Left Behind Me'' (1759), ''[[Marvin's Room]]'') is
        // the work: names are not set in italics. Followed by another work, the italics were the name's after all.
        (quote.Author, quote.Work, quote.Year) = fields.Work is null && ItalicOpening.TextOf(source.Html) == fields.Author
                                                 && !NoOne.Contains(fields.Author)
            ? (null, fields.Author, fields.Year)
            : (fields.Author, fields.Work, fields.Year);
    }

    // Words an attribution sets in italics for want of a name: no title.
    private static readonly HashSet<string> NoOne = new(["Anonymous", "Anon.", "Anon", "Unknown", "Author unknown"], StringComparer.OrdinalIgnoreCase);
}
