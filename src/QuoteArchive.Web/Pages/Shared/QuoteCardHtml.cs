using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Shared;

/// <summary>
/// The markup of one quote, on every page that shows one: <c>@Html.QuoteCard(card)</c>. Written straight into the
/// page's writer, each value encoded there: a partial view per card (Love has 1,530) cost more than the cards' text.
/// </summary>
public sealed class QuoteCardHtml(QuoteCard card, HttpRequest request) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var quote = card.Quote;
        var marked = card.Marked;
        writer.Write(quote.Kind == QuoteKind.Dialogue ? "<figure class=\"quote dialogue\" id=\"q-" : "<figure class=\"quote\" id=\"q-");
        encoder.Encode(writer, quote.Id);
        writer.Write("\">\n");
        if (marked is not null)
        {
            writer.Write("        <blockquote dir=\"auto\"><p>");
            marked.Text.WriteTo(writer, encoder);
            writer.Write("</p></blockquote>\n");
        }
        else if (quote.Kind == QuoteKind.Dialogue && quote.DialogueLines.Count > 0)
        {
            writer.Write("        <blockquote dir=\"auto\">\n");
            foreach (var line in quote.DialogueLines)
            {
                writer.Write("                <p>");
                if (line.Speaker is not null)
                {
                    writer.Write("<b class=\"speaker\">");
                    encoder.Encode(writer, line.Speaker);
                    writer.Write(":</b> ");
                }
                ArchiveMarkup.Write(writer, encoder, line.Text, null);
                writer.Write("</p>\n");
            }
            writer.Write("        </blockquote>\n");
        }
        else
        {
            writer.Write("        <blockquote dir=\"auto\">\n            ");
            ArchiveMarkup.WriteParagraph(writer, encoder, quote.Text, quote.Html);
            writer.Write("\n        </blockquote>\n");
        }
        writer.Write("    <figcaption>\n");
        // "Quotes about …" already says so above a quote on its topic page; alone, the quote needs the badge.
        if ((quote.Status == QuoteStatus.About && !card.Standalone ? null : ArchiveMarkup.StatusLabel(quote.Status)) is { } status)
        {
            writer.Write("            <p class=\"");
            encoder.Encode(writer, ArchiveMarkup.StatusClass(quote.Status));
            writer.Write("\" lang=\"en\">");
            encoder.Encode(writer, status);
            writer.Write("</p>\n");
        }
        var nameLinked = marked?.NameLinked ?? NameLinked(quote);
        if (marked is { Attribution.Count: > 0 })
        {
            writer.Write("            <div class=\"attribution\">\n                <ul>\n");
            foreach (var (line, i) in marked.Attribution.Select((line, i) => (line, i)))
            {
                writer.Write(i < quote.Attribution.Count && quote.Attribution[i].IsLabelled ? "                        <li class=\"labelled\">" : "                        <li>");
                line.WriteTo(writer, encoder);
                writer.Write("</li>\n");
            }
            writer.Write("                </ul>\n            </div>\n");
        }
        else if (quote.Attribution.Count > 0)
        {
            writer.Write("            <div class=\"attribution\">\n");
            WriteAttribution(writer, encoder, ArchiveMarkup.Nest(quote.Attribution, a => a.Depth), nameLinked);
            writer.Write("            </div>\n");
        }
        if (quote.DialogueLines.Count > 0 && quote.DialogueLines.Where(l => l.PlayedBy is not null).DistinctBy(l => l.Speaker).ToList() is { Count: > 0 } cast)
        {
            writer.Write("            <p class=\"cast\" lang=\"en\">");
            encoder.Encode(writer, string.Join("; ", cast.Select(l => $"{l.Speaker}, played by {l.PlayedBy}")));
            writer.Write("</p>\n");
        }
        if (quote.Notes.Count > 0)
        {
            writer.Write("            <ol class=\"notes\" aria-label=\"Notes\">\n");
            foreach (var note in quote.Notes)
            {
                writer.Write("                    <li>");
                ArchiveMarkup.Write(writer, encoder, note.Text, note.Html);
                writer.Write("</li>\n");
            }
            writer.Write("            </ol>\n");
        }
        if (quote.AuthorUrl is { } authorUrl && !nameLinked)
        {
            writer.Write("            <p class=\"by\"><a class=\"author\" href=\"");
            encoder.Encode(writer, authorUrl);
            writer.Write("\">");
            encoder.Encode(writer, quote.AuthorName ?? "");
            writer.Write("</a></p>\n");
        }
        // The address is shown whole, so it can be copied without script; the buttons beside it come from quote-links.js.
        var permalink = ArchiveUrls.Quote(quote.Id);
        writer.Write("        <p class=\"permalink\" lang=\"en\" dir=\"ltr\"><a href=\"");
        encoder.Encode(writer, permalink);
        writer.Write("\" title=\"Permalink to this quote\">Permalink <span class=\"url\">");
        encoder.Encode(writer, request.Absolute(permalink));
        writer.Write("</span></a></p>\n    </figcaption>\n</figure>\n");
    }

    // A reader can go from any quote to all of its author's: the attribution links to the author page, on the name
    // itself when the first line starts with it.
    private static bool NameLinked(QuoteView quote) =>
        quote.AuthorUrl is not null && quote.AuthorName is not null
        && quote.Attribution is [{ Html: null } first, ..] && first.Text.StartsWith(quote.AuthorName, StringComparison.Ordinal);

    private void WriteAttribution(TextWriter writer, HtmlEncoder encoder, List<Nested<AttributionView>> lines, bool nameLinked)
    {
        var quote = card.Quote;
        writer.Write("        <ul>\n");
        foreach (var line in lines)
        {
            writer.Write(line.Value.IsLabelled ? "                <li class=\"labelled\">" : "                <li>");
            if (nameLinked && ReferenceEquals(line.Value, quote.Attribution[0]))
            {
                writer.Write("<a class=\"author\" href=\"");
                encoder.Encode(writer, quote.AuthorUrl!);
                writer.Write("\">");
                encoder.Encode(writer, quote.AuthorName!);
                writer.Write("</a>");
                ArchiveMarkup.Write(writer, encoder, line.Value.Text[quote.AuthorName!.Length..], null);
            }
            else
                ArchiveMarkup.Write(writer, encoder, line.Value.Text, line.Value.Html);
            if (line.Children.Count > 0)
                WriteAttribution(writer, encoder, line.Children, nameLinked);
            writer.Write("</li>\n");
        }
        writer.Write("        </ul>\n");
    }
}

public static class QuoteCardHtmlExtensions
{
    /// <summary>The card of a quote, its permalink's address as the reader reached the site.</summary>
    public static IHtmlContent QuoteCard(this IHtmlHelper html, QuoteCard card) => new QuoteCardHtml(card, html.ViewContext.HttpContext.Request);
}
