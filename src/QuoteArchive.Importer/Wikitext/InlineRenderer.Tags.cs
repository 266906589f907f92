namespace QuoteArchive.Importer.Wikitext;

internal sealed partial class InlineRenderer
{
    // Tags whose content is shown as it stands and whose markup we do not carry into the quote's HTML: only the tags
    // this renderer writes reach the archive (<em>, <strong>, <a>, <br>), never HTML from the page.
    private static readonly HashSet<string> TransparentTags =
    [
        "small", "big", "center", "blockquote", "span", "div", "sup", "sub", "u", "s", "strike", "del", "ins", "font", "p",
        "i", "b", "em", "strong", "code", "tt", "cite", "q", "abbr", "var", "kbd", "samp", "dfn", "bdi", "mark", "hr",
        "references", "ref", "poem", "gallery", "onlyinclude", "includeonly", "noinclude", "section", "nowiki",
    ];

    private int Tag(int i, int to, InlineSink sink, int depth, bool poem, Action flush)
    {
        if (Tags.At(source, i, to, "!--"))
        {
            // MediaWiki drops comments; one that never closes was reported and is kept as text.
            if (!line.Brackets.TryEnd(i, out var commentEnd) || commentEnd > to)
                return i;
            flush();
            return commentEnd;
        }
        if (Tags.TryClose(source, i, to, out var closing, out var closeEnd))
        {
            if (!TransparentTags.Contains(closing) && closing != "br")
                return i;
            flush();
            return closeEnd;
        }
        if (!Tags.TryOpen(source, i, to, out var name, out var tagEnd, out var selfClosing))
            return i;
        if (!TransparentTags.Contains(name) && name != "br")
            return i;
        flush();
        var hasEnd = line.Brackets.TryEnd(i, out var end) && end <= to;
        switch (name)
        {
            // A paragraph inside a quote (<p>, as pages write it between the stanzas of a poem) breaks the line.
            case "br" or "p":
                sink.LineBreak();
                return tagEnd;
            case "ref":
                Reference(i, tagEnd, selfClosing, hasEnd ? end : -1, sink, depth);
                return hasEnd && !selfClosing ? end : tagEnd;
            case "poem" when hasEnd && !selfClosing:
                var inner = Inner(tagEnd, end);
                // The line ends right after <poem> and right before </poem> are not lines of the poem.
                var (from, until) = (inner.From, inner.To);
                if (from < until && source[from] == '\n')
                    from++;
                if (until > from && source[until - 1] == '\n')
                    until--;
                Run(from, until, sink, depth + 1, poem: true);
                return end;
            case "nowiki" when hasEnd && !selfClosing:
                var literal = Inner(tagEnd, end);
                sink.Append(System.Net.WebUtility.HtmlDecode(source[literal.From..literal.To]));
                return end;
            default:
                return tagEnd;
        }
    }

    /// <summary>The content between an opening tag ending at <paramref name="tagEnd"/> and the closing tag ending at <paramref name="end"/>.</summary>
    private (int From, int To) Inner(int tagEnd, int end)
    {
        var close = source.LastIndexOf("</", end - 1, end - tagEnd, StringComparison.Ordinal);
        return (tagEnd, close < tagEnd ? end : close);
    }

    /// <summary>
    /// "The reference text is kept as a note of the quote it belongs to, not lost and not glued into the
    /// quote's text". A named reference is remembered; <c>&lt;ref name=x /&gt;</c> repeats it, even when it is defined
    /// further down the page (the note is filled in when the page is read).
    /// </summary>
    private void Reference(int i, int tagEnd, bool selfClosing, int end, InlineSink sink, int depth)
    {
        var name = Tags.Attribute(source[i..tagEnd], "name");
        if (selfClosing || end < 0)
        {
            if (end < 0 && !selfClosing)
                return;
            sink.Notes.Add(new RefNote(name, name is not null && page.NamedRefs.TryGetValue(name, out var known) ? known : null, line.LineOf(i)));
            return;
        }
        var inner = Inner(tagEnd, end);
        var text = Render(inner.From, inner.To, sink.Notes, depth + 1).Trim();
        if (name is not null && !text.IsEmpty)
            page.NamedRefs.TryAdd(name, text);
        sink.Notes.Add(new RefNote(name, text, line.LineOf(i)));
    }
}
