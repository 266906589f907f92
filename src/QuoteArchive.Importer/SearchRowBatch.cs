using System.Text;
using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer;

/// <summary>
/// Quotes on their way to the search index, in UTF-8 as SQLite takes them: the writer encodes each quote's columns
/// (text, attribution, author, title, as QuotesFtsContent shows them) once into the batch's buffer, the index's thread
/// binds them from there, and the batch goes back to the writer to be filled again. The quotes waiting for the index
/// are then neither objects for the garbage collector to move nor strings of twice their size.
/// </summary>
internal sealed class SearchRowBatch
{
    public const int Capacity = 512;
    private const int Columns = 4;
    private const int Null = -1;
    private readonly long[] rowIds = new long[Capacity];
    // Each column's bytes in the buffer: where they start, and how many (Null for NULL).
    private readonly (int Start, int Length)[] columns = new (int, int)[Capacity * Columns];
    private byte[] buffer = new byte[Capacity * 512];
    private int used;

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    /// <summary>Adds a quote by the rowid it was written with; its attribution lines are one column, a line each.</summary>
    public void Add(long rowId, string text, List<ParsedAttributionLine> attribution, string? author, string title)
    {
        var first = Count * Columns;
        rowIds[Count] = rowId;
        columns[first] = Append(text);
        columns[first + 1] = attribution.Count == 0 ? (used, Null) : AppendLines(attribution);
        columns[first + 2] = author is null ? (used, Null) : Append(author);
        columns[first + 3] = Append(title);
        Count++;
    }

    /// <summary>Binds a quote to the parameters rowid, text, attribution, author, title of the statement.</summary>
    public void Bind(int row, PreparedStatement insert)
    {
        insert.Bind(1, rowIds[row]);
        for (var column = 0; column < Columns; column++)
        {
            var (start, length) = columns[row * Columns + column];
            if (length == Null)
                insert.BindNull(column + 2);
            else
                insert.Bind(column + 2, buffer.AsSpan(start, length));
        }
    }

    /// <summary>Empties the batch for the writer to fill again; its buffer stays as large as it grew.</summary>
    public void Clear() => (Count, used) = (0, 0);

    private (int Start, int Length) Append(string text)
    {
        var start = used;
        Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
        used += Encoding.UTF8.GetBytes(text, buffer.AsSpan(used));
        return (start, used - start);
    }

    // The lines as QuotesFtsContent joins them: each line's text, a line feed between two.
    private (int Start, int Length) AppendLines(List<ParsedAttributionLine> lines)
    {
        var start = used;
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                Reserve(1);
                buffer[used++] = (byte)'\n';
            }
            Append(lines[i].Text);
        }
        return (start, used - start);
    }

    private void Reserve(int bytes)
    {
        if (buffer.Length - used < bytes)
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, used + bytes));
    }
}
