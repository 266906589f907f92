namespace QuoteArchive.Importer.PageText;

/// <summary>Splits page text into classified lines (FORMAT.md "Line kinds").</summary>
internal static class LineReader
{
    private const char Bullet = '•';
    private static readonly char[] OtherMarkers = ['*', '-', '·'];

    public static List<PageLine> Read(ContentFile file, List<Diagnostic> diagnostics)
    {
        var lines = new List<PageLine>();
        var number = 0;
        int? itemIndent = null;       // indent of the bullet whose item is still open (no blank line since)
        var previous = LineKind.Blank;
        SisterBox? boxWithoutArticle = null;
        // Only '\n' ends a line (ContentFile made every CRLF and CR one); EnumerateLines would also split at U+0085,
        // U+2028 and form feeds, which are text here.
        foreach (var range in file.Text.AsSpan().Split('\n'))
        {
            var raw = file.Text.AsSpan(range);
            number++;
            // FORMAT.md: "A tab in leading white space counts as two spaces. Trailing white space is ignored."
            var (indent, start) = Indentation(raw);
            var text = raw[start..].TrimEnd().ToString();
            PageLine line;
            if (text.Length == 0)
                line = new(number, LineKind.Blank, 0, "");
            else if (SisterBox.TryParse(text, out var box))
                line = new(number, LineKind.SisterBox, indent, text) { Column = start + 1, Box = box };
            else if (boxWithoutArticle is not null && previous == LineKind.SisterBox && IsArticleName(text))
                line = new(number, LineKind.SisterArticle, indent, text) { Column = start + 1 };
            else if (TryBullet(text, previous, out var marker, out var itemText))
            {
                line = new(number, LineKind.Bullet, indent, itemText) { Column = start + 3 };
                if (marker != Bullet)
                    diagnostics.Add(new(new(file.RelativePath, number, start + 1), Severity.Warning,
                        $"bullet marker '{marker}' instead of '•'"));
            }
            // FORMAT.md: "a line indented deeper than the bullet just above it, without a bullet marker: the same
            // item goes on, after a line break".
            else if (itemIndent is int open && indent > open && previous is LineKind.Bullet or LineKind.Continuation)
                line = new(number, LineKind.Continuation, indent, text) { Column = start + 1 };
            else
                line = new(number, LineKind.Text, indent, text) { Column = start + 1 };

            itemIndent = line.Kind switch
            {
                LineKind.Bullet => indent,
                LineKind.Continuation => itemIndent,
                _ => null,
            };
            boxWithoutArticle = line.Kind == LineKind.SisterBox && line.Box!.Article is null ? line.Box : null;
            previous = line.Kind;
            lines.Add(line);
        }

        // FORMAT.md: "Its depth is indent / 2 (two spaces = depth 1), taken relative to the shallowest bullet of the
        // page, so a page indented by 0 or by 2 reads the same".
        var shallowest = int.MaxValue;
        foreach (var line in lines)
            if (line.Kind == LineKind.Bullet)
                shallowest = Math.Min(shallowest, line.Indent);
        foreach (var line in lines)
            if (line.Kind == LineKind.Bullet)
                line.Depth = (line.Indent - shallowest) / 2 + 1;
        return lines;
    }

    private static (int Indent, int Start) Indentation(ReadOnlySpan<char> raw)
    {
        int indent = 0, start = 0;
        for (; start < raw.Length && raw[start] is ' ' or '\t'; start++)
            indent += raw[start] == '\t' ? 2 : 1;
        return (indent, start);
    }

    /// <summary>
    /// FORMAT.md: "optional spaces, then <c>•</c> (U+2022; <c>*</c>, <c>-</c> and <c>·</c> accepted with a warning), a
    /// space, text". The other markers are also common in prose and verse (<c>- The Corrs</c> ending a caption,
    /// <c>* * * * *</c> between stanzas), so they count only where a paragraph is not going on and text follows.
    /// </summary>
    private static bool TryBullet(string text, LineKind previous, out char marker, out string itemText)
    {
        marker = text[0];
        itemText = "";
        if (text.Length < 3 || text[1] != ' ')
            return false;
        if (marker != Bullet && !(OtherMarkers.Contains(marker) && previous != LineKind.Text))
            return false;
        itemText = text[2..].TrimStart();
        return marker == Bullet ? itemText.Length > 0 : itemText.Any(char.IsLetterOrDigit);
    }

    /// <summary>FORMAT.md: "the article name that follows on the same or next line".</summary>
    private static bool IsArticleName(string text) =>
        text.Length <= 100 && !text.EndsWith(':') && !text.StartsWith(Bullet) && !text.EndsWith('.');
}
