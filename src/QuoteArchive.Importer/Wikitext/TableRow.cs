namespace QuoteArchive.Importer.Wikitext;

/// <summary>
/// One row of a table while its lines come: MediaWiki writes a row over several lines (a cell a line, several cells
/// on one, a cell's text going on on the lines under it). The reader shows a row as one paragraph, its cells in order
/// between <see cref="Separator"/>s, header cells in bold; empty cells show nothing.
/// </summary>
internal sealed class TableRow(int line)
{
    public const string Separator = " · ";

    private readonly List<(Piece Text, bool Header)> cells = [];

    /// <summary>The file line of the row's first cell.</summary>
    public int Line { get; } = line;

    /// <summary>The references met in the row's cells, in order.</summary>
    public List<RefNote> Notes { get; } = [];

    /// <summary>A cell is open: a text line under it goes on in it (a blank line closes it).</summary>
    public bool InCell { get; set; }

    public void Add(Piece cell, bool header)
    {
        cells.Add((cell.TrimEach(), header));
        InCell = true;
    }

    /// <summary>The open cell's text goes on after a line break (its first text, when the cell line held only attributes).</summary>
    public void Continue(Piece text)
    {
        var (last, header) = cells[^1];
        cells[^1] = (last.IsEmpty ? text.TrimEach() : last + new Piece("\n", "<br>\n") + text.TrimEach(), header);
    }

    public Piece Joined() =>
        Piece.Join(Separator, cells.Select(c => c.Header && !c.Text.IsEmpty ? new Piece(c.Text.Text, $"<strong>{c.Text.Html}</strong>") : c.Text));
}
