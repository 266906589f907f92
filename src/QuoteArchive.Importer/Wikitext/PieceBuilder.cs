using System.Text;

namespace QuoteArchive.Importer.Wikitext;

/// <summary>Builds a template's rendering from its parameters' pieces and the punctuation it puts between them.</summary>
internal sealed class PieceBuilder
{
    private readonly StringBuilder text = new();
    private readonly StringBuilder html = new();

    public int Length => text.Length;

    public PieceBuilder Add(string plain)
    {
        text.Append(plain);
        HtmlText.Append(html, plain);
        return this;
    }

    public PieceBuilder Add(Piece piece)
    {
        text.Append(piece.Text);
        html.Append(piece.Html);
        return this;
    }

    /// <summary><paramref name="before"/>, the piece, <paramref name="after"/>: all or nothing, as a template skips an empty parameter.</summary>
    public PieceBuilder Add(string before, Piece piece, string after = "", bool italic = false)
    {
        if (piece.IsEmpty)
            return this;
        Add(before);
        if (italic)
            html.Append("<em>");
        Add(piece);
        if (italic)
            html.Append("</em>");
        return Add(after);
    }

    /// <summary>
    /// <paramref name="label"/> linked to <paramref name="href"/>, an address the reader built itself; a label that holds
    /// a link of its own (<c>title=A [[Made-up]] title</c>) keeps it, unlinked around it: HTML nests no link in another.
    /// </summary>
    public PieceBuilder Link(string href, Piece label, bool italic = false)
    {
        var linked = !label.Html.Contains("<a ", StringComparison.Ordinal);
        text.Append(label.Text);
        if (linked)
        {
            html.Append("<a href=\"");
            HtmlText.Append(html, href);
            html.Append("\">");
        }
        html.Append(italic ? "<em>" : "").Append(label.Html).Append(italic ? "</em>" : "").Append(linked ? "</a>" : "");
        return this;
    }

    public Piece Build() => new(text.ToString(), html.ToString());
}
