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
}
