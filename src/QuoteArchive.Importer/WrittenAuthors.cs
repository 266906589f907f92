using System.Text;

namespace QuoteArchive.Importer;

/// <summary>
/// Who the quotes were written by, as the writer wrote them: a person (the page's own) or a name, and which rows give
/// each name without a person. The author index joins the names, counts each author's quotes and finds the quotes to
/// index again from these, instead of reading millions of quotes back from the archive (four passes over them, seconds
/// at full size, while the search index waits).
/// </summary>
internal sealed class WrittenAuthors
{
    private readonly Dictionary<string, List<long>> rowsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> quotesByPerson = [];

    /// <summary>Notes the author a quote's row was written with: its person, its name, both or neither.</summary>
    public void Add(long rowId, string? name, int? personId)
    {
        if (personId is { } id)
            quotesByPerson[id] = quotesByPerson.GetValueOrDefault(id) + 1;
        if (name is not null)
            Named(rowId, name, personId);
    }

    /// <summary>Notes the name a quote's row gives (written with it, or given it afterwards), and its person if any.</summary>
    public void Named(long rowId, string name, int? personId)
    {
        name = AsStored(name);
        if (!rowsByName.TryGetValue(name, out var rows))
            rowsByName[name] = rows = [];
        if (personId is null)
            rows.Add(rowId);
    }

    /// <summary>Every name a quote was written with, in the order SQLite sorts them (its BINARY collation: code points).</summary>
    public IReadOnlyList<string> Names => [.. rowsByName.Keys.Order(CodePointOrder.Instance)];

    /// <summary>The rows written with this name and no person: the author index gives them the name's author.</summary>
    public IReadOnlyList<long> RowsOf(string name) => rowsByName.TryGetValue(name, out var rows) ? rows : [];

    /// <summary>How many quotes were written with this person for author.</summary>
    public int QuotesOf(int personId) => quotesByPerson.GetValueOrDefault(personId);

    // The text as SQLite keeps it: a lone surrogate, which UTF-8 cannot hold, becomes U+FFFD as it is bound.
    private static string AsStored(string name) =>
        name.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 ? name : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(name));

    // UTF-16's order but for the surrogates, which stand for code points above every other UTF-16 unit's.
    private sealed class CodePointOrder : IComparer<string>
    {
        public static readonly CodePointOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            ReadOnlySpan<char> a = x, b = y;
            var common = a.CommonPrefixLength(b);
            if (common == a.Length || common == b.Length)
                return a.Length.CompareTo(b.Length);
            char p = a[common], q = b[common];
            return char.IsSurrogate(p) == char.IsSurrogate(q) ? p.CompareTo(q) : char.IsSurrogate(p) ? 1 : -1;
        }
    }
}
