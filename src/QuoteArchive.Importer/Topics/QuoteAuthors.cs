using System.Text.RegularExpressions;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Topics;

/// <summary>
/// Who a quote is by, and from which work, where its first source line alone does not say but the page it stands on
/// does. On a person's page, a source line shaped <c>Dionysian-Dithyrambs (1888)</c> names the person's work, not an
/// author. On a page of many authors, a translation or the last lines of a verse may stand first under a quote and its
/// source after them (<c>Love, that all gentle hearts so quickly know.</c>, then <c>Dante Alighieri, Inferno, V. 100.</c>).
/// </summary>
public static partial class QuoteAuthors
{
    public static void Apply(ParsedTopic topic)
    {
        foreach (var quote in topic.Sections.SelectMany(s => s.Quotes))
        {
            if (quote.SourceTemplateNamesFields || quote.Attribution.FirstOrDefault(a => a.Depth == 1) is not { } first)
                continue;
            if (topic.Kind == TopicKind.Person)
                WorkNamedAsAuthor(quote, first.Text, topic.Title);
            else if (quote.Author is null && ReadsAsQuotedText(first.Text))
                SourceAfterText(quote);
        }
    }

    // The person's own quotes: a line that is a title and its year, with no comma, where an author would stand.
    private static void WorkNamedAsAuthor(ParsedQuote quote, string line, string person)
    {
        if (quote is { Status: QuoteStatus.Sourced or QuoteStatus.Unsourced, Author: { } named, Work: null, Year: not null }
            && !string.Equals(named, person, StringComparison.OrdinalIgnoreCase)
            && line.TrimStart().StartsWith(named + " (", StringComparison.Ordinal) && !line.Contains(','))
            (quote.Author, quote.Work) = (null, named);
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

    [GeneratedRegex(@"\b(by|as quoted|quoted in|attributed|translated|translation|paraphrase|variant|cf\.|ibid|see|source|reported)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SourceWords();
}
