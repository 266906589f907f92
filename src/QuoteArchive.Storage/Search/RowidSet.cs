using System.Numerics;

namespace QuoteArchive.Storage.Search;

/// <summary>
/// Quotes' rowids as one bit each, up to the archive's last rowid: 292 KB for 2.3 million quotes, intersected 64 quotes
/// a step. Sets of one archive have the same length.
/// </summary>
public sealed class RowidSet
{
    private readonly ulong[] words;

    public RowidSet(long lastRowid) => words = new ulong[(Math.Max(lastRowid, 0) >> 6) + 1];

    private RowidSet(ulong[] words) => this.words = words;

    public long Bytes => words.Length * (long)sizeof(ulong);

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var word in words)
                count += BitOperations.PopCount(word);
            return count;
        }
    }

    /// <summary>Adds a rowid; one past the last rowid the set was made for is no quote of its archive and is left out.</summary>
    public void Add(long rowid)
    {
        if (rowid >= 0 && rowid >> 6 < words.Length)
            words[rowid >> 6] |= 1UL << (int)(rowid & 63);
    }

    public bool Contains(long rowid) => rowid >= 0 && rowid >> 6 < words.Length && (words[rowid >> 6] & 1UL << (int)(rowid & 63)) != 0;

    public RowidSet Copy() => new((ulong[])words.Clone());

    public void IntersectWith(RowidSet other)
    {
        for (var i = 0; i < words.Length; i++)
            words[i] &= other.words[i];
    }

    public void UnionWith(RowidSet other)
    {
        for (var i = 0; i < words.Length; i++)
            words[i] |= other.words[i];
    }

    public void ExceptWith(RowidSet other)
    {
        for (var i = 0; i < words.Length; i++)
            words[i] &= ~other.words[i];
    }

    /// <summary>The rowids in increasing order: the index's order.</summary>
    public IEnumerable<long> InOrder()
    {
        for (var i = 0; i < words.Length; i++)
        {
            for (var word = words[i]; word != 0; word &= word - 1)
                yield return ((long)i << 6) + BitOperations.TrailingZeroCount(word);
        }
    }
}
