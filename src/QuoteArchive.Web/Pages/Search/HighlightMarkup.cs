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

    public static IHtmlContent Render(IEnumerable<Highlighted> pieces)
    {
        var builder = new HtmlContentBuilder();
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
