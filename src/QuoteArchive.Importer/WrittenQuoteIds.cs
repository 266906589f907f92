using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

/// <summary>
/// The ids of the quotes written so far, for the writer to lengthen an id that collides before it writes it: the
/// archive's index of the ids is built only after the rows (<see cref="ArchiveSchema.CreateScript"/>). A set of
/// millions of strings would make every full collection of the garbage collector walk them: an id of the shape
/// <see cref="QuoteIds"/> makes, up to 12 characters of its alphabet, is kept as a number; any other as it is.
/// </summary>
internal sealed class WrittenQuoteIds
{
    private const int BitsPerCharacter = 5;
    private const int MostPacked = 12;

    private readonly HashSet<ulong> packed = [];
    private readonly HashSet<string> others = new(StringComparer.Ordinal);

    /// <summary>Adds the id; false when it was written before.</summary>
    public bool Add(string id) => TryPack(id, out var number) ? packed.Add(number) : others.Add(id);

    public bool Contains(string id) => TryPack(id, out var number) ? packed.Contains(number) : others.Contains(id);

    // The characters five bits each from the lowest, the length in the four bits above the 60 they may take.
    private static bool TryPack(string id, out ulong number)
    {
        number = (ulong)id.Length << (BitsPerCharacter * MostPacked);
        if (id.Length > MostPacked)
            return false;
        for (var i = 0; i < id.Length; i++)
        {
            var value = QuoteIds.Alphabet.IndexOf(id[i]);
            if (value < 0)
                return false;
            number |= (ulong)value << (BitsPerCharacter * i);
        }
        return true;
    }
}
