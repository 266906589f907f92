using System.Text.RegularExpressions;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Topics;

/// <summary>
/// Who a quote is by, and from which work, where its first source line alone does not say but the page it stands on
/// does. On a person's page, a source line shaped <c>Dionysian-Dithyrambs (1888)</c> names the person's work, not an
/// author. On a page of many authors, a translation or the last lines of a verse may stand first under a quote and its
/// source after them (<c>Love, that all gentle hearts so quickly know.</c>, then <c>Dante Alighieri, Inferno, V. 100.</c>);
/// and a name in a shape a character or a title has too is an author once the page confirms it.
/// </summary>
public static partial class QuoteAuthors
{
    public static void Apply(ParsedTopic topic)
    {
        var sourced = topic.Quotes.Where(q => !q.SourceTemplateNamesFields && q.Attribution.Any(a => a.Depth == 1)).ToList();
        if (topic.Kind == TopicKind.Person)
        {
            foreach (var quote in sourced)
                WorkNamedAsAuthor(quote, quote.Attribution.First(a => a.Depth == 1).Text, topic.Title);
            return;
        }
        foreach (var quote in sourced.Where(q => q.Author is null && ReadsAsQuotedText(q.Attribution.First(a => a.Depth == 1).Text)))
            SourceAfterText(quote);
        ConfirmUnsure(sourced);
        if (topic.Kind is not (TopicKind.Film or TopicKind.TelevisionSeries))
            NamedByHeading(topic);
    }

    /// <summary>
    /// A page of many authors may head each one's quotes with a link to the author's page (fr.wikiquote's themes:
    /// <c>==== [[Léon Blum]] ====</c>, then a quote whose <c>{{Réf Livre}}</c> names only the book). The link may as well
    /// name a work: the name is the quote's author once the archive has a person's page of it (<see cref="UnsureAuthors"/>).
    /// </summary>
    private static void NamedByHeading(ParsedTopic topic)
    {
        foreach (var section in topic.Sections.Where(s => s.HeadingLink is not null))
        {
            foreach (var quote in section.Quotes.Where(q => q.Author is null && q.UnsureFields is null
                                                            && q.Status is QuoteStatus.Sourced or QuoteStatus.Unsourced))
                quote.UnsureFields = new AttributionParser.Fields(section.HeadingLink!, null, null);
        }
    }

    /// <summary>
    /// A name in a shape that a character or a title has as well (<c>Leo Tolstoy in War and Peace</c>, <c>Ovid,
    /// Metamorphoses, II. 846.</c>; <see cref="AttributionParser.TryParseUnsure"/>) is an author once the page says so:
    /// the name links to its page on the wiki (<c>[[Ovid]], ''Metamorphoses''</c>: Wikiquote links its authors so), or
    /// another of the page's quotes names it plainly; else the archive may, with a person's page of that name
    /// (<see cref="UnsureAuthors"/>). Standing before two works is no proof: a character of a series ("Sherlock Holmes in
    /// A Study in Scarlet", "… in The Sign of the Four") does, and a book before its chapters.
    /// </summary>
    private static void ConfirmUnsure(List<ParsedQuote> sourced)
    {
        var unsure = new List<(ParsedQuote Quote, AttributionParser.Fields Fields, bool Linked)>();
        foreach (var quote in sourced.Where(q => q.Author is null))
        {
            var source = quote.Attribution.First(a => a.Depth == 1);
            if (AttributionParser.TryParseUnsure(source.Text, out var fields))
                unsure.Add((quote, fields, OpensWithLinkToPage(source.Html, fields.Author)));
        }
        if (unsure.Count == 0)
            return;
        var named = sourced.Where(q => q.Author is not null).Select(q => q.Author!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in unsure.GroupBy(u => u.Fields.Author, StringComparer.OrdinalIgnoreCase))
        {
            var confirmed = name.Any(u => u.Linked) || named.Contains(name.Key);
            foreach (var (quote, fields, _) in name)
            {
                if (confirmed)
                    (quote.Author, quote.Work, quote.Year) = (fields.Author, fields.Work, fields.Year);
                else
                    quote.UnsureFields = fields;
            }
        }
    }

    private static bool OpensWithLinkToPage(string? html, string name) => WikiPageLink.Opening(html)?.Label == name;

    // The person's own quotes: a line that is a title and its year, with no comma, where an author would stand.
    private static void WorkNamedAsAuthor(ParsedQuote quote, string line, string person)
    {
        // "Winston S. Churchill (1899)" on Winston Churchill's page is the person, not a work ("Collected Poems of Robert
        // Frost (1930)" on Robert Frost's is one).
        if (quote is { Status: QuoteStatus.Sourced or QuoteStatus.Unsourced, Author: { } named, Work: null, Year: not null }
            && !IsThePerson(named, person)
            && line.TrimStart().StartsWith(named + " (", StringComparison.Ordinal) && !line.Contains(','))
            (quote.Author, quote.Work) = (null, named);
    }

    private static bool IsThePerson(string named, string person)
    {
        var (a, b) = (named.Split(' '), person.Split(' '));
        return string.Equals(a[0], b[0], StringComparison.OrdinalIgnoreCase) && string.Equals(a[^1], b[^1], StringComparison.OrdinalIgnoreCase);
    }

    // The first later source line that opens with a name, a comma and a work ("Dante Alighieri, Inferno …"); not one
    // that goes on in lower case ("Stabat Mater, authorship unknown, variously attributed to …").
    private static void SourceAfterText(ParsedQuote quote)
    {
        foreach (var line in quote.Attribution.Where(a => a.Depth == 1).Skip(1))
            if (AttributionParser.TryParse(line.Text, out var fields) && NameThenWork(line.Text, fields.Author))
            {
                (quote.Author, quote.Work, quote.Year) = (fields.Author, fields.Work, fields.Year);
                return;
            }
    }

    private static bool NameThenWork(string line, string author)
    {
        var at = line.IndexOf(author + ", ", StringComparison.Ordinal);
        return at >= 0 && line.Length > at + author.Length + 2 && line[at + author.Length + 2] is var c && (char.IsUpper(c) || c is '"' or '“');
    }

    /// <summary>
    /// A line that reads as the words of a quote, not as where they come from: a sentence or a verse line ending in its
    /// mark, with no number, no "by" and no word that says how a quote is known ("Paraphrase of Martial by …").
    /// </summary>
    private static bool ReadsAsQuotedText(string line)
    {
        var text = line.Trim().TrimEnd('"', '\'', '”', '’', '»', ')');
        return text.Length > 0 && text[^1] is '.' or '!' or '?' or ',' or ';' or ':' or '—'
               && text.Split(' ').Length >= 3 && !text.Any(char.IsDigit) && !SourceWords().IsMatch(text);
    }

    /// <summary>Words that say how a quote is known rather than where it is from ("as quoted in", "attributed", "variant" …).</summary>
    public static bool SaysHowQuoteIsKnown(string text) => SourceWords().IsMatch(text);

    [GeneratedRegex(@"\b(by|as quoted|quoted in|attributed|misattributed|ascribed|credited|compare|translated|translation|paraphrase|variant|cf\.|ibid|see|source|reported)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SourceWords();
}
