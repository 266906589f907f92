using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Wikitext;

/// <summary>
/// A quote while its lines are still coming (continuation lines, attribution lines, the next line of a dialogue): its
/// parts are collected and joined once, when it is done, so a quote of many lines costs work in proportion to its
/// length. The page has at most one open draft; it becomes a <see cref="ParsedQuote"/> of its section when closed.
/// </summary>
internal sealed class QuoteDraft(ParsedSection section, QuoteKind kind, int line, QuoteStatus? status)
{
    private readonly List<Piece> text = [];
    private readonly List<(int Depth, int Line, List<Piece> Parts)> attribution = [];

    public ParsedSection Section { get; } = section;
    public QuoteKind Kind { get; } = kind;
    public QuoteStatus? Status { get; } = status;
    public bool IsFeatured { get; set; }
    public bool IsCaption { get; set; }
    public List<ParsedDialogueLine> DialogueLines { get; } = [];
    public List<ParsedParagraph> Notes { get; } = [];
    /// <summary>Author, work and year as the quote's source template named them, where it did.</summary>
    public FrenchTemplates.CitedSource? Cited { get; set; }
    /// <summary>The quote's source was a <c>{{Réf …}}</c> template, whether or not it named an author.</summary>
    public bool SourceTemplate { get; set; }

    /// <summary>The next line of the quote, after a line break.</summary>
    public void Continue(Piece piece) => text.Add(piece.Trim());

    public void AddAttribution(int depth, Piece piece, int at) => attribution.Add((depth, at, [piece.Trim()]));

    public bool HasAttribution => attribution.Count > 0;

    /// <summary>The last attribution line goes on after a line break (<c>**:</c>); false when there is none.</summary>
    public bool ContinueAttribution(Piece piece)
    {
        if (attribution.Count == 0)
            return false;
        attribution[^1].Parts.Add(piece.Trim());
        return true;
    }

    public ParsedQuote Close()
    {
        var joined = Joined(text);
        var quote = new ParsedQuote
        {
            Kind = Kind, Text = joined.Text, Html = joined.Html, Line = line, IsFeatured = IsFeatured, IsCaption = IsCaption,
            DialogueLines = DialogueLines, Notes = Notes,
            Attribution = attribution.Select(a => (a, Joined(a.Parts)))
                .Select(x => new ParsedAttributionLine { Depth = x.a.Depth, Text = x.Item2.Text, Html = x.Item2.Html, Line = x.a.Line }).ToList(),
        };
        if (Cited is { } cited)
            (quote.Author, quote.Work, quote.Year) = (cited.Author, cited.Work, cited.Year);
        quote.SourceTemplateNamesFields = SourceTemplate;
        Section.Quotes.Add(quote);
        return quote;
    }

    // Most quotes and attribution lines are one line: nothing to join (Trim returns a string that needs none as it is).
    private static Piece Joined(List<Piece> parts) => parts.Count == 1 ? new(parts[0].Text.Trim(), parts[0].Html.Trim())
        : new(string.Join("\n", parts.Select(p => p.Text)).Trim(), string.Join("<br>\n", parts.Select(p => p.Html)).Trim());
}
