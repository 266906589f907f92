using QuoteArchive.Importer;
using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Web.Tests.Search;

/// <summary>The importer's reading of person pages and author names.</summary>
public sealed class AuthorIndexTests
{
    [Theory]
    [InlineData("Albert Einstein", "Albert Einstein (14 March 1879 – 18 April 1955) was a German-born theoretical physicist.", true)]
    [InlineData("Friedrich Nietzsche", "Friedrich Wilhelm Nietzsche (15 October 1844 – 25 August 1900) was a German philosopher.", true)]
    [InlineData("Bertolt Brecht", "Bertolt Brecht (Augsbourg, 10 février 1898 — Berlin, 14 août 1956) est un poète.", true)]
    [InlineData("Cecilia Eusepi", "Cecilia Eusepi (17 February 1910 – 1 October 1928) was an Italian Servite.", true)]
    [InlineData("Confucius", "Confucius (551 BC – 479 BC) was a Chinese teacher.", true)]
    [InlineData("John Smith (explorer)", "John Smith (1580 – 21 June 1631) was an English explorer.", true)]
    [InlineData("Love", "Love is a word which refers to a variety of different emotional states (see also 1 Corinthians 13).", false)]
    [InlineData("China–Russia relations", "China–Russia relations, also known as Sino-Russian relations (since 1991), refers to …", false)]
    [InlineData("Bertolt Brecht", "Bertolt Brecht (German poet and playwright) wrote plays.", false)]
    [InlineData("The Half of It", "The Half of It is a 2020 coming-of-age comedy-drama film.", false)]
    [InlineData("Warmness", null, false)]
    [InlineData("Mahatma Gandhi", "Mohandas Karamchand Gandhi (2 October 1869 – 30 January 1948) was an Indian lawyer.", false)]
    public void APersonPageLeadStartsWithTheTitleAndAParenthesisWithAYear(string title, string? lead, bool isPerson) =>
        Assert.Equal(isPerson, AuthorIndex.IsPersonLead(title, lead));

    [Theory]
    [InlineData("Émile Zola", "emile zola", "E")]
    [InlineData("Søren Kierkegaard", "søren kierkegaard", "S")]
    [InlineData("E. E. Cummings", "e. e. cummings", "E")]
    [InlineData("毛泽东", "毛泽东", "毛")]
    [InlineData("50 Cent", "50 cent", "#")]
    public void NamesSortWithoutCaseOrAccentsUnderTheirFirstLetter(string name, string sortKey, string letter)
    {
        Assert.Equal(sortKey, SortKeys.Fold(name));
        Assert.Equal(letter, SortKeys.LetterOf(SortKeys.Fold(name)));
    }
}
