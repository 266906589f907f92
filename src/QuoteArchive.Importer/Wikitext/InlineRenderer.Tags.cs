namespace QuoteArchive.Importer.Wikitext;

internal sealed partial class InlineRenderer
{
    // Tags whose content is shown as it stands and whose markup we do not carry into the quote's HTML: only the tags
    // this renderer writes reach the archive (<em>, <strong>, <a>, <br>, and the kept tags below), never HTML from the page.
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
        var hasEnd = line.Brackets.TryEnd(i, out var end) && end <= to;
        if (Tags.IsRaw(name) && name != "nowiki")
        {
            // A raw tag that never closes is text, as MediaWiki shows it; <math/> shows nothing.
            if (!selfClosing && !hasEnd)
                return i;
            flush();
            if (!selfClosing)
                RawText(name, Inner(tagEnd, end), sink);
            return selfClosing ? tagEnd : end;
        }
        if (!TransparentTags.Contains(name) && name != "br")
            return i;
        flush();
        if (KeptTags.Contains(name) && !selfClosing && Kept(name, tagEnd, to, sink, depth, poem) is { } keptEnd)
            return keptEnd;
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
            case "gallery" when hasEnd && !selfClosing:
                Gallery(tagEnd, end, sink, depth);
                return end;
            case "nowiki" when hasEnd && !selfClosing:
                var literal = Inner(tagEnd, end);
                sink.Append(System.Net.WebUtility.HtmlDecode(source[literal.From..literal.To]));
                return end;
            default:
                return tagEnd;
        }
    }

    // Tags written again as they stand, without attributes, around their rendered content: the stored HTML may carry
    // them (a superscript is part of what the text says: "mc²", "1<sup>er</sup>"). Each is written closed around a
    // content rendered on its own, so no element of the page is left open or crossed.
    private static readonly HashSet<string> KeptTags = ["sup", "sub", "code"];

    // Search memo for kept tags' closers, per name: from `From` no closer stands before `To` (see ExternalLink's).
    private Dictionary<string, (int From, int To)>? noCloser;

    /// <summary>
    /// <c>&lt;sup&gt;2&lt;/sup&gt;</c>: the content rendered, the tag written around it. A tag that does not close before
    /// <paramref name="to"/> is left to be dropped as other transparent tags are (null).
    /// </summary>
    private int? Kept(string name, int tagEnd, int to, InlineSink sink, int depth, bool poem)
    {
        if (noCloser is not null && noCloser.TryGetValue(name, out var none) && tagEnd >= none.From && to <= none.To)
            return null;
        // The closer that stands at the top level of the range: one inside a template or a link closes nothing here.
        var i = tagEnd;
        while (i < to)
        {
            var ahead = source.AsSpan(i, to - i).IndexOfAny(CloserSkips);
            if (ahead < 0)
                break;
            i += ahead;
            if (line.TryConstructEnd(i, to, out var skip))
            {
                i = skip;
                continue;
            }
            if (source[i] == '<' && Tags.TryClose(source, i, to, out var closing, out var closeEnd) && closing == name)
            {
                var inner = Render(tagEnd, i, sink.Notes, depth + 1, poem);
                sink.Append(new Piece(inner.Text, $"<{name}>{inner.Html}</{name}>"));
                return closeEnd;
            }
            i++;
        }
        (noCloser ??= new(StringComparer.Ordinal))[name] = (tagEnd, to);
        return null;
    }

    private static readonly System.Buffers.SearchValues<char> CloserSkips = System.Buffers.SearchValues.Create("{[<");

    /// <summary>
    /// The content of a raw tag as plain text: TeX (<c>&lt;math&gt;</c>, <c>&lt;chem&gt;</c>) and music
    /// (<c>&lt;score&gt;</c>) on one line, as their source; <c>&lt;pre&gt;</c> and code (<c>&lt;syntaxhighlight&gt;</c>)
    /// with their line breaks, <c>&lt;pre&gt;</c>'s entities decoded as MediaWiki decodes them.
    /// </summary>
    private void RawText(string name, (int From, int To) inner, InlineSink sink)
    {
        var text = source.AsSpan(inner.From, inner.To - inner.From).Trim('\n');
        if (name is "math" or "chem" or "ce" or "score")
        {
            sink.Append(string.Join(' ', text.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
            return;
        }
        var lines = (name == "pre" ? System.Net.WebUtility.HtmlDecode(text.ToString()) : text.ToString()).Split('\n');
        for (var k = 0; k < lines.Length; k++)
        {
            if (k > 0)
                sink.LineBreak();
            sink.Append(lines[k].TrimEnd('\r'));
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
