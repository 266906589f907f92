using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Wikitext;

internal sealed partial class PageBuilder
{
    /// <summary>
    /// A line that is only an image, <c>[[File:…|thumb|caption]]</c>: "the caption is kept as the page text
    /// format keeps captions; the file name is not a quote".
    /// </summary>
    private bool TryImage(BlockLine block)
    {
        var text = block.Line.Text;
        var at = renderer.SkipSpaceAndComments(block.From, block.To);
        if (at + 2 >= block.To || text[at] != '[' || text[at + 1] != '[' || !block.Line.Brackets.TryEnd(at, out var end))
            return false;
        // Residue after the image that holds no word (a stray "]]" or "-->" of an edit that went wrong) is dropped,
        // as FORMAT.md strips "link residue" from captions; words after an image make the line a paragraph.
        var after = renderer.SkipSpaceAndComments(end, block.To);
        if (after != block.To && text.AsSpan(after, block.To - after).ContainsAnyExcept(Residue))
            return false;
        var parts = renderer.Split(at + 2, end - 2, '|');
        var target = text[parts[0].From..parts[0].To].Trim();
        var colon = target.IndexOf(':');
        if (colon <= 0 || !WikiNamespaces.IsFile(target[..colon].Trim()))
            return false;
        return WikiNamespaces.FileCaption(renderer, parts) is not { } caption || Caption(block.Line.Line, caption);
    }

    private static readonly System.Buffers.SearchValues<char> Residue = System.Buffers.SearchValues.Create("[]{}<>-!|=~ \t");

    /// <summary>
    /// A line that is only a <c>&lt;gallery&gt;</c> … <c>&lt;/gallery&gt;</c>: each of its lines is an image
    /// (<c>File:Name.jpg|caption</c>), its caption taken as an image's is, at the line it stands on; the gallery's own
    /// <c>caption=</c> is a paragraph.
    /// </summary>
    private bool TryGallery(BlockLine block)
    {
        var text = block.Line.Text;
        var at = renderer.SkipSpaceAndComments(block.From, block.To);
        if (at >= block.To || text[at] != '<' || !Tags.TryOpen(text, at, block.To, out var name, out var tagEnd, out var selfClosing)
            || name != "gallery" || selfClosing || !block.Line.Brackets.TryEnd(at, out var end) || renderer.SkipSpaceAndComments(end, block.To) != block.To)
            return false;
        if (Tags.AttributeRange(text, at, tagEnd, "caption") is { } title)
        {
            var notes = new List<RefNote>();
            var piece = renderer.Render(title.From, title.To, notes);
            if (!piece.IsEmpty)
                Paragraph(block.Line.Line, piece, notes);
        }
        foreach (var (line, caption) in renderer.GalleryCaptions(tagEnd, end))
            Caption(line, caption);
        return true;
    }

    /// <summary>
    /// An image's caption. FORMAT.md: a caption with <c>~</c> "is a captioned quote: the text before the <c>~</c> is the
    /// quote, the text after it the attribution … The first one in the lead is the page's featured quote"; any other
    /// caption is a paragraph.
    /// </summary>
    private bool Caption(int line, (int From, int To) caption)
    {
        var notes = new List<RefNote>();
        var tilde = renderer.Split(caption.From, caption.To, '~');
        if (tilde.Count > 1 && !section.IsList)
        {
            var said = renderer.Render(caption.From, tilde[^1].From - 1, notes);
            var by = renderer.Render(tilde[^1].From, tilde[^1].To, notes).Trim();
            if (!said.IsEmpty)
            {
                openQuote = NewQuote(QuoteKind.Quote, said, line, notes);
                openQuote.IsCaption = true;
                if (!by.IsEmpty)
                    openQuote.AddAttribution(1, by, line);
                if (!inBody && !featuredTaken)
                    openQuote.IsFeatured = featuredTaken = true;
                EndQuote();
                return true;
            }
        }
        var piece = renderer.Render(caption.From, caption.To, notes);
        return piece.IsEmpty || Paragraph(line, piece, notes, isCaption: true);
    }
}
