using QuoteArchive.Importer;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

public sealed class SlugTests
{
    [Theory]
    [InlineData("China–Russia relations", "China–Russia_relations")]
    [InlineData("  Le   Pacha ", "Le_Pacha")]
    [InlineData("Quotes_about  love", "Quotes_about_love")]
    public void TitleBecomesSlugWithUnderscores(string title, string slug) => Assert.Equal(slug, Slugs.FromTitle(title));

    [Theory]
    [InlineData("China%E2%80%93Russia%20relations", "China–Russia_relations")]
    [InlineData("China–Russia relations", "China–Russia_relations")]
    [InlineData("C++", "C++")]
    [InlineData("C%2B%2B", "C++")]
    [InlineData("100%", "100%")]
    public void AnySpellingCanonicalizesToTheSlug(string raw, string slug) => Assert.Equal(slug, Slugs.Canonicalize(raw));

    [Theory]
    [InlineData("China–Russia_relations", "China%E2%80%93Russia_relations")]
    [InlineData("Bertolt_Brecht_(poet)", "Bertolt_Brecht_(poet)")]
    [InlineData("What?", "What%3F")]
    public void UrlPathEscapesOnlyWhereNeeded(string slug, string path) => Assert.Equal(path, Slugs.ToUrlPath(slug));

    [Theory]
    [InlineData("love", "Love")]
    [InlineData("Love", "Love")]
    [InlineData("élan_vital", "Élan_vital")]
    [InlineData("ßig", "ßig")] // no one-letter capital: kept as it is
    [InlineData("𐐨x", "𐐀x")] // a letter beyond the 16-bit range, written as two chars
    [InlineData("1984", "1984")]
    [InlineData("", "")]
    public void TheFirstLetterIsCapitalisedAsOnTheWiki(string slug, string capitalized) =>
        Assert.Equal(capitalized, Slugs.WithCapitalFirstLetter(slug));
}
