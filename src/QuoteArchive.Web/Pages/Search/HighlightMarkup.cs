using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using QuoteArchive.Storage.Search;

namespace QuoteArchive.Web.Pages.Search;

/// <summary>Our highlight markup around encoded text: the only place a <c>&lt;mark&gt;</c> is written.</summary>
public static class HighlightMarkup
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent Render(IEnumerable<Highlighted> pieces) => Render(new HtmlContentBuilder(), pieces);

    /// <summary>
    /// The pieces with their first <paramref name="length"/> characters inside a link: an author's name at the start of
    /// an attribution line, linked to the author's page as a quote card links it.
    /// </summary>
    public static IHtmlContent RenderLinked(IReadOnlyList<Highlighted> pieces, int length, string href)
    {
        var (linked, rest) = (new List<Highlighted>(), new List<Highlighted>());
        foreach (var piece in pieces)
        {
            var inLink = Math.Clamp(length, 0, piece.Text.Length);
            if (inLink > 0)
                linked.Add(piece with { Text = piece.Text[..inLink] });
            if (inLink < piece.Text.Length)
                rest.Add(piece with { Text = piece.Text[inLink..] });
            length -= inLink;
        }
        var builder = new HtmlContentBuilder();
        builder.AppendHtml("<a class=\"author\" href=\"").Append(href).AppendHtml("\">");
        Render(builder, linked).AppendHtml("</a>");
        return Render(builder, rest);
    }

    private static HtmlContentBuilder Render(HtmlContentBuilder builder, IEnumerable<Highlighted> pieces)
    {
        foreach (var piece in pieces)
        {
            if (piece.IsMatch)
                builder.AppendHtml("<mark>");
            var lines = piece.Text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                    builder.AppendHtml("<br>");
                builder.Append(lines[i]);
            }
            if (piece.IsMatch)
                builder.AppendHtml("</mark>");
        }
        return builder;
    }

    public static string ToHtmlString(IEnumerable<Highlighted> pieces)
    {
        var html = new StringBuilder();
        foreach (var piece in pieces)
            html.Append(piece.IsMatch ? "<mark>" + Encoder.Encode(piece.Text) + "</mark>" : Encoder.Encode(piece.Text));
        return html.ToString();
    }
}
