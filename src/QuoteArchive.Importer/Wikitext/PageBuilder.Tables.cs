using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Wikitext;

internal sealed partial class PageBuilder
{
    // Tables open at this line (a table in a cell counts one more), where the outermost one started, and the row whose
    // cells are being gathered.
    private int openTables;
    private int tableLine;
    private TableRow? row;

    /// <summary>
    /// A line of a table (<c>{|</c> … <c>|}</c>): each row is one paragraph of the section, as a <c>:</c> line is, its
    /// cells in order (<see cref="TableRow"/>); a caption (<c>|+</c>) is a paragraph of its own. The table's, rows' and
    /// cells' attributes are markup. A table in a cell ends the row so far; its rows follow, then the outer row goes on
    /// as a new one. A cell line outside any table (a template may have opened it) is a row of its own.
    /// </summary>
    private bool TableLine(BlockLine block)
    {
        switch (block.Prefix)
        {
            case "{|":
                EndRow();
                if (openTables++ == 0)
                    tableLine = block.Line.Line;
                EndDialogue();
                if (inBody)
                    EndQuote();
                return true;
            case "|}":
                EndRow();
                openTables = Math.Max(0, openTables - 1);
                return AfterTable(block);
            case "|-":
                EndRow();
                return true;
            case "|+":
                EndRow();
                var reached = Cells(block, header: false, whole: true);
                EndRow();
                return reached;
            default:
                reached = Cells(block, header: block.Prefix == "!", whole: false);
                if (openTables == 0)
                    EndRow();
                return reached;
        }
    }

    /// <summary>The cells of a line into the row; false when a cell had words and shows none.</summary>
    /// <param name="whole">the line is one cell (a caption): its <c>||</c> parts nothing</param>
    private bool Cells(BlockLine block, bool header, bool whole)
    {
        if (row is null)
        {
            // A row is a paragraph: it ends MediaWiki's list, and the quote above.
            EndDialogue();
            if (inBody)
                EndQuote();
            row = new TableRow(block.Line.Line);
        }
        var reached = true;
        var cells = whole ? [(block.From, block.To)] : TableCells.Split(block.Line, block.From, block.To, header);
        foreach (var cell in cells)
        {
            var (from, to) = TableCells.Content(renderer, cell);
            // A cell that is only an image is an image: its caption may be a captioned quote, as on a line of its own.
            if (TryImage(block with { From = from, To = to }))
                continue;
            var notes = row.Notes.Count;
            var piece = renderer.Render(from, to, row.Notes);
            if (piece.IsEmpty && row.Notes.Count == notes && !MarkupOnly(block.Line, from, to))
                reached = false;
            row.Add(piece, header);
        }
        return reached;
    }

    /// <summary>A text line under a cell: the cell goes on (MediaWiki's multi-line cell).</summary>
    private bool ContinueCell(BlockLine block)
    {
        var notes = row!.Notes.Count;
        var piece = renderer.Render(block.From, block.To, row.Notes);
        if (piece.IsEmpty && row.Notes.Count == notes)
            return MarkupOnly(block);
        row.Continue(piece);
        return true;
    }

    /// <summary>Text after <c>|}</c> on its line follows the table: a paragraph.</summary>
    private bool AfterTable(BlockLine block)
    {
        var notes = new List<RefNote>();
        var piece = renderer.Render(block.From, block.To, notes);
        return piece.IsEmpty && notes.Count == 0 ? MarkupOnly(block) : Paragraph(block, piece, notes);
    }

    /// <summary>
    /// A line that is no part of the row being gathered ends it, so the row's paragraph stands before what the line
    /// makes. A blank line closes the open cell (the text under it is a paragraph of its own) but not the row.
    /// </summary>
    private void EndRowBefore(BlockLine block)
    {
        if (row is null || block.Kind == BlockKind.Table || block.Kind == BlockKind.Text && row.InCell)
            return;
        if (block.Kind == BlockKind.Blank)
            row.InCell = false;
        else
            EndRow();
    }

    private void EndRow()
    {
        if (row is null)
            return;
        var done = row;
        row = null;
        Paragraph(done.Line, done.Joined(), done.Notes);
    }

    /// <summary>A table the page never closes ends with it, as MediaWiki ends it; the page is told.</summary>
    private void EndTables()
    {
        EndRow();
        if (openTables > 0)
            page.Report(tableLine, 1, Severity.Warning, "'{|' is never closed: the table ends with the page");
        openTables = 0;
    }
}
