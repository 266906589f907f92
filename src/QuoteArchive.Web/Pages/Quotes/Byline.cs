using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Quotes;

/// <summary>
/// Whose a quote is, where the page around it is not there to say so: a share image, a title, a citation, a feed entry.
/// Never the topic as if it were the author: a quote without an author, a misattributed one (its attribution may name
/// the person it is wrongly credited to) and one about somebody say what the archive does know.
/// </summary>
public static class Byline
{
    /// <summary>The author to credit the quote to; null for a misattributed quote and where the archive knows none.</summary>
    public static string? AuthorOf(QuoteView quote) => quote.Status == QuoteStatus.Misattributed ? null : quote.By;

    /// <summary>
    /// What a copy of a quote must say when the page doubts whose it is: "Attribution disputed", "Misattributed"; null for
    /// any other quote. A citation or a text without it would present the quote as genuine.
    /// </summary>
    public static string? Caution(QuoteView quote) => quote.Status switch
    {
        QuoteStatus.Disputed => "Attribution disputed",
        QuoteStatus.Misattributed => "Misattributed",
        _ => null,
    };

    /// <summary>
    /// One line: "U Thant", "Sigmund Freud, on Friedrich Nietzsche", "A. N. Author (disputed)"; and where no author is
    /// credited, "Misattributed, in “Friedrich Nietzsche”", "About Friedrich Nietzsche", "From “Love”".
    /// </summary>
    /// <returns>the line, and whether it names the author (the share image writes a dash before an author)</returns>
    public static (string Text, bool IsAuthor) Of(QuoteView quote)
    {
        var topic = quote.Topic.Title;
        return (quote.Status, AuthorOf(quote)) switch
        {
            (QuoteStatus.About, { } author) => ($"{author}, on {topic}", true),
            (QuoteStatus.Disputed, { } author) => ($"{author} (disputed)", true),
            (_, { } author) => (author, true),
            (QuoteStatus.Misattributed, _) => ($"Misattributed, in “{topic}”", false),
            (QuoteStatus.Disputed, _) => ($"Disputed, in “{topic}”", false),
            (QuoteStatus.About, _) => ($"About {topic}", false),
            _ => ($"From “{topic}”", false),
        };
    }
}
