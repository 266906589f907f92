using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using QuoteArchive.Importer.Tests.Properties;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

/// <summary>FORMAT.md "Quote id": depends "only on the topic slug and the quote's normalised text … not on its position".</summary>
public sealed partial class QuoteIdTests
{
    private static readonly string Seed = File.ReadAllText(Path.Combine(SampleSpec.Folder, "000_73c1ef86726e28fd.txt"));

    [Fact]
    public void IdsAreEqualAcrossTwoImports()
    {
        Assert.Equal(Ids(Seed), Ids(Seed));
    }

    [Fact]
    public void IdsSurviveReorderingQuotesInAFile()
    {
        // Move the last quote of "Quotes about" (with its attribution line) to the top of the section.
        var lines = Seed.Split('\n').ToList();
        var moved = lines.GetRange(21, 2);
        Assert.StartsWith("  • At first, in the 1950s", moved[0]);
        lines.RemoveRange(21, 2);
        lines.InsertRange(19, moved);
        var reordered = string.Join("\n", lines);
        Assert.NotEqual(Seed, reordered);

        Assert.Equal(Ids(Seed).OrderBy(p => p.Id, StringComparer.Ordinal), Ids(reordered).OrderBy(p => p.Id, StringComparer.Ordinal));
    }

    [Fact]
    public void IdsAreShortLowerCaseBase32()
    {
        Assert.All(Ids(Seed), pair => Assert.Matches(Base32Id(), pair.Id));
    }

    [Fact]
    public void NormalisingCollapsesWhiteSpaceAsSplittingAndJoiningTheWordsWould()
    {
        // FORMAT.md's rule said the plain way; Normalize skips the copy when the text already follows it.
        var pieces = Gen.OneOf<string>(" ", " ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "a", "b", "é", "e", "\u0301", "😀");
        Property.ForAll(pieces.Array[0, 12].Select(string.Concat), Property.Cases(5_000), text =>
            Assert.Equal(string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
                QuoteIds.Normalize(text)));
    }

    [Fact]
    public void WhiteSpaceAndNormalisationDoNotChangeAnId()
    {
        Assert.Equal(QuoteIds.Create("Love", "Love is  patient,\nlove is kind. "), QuoteIds.Create("Love", "Love is patient, love is kind."));
        Assert.Equal(QuoteIds.Create("Café", "cafe\u0301"), QuoteIds.Create("Café", "café"));
        Assert.NotEqual(QuoteIds.Create("Love", "A"), QuoteIds.Create("Hate", "A"));
    }

    [Fact]
    public void ARepeatedTextGetsItsOwnId()
    {
        var ids = Ids("T\n\nQuotes\n\n  • Twice.\n\n  • Twice.\n").Select(p => p.Id).ToList();

        Assert.Equal(2, ids.Distinct().Count());
        Assert.Equal(QuoteIds.Create("T", "Twice."), ids[0]);
        Assert.Equal(QuoteIds.Create("T", "Twice.", occurrence: 2), ids[1]);
    }

    [Fact]
    public void EveryWhiteSpaceCharacterCollapsesToOneSpaceAndNoOtherCharacterDoes()
    {
        // The normal form is decided without looking at each character in turn: every character of the BMP, alone,
        // doubled and at either end, normalises as the rule says (white space as char.IsWhiteSpace has it).
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            // Halves of surrogate pairs and the noncharacters are no text: Normalize refuses them.
            if (char.IsSurrogate(c) || code is >= 0xFDD0 and <= 0xFDEF || (code & 0xFFFE) == 0xFFFE)
                continue;
            foreach (var text in new[] { $"a{c}b", $"a{c}{c}b", $"{c}ab", $"ab{c}", $"a {c}b" })
                Assert.Equal(Collapsed(text.Normalize(NormalizationForm.FormC)), QuoteIds.Normalize(text));
        }

        static string Collapsed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static List<(string Text, string Id)> Ids(string text)
    {
        var topic = PageTextParser.Parse(new ContentFile("seed.txt", "en", text), new ImportOptions(), [])!;
        return topic.Sections.SelectMany(s => s.Quotes).Select(q => (q.Text, q.Id)).ToList();
    }

    [GeneratedRegex("^[a-z2-7]{8}$")]
    private static partial Regex Base32Id();
}
