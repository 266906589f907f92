namespace QuoteArchive.Importer;

/// <summary>
/// Which rows of AttributionLines hold each quote's lines, noted as the writer writes them: a quote's lines right
/// after the quote, in order, each line's rowid above the one before. Read by rowid they need no index, so the quotes
/// indexed again for search are read before the attribution lines' index is built.
/// </summary>
internal sealed class AttributionRows
{
    // By the quote's rowid - 1: the rowid of the quote's last line, or of the last line written before it if it has none.
    private readonly List<int> lastLines = [];
    private int lastLine;

    public void LineWritten(long rowId) => lastLine = checked((int)rowId);

    /// <summary>Notes the quote once its lines are written.</summary>
    public void QuoteWritten(long rowId)
    {
        // A quote written with no row of its own before it (rowids from 1, one after another, as SQLite gives them).
        if (rowId != lastLines.Count + 1)
            throw new InvalidOperationException($"quote row {rowId} written after row {lastLines.Count}");
        lastLines.Add(lastLine);
    }

    /// <summary>The rowids of the quote's lines: above <c>After</c>, up to <c>Last</c>.</summary>
    public (long After, long Last) Of(long quoteRowId) =>
        (quoteRowId == 1 ? 0 : lastLines[(int)quoteRowId - 2], lastLines[(int)quoteRowId - 1]);
}
