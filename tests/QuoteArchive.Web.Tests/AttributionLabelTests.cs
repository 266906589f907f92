using Microsoft.EntityFrameworkCore;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Tests;

/// <summary>A line under a quote that labels what follows ("Meaning: …") is shown without the dash that marks a source.</summary>
[Collection(nameof(ArchiveApp))]
public sealed class AttributionLabelTests(ArchiveApp app)
{
    [Theory]
    [InlineData("Transliteration: Asotir soz gyan", true)]
    [InlineData("Meaning: It is useless", true)]
    [InlineData("Variant translations:", true)]
    [InlineData("Commonly quoted as: \"First get your facts\"", true)]
    [InlineData("Erich Fromm, Man for Himself (1947), Ch. 3", false)]
    [InlineData("Ch. 3: The Human Situation", false)]
    [InlineData("1 May 1890: a letter", false)]
    [InlineData("As quoted in a book (1990), p. 3", false)]
    [InlineData("Colin Wilson in Rudolf Steiner: The Man and His Vision, p. 87", false)]
    [InlineData("Mother Teresa in: Teresa, Mother (1987)", false)]
    [InlineData("The Ethics of Modernism: Moral Ideas (1999)", false)]
    [InlineData("Walden: or, Life in the Woods (1854)", false)]
    [InlineData("Variant translation: Against that positivism", true)]
    [InlineData("Traduction : une phrase d'exemple", true)]
    public void ALabelIsOneWikiquotesPagesUseThenAColon(string line, bool labelled) =>
        Assert.Equal(labelled, AttributionLabel.OpensLine(line));

    [Fact]
    public async Task AProverbsTransliterationAndMeaningWearNoDashItsSourceDoes()
    {
        var page = await app.GetPageAsync("/wiki/Assamese_proverbs");
        var lines = page.QuerySelectorAll(".attribution > ul > li").ToList();

        var transliteration = lines.First(li => li.TextContent.TrimStart().StartsWith("Transliteration:", StringComparison.Ordinal));
        Assert.Contains("labelled", transliteration.ClassList);
        Assert.Contains(lines, li => li.TextContent.TrimStart().StartsWith("Meaning:", StringComparison.Ordinal) && li.ClassList.Contains("labelled"));
        Assert.Contains(lines, li => !li.ClassList.Contains("labelled"));

        var quote = app.Query(db => db.Quotes.Include(q => q.Attribution)
            .First(q => q.Topic!.Slug == "Assamese_proverbs" && q.Attribution.Any(a => a.Text.StartsWith("Meaning:"))));
        var text = await app.CreateClient().GetStringAsync($"/q/{quote.Id}.txt");
        Assert.DoesNotContain("— Meaning:", text, StringComparison.Ordinal);
        Assert.Contains("\n  Meaning:", text, StringComparison.Ordinal);
    }
}
