using CsCheck;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

/// <summary>The writer's set of the ids written, some kept as numbers: it must answer as a set of the strings would.</summary>
public sealed class WrittenQuoteIdsTests
{
    [Fact]
    public void IdsThatPackAlikeButForTheirLengthOrLastCharacterAreTold()
    {
        var ids = new WrittenQuoteIds();

        // "a" is 0 in each place: only the length tells "a", "aa" and "aaaaaaaaaaaa" apart; the twelfth character is the
        // highest of the 60 bits, the next the first not packed.
        string[] distinct = ["a", "aa", "aaaaaaaaaaaa", "aaaaaaaaaaa7", "aaaaaaaaaaaaa", "7aaaaaaaaaaa", "", "A", "aé"];
        Assert.All(distinct, id => Assert.True(ids.Add(id), id));
        Assert.All(distinct, id => Assert.False(ids.Add(id), id));
    }

    [Fact]
    public void AnswersAsASetOfStrings()
    {
        // Ids of the alphabet, short and long, with a few characters from outside it; drawn from few characters so
        // that repeats come often.
        var character = Gen.Char["ab7zA-"];
        Gen.OneOf(Gen.String[character, 0, 14], Gen.Const(QuoteIds.Create("Love", "Love is patient.")))
            .Array[1, 60]
            .Sample(sequence =>
            {
                var ids = new WrittenQuoteIds();
                var strings = new HashSet<string>(StringComparer.Ordinal);
                foreach (var id in sequence)
                    Assert.True(strings.Add(id) == ids.Add(id), $"{id} in {string.Join(",", sequence)}");
            });
    }
}
