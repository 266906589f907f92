namespace QuoteArchive.Importer.Wikitext;

internal sealed partial class InlineRenderer
{
    /// <summary>
    /// The lines of the <c>&lt;gallery&gt;</c> whose opening tag ends at <paramref name="tagEnd"/> and whose closing tag
    /// ends at <paramref name="end"/>: each <c>File:Name.jpg|options|caption</c> (the namespace may be left out, as
    /// MediaWiki allows) gives its caption's range and the file line it starts on, as an image's caption
    /// (<see cref="WikiNamespaces.FileCaption"/>). The file name is never text; a line without a caption gives nothing.
    /// </summary>
    public IEnumerable<(int Line, (int From, int To) Caption)> GalleryCaptions(int tagEnd, int end)
    {
        var inner = Inner(tagEnd, end);
        foreach (var (from, to) in Split(inner.From, inner.To, '\n'))
        {
            if (WikiNamespaces.FileCaption(this, Split(from, to, '|')) is { } caption)
                yield return (line.LineOf(from), caption);
        }
    }

    /// <summary>A gallery within a line of text (<c>* words &lt;gallery&gt;…</c>): its captions, one a line.</summary>
    private void Gallery(int tagEnd, int end, InlineSink sink, int depth)
    {
        var first = true;
        foreach (var (_, caption) in GalleryCaptions(tagEnd, end))
        {
            var piece = Render(caption.From, caption.To, sink.Notes, depth + 1).Trim();
            if (piece.IsEmpty)
                continue;
            if (!first)
                sink.LineBreak();
            sink.Append(piece);
            first = false;
        }
    }
}
