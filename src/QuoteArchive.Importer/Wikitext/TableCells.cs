namespace QuoteArchive.Importer.Wikitext;

/// <summary>
/// MediaWiki's cells on a table line: <c>| a || b</c> holds two data cells, <c>! a !! b</c> two header cells (where
/// <c>||</c> parts cells too); a cell written <c>attributes | text</c> shows its text. Markup nested in a cell (a link's
/// or a template's <c>|</c>) parts nothing: the line's constructs are stepped over as a whole.
/// </summary>
internal static class TableCells
{
    /// <summary>The cells of <c>[from, to)</c>, the line after its <c>|</c> or <c>!</c>.</summary>
    public static List<(int From, int To)> Split(WikiLine line, int from, int to, bool header)
    {
        var text = line.Text;
        var cells = new List<(int, int)>();
        var start = from;
        var i = from;
        while (i + 1 < to)
        {
            if (line.TryConstructEnd(i, to, out var end))
            {
                i = end;
                continue;
            }
            if ((text[i] == '|' || header && text[i] == '!') && text[i + 1] == text[i])
            {
                cells.Add((start, i));
                start = i += 2;
                continue;
            }
            i++;
        }
        cells.Add((start, to));
        return cells;
    }

    /// <summary>
    /// The text of a cell, past its attributes (<c>style="…" | text</c>). What stands before the cell's first <c>|</c>
    /// is taken for attributes only when it reads as attributes (it holds an <c>=</c>, or nothing): MediaWiki would
    /// drop <c>a</c> of <c>| a | b</c> too, but words are not lost for a slip.
    /// </summary>
    public static (int From, int To) Content(InlineRenderer renderer, (int From, int To) cell)
    {
        var parts = renderer.Split(cell.From, cell.To, '|');
        if (parts.Count < 2)
            return cell;
        var attributes = renderer.Line.Text.AsSpan(parts[0].From, parts[0].To - parts[0].From);
        return attributes.IsWhiteSpace() || attributes.Contains('=') ? (parts[1].From, cell.To) : cell;
    }
}
