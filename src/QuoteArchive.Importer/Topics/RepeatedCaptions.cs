using System.Net;

namespace QuoteArchive.Importer.Topics;

/// <summary>
/// An image's caption that repeats a quote of its page (Love's "All's fair in love and war. ~ Francis Edward Smedley"
/// beside the bullet with its full source) illustrates that quote; it is no second quote with a permalink of its own.
/// It stays where it stood, as a paragraph of its section. The quote kept is the listed one, or the first caption
/// when only captions repeat one another; the page's featured quote always stays one, as does a caption with notes of
/// its own (references), which a paragraph cannot keep.
/// </summary>
public static class RepeatedCaptions
{
    public static void Fold(ParsedTopic topic)
    {
        if (!topic.Quotes.Any(q => q.IsCaption))
            return;
        var keys = topic.Quotes.ToDictionary(q => q, Key);
        var kept = new Dictionary<string, ParsedQuote>(StringComparer.Ordinal);
        foreach (var quote in topic.Quotes.OrderBy(q => q.IsCaption))
            kept.TryAdd(keys[quote], quote);
        foreach (var section in topic.Sections)
        {
            var folded = section.Quotes.Where(q => q is { IsCaption: true, IsFeatured: false, Notes.Count: 0 } && kept[keys[q]] != q).ToList();
            if (folded.Count == 0)
                continue;
            // Taken out in one pass: one Remove per caption cost a section of 36,000 repeated captions seconds.
            var taken = folded.ToHashSet();
            section.Quotes.RemoveAll(taken.Contains);
            var paragraphs = new List<ParsedParagraph>(folded.Count);
            foreach (var caption in folded.OrderBy(c => c.Line))
            {
                // "… ~ Aristotle" said who, where the listed quote's source line may not say it plainly.
                var quote = kept[keys[caption]];
                if (quote is { Author: null, SourceTemplateNamesFields: false } && caption.Author is not null)
                    (quote.Author, quote.Work, quote.Year) = (caption.Author, quote.Work ?? caption.Work, quote.Year ?? caption.Year);
                var by = caption.Attribution.FirstOrDefault();
                paragraphs.Add(new ParsedParagraph
                {
                    Text = by is null ? caption.Text : $"{caption.Text} ~ {by.Text}",
                    Html = caption.Html is null ? null : by is null ? caption.Html : $"{caption.Html} ~ {by.Html ?? WebUtility.HtmlEncode(by.Text)}",
                    Line = caption.Line,
                });
            }
            ParsedParagraph.InsertInLineOrder(section.Notes, paragraphs);
        }
    }

    // "The good life is one inspired by love and guided by knowledge" under an image, the same with a full stop in the
    // list, "love is the every only god" there in small letters: one quote each.
    private static string Key(ParsedQuote quote) => string.Join(' ', QuoteWords.Of(quote.Text));
}
