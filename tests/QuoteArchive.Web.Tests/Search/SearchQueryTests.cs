using QuoteArchive.Storage.Search;

namespace QuoteArchive.Web.Tests.Search;

/// <summary>The translation of the people's query language into FTS5: every term a quoted string, never syntax.</summary>
public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("love", "(\"love\")")]
    [InlineData("Love  peace", "(\"Love\" AND \"peace\")")]
    [InlineData("\"cold war\"", "(\"cold war\")")]
    [InlineData("lov*", "(\"lov\"*)")]
    [InlineData("\"cold wa\"*", "(\"cold wa\"*)")]
    [InlineData("love -hate", "((\"love\")) NOT (\"hate\")")]
    [InlineData("love -\"hate crime\" -war", "((\"love\")) NOT (\"hate crime\" OR \"war\")")]
    [InlineData("Sino-Soviet", "(\"Sino Soviet\")")]
    [InlineData("l'amour", "(\"l amour\")")]
    [InlineData("\"unbalanced phrase", "(\"unbalanced phrase\")")]
    [InlineData("“cold war” peace", "(\"cold war\" AND \"peace\")")]
    [InlineData("„kalter Krieg“", "(\"kalter Krieg\")")]
    [InlineData("« guerre froide » -paix", "((\"guerre froide\")) NOT (\"paix\")")]
    [InlineData("don’t", "(\"don t\")")]
    [InlineData("NEAR(a b)", "(\"NEAR a\" AND \"b\")")]
    [InlineData("title:love", "(\"title love\")")]
    [InlineData("^love OR war", "(\"love\" AND \"OR\" AND \"war\")")]
    [InlineData("love *", "(\"love\")")]
    [InlineData("a\u0000b\u0007c", "(\"a b c\")")]
    [InlineData("être", "(\"être\")")]
    [InlineData("অসমীয়া", "(\"অসমীয়া\")")]
    public void TranslatesToQuotedTerms(string input, string expected) =>
        Assert.Equal(expected, SearchQuery.Parse(input).ToMatchExpression());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("\"\"")]
    [InlineData(":^()")]
    [InlineData("😀🙂")]
    [InlineData("\u0301")]
    [InlineData("-hate")]
    public void NothingToLookForIsAnEmptyQuery(string? input)
    {
        var query = SearchQuery.Parse(input);
        Assert.True(query.IsEmpty);
        Assert.Null(query.ToMatchExpression());
    }

    [Fact]
    public void WithoutExclusionsOnlyTheIncludedTermsAreLookedFor() =>
        Assert.Equal("(\"love\" AND \"war\"*)", SearchQuery.Parse("love war* -hate").ToMatchExpression(withExclusions: false));

    [Fact]
    public void APrefixWithWordsIsTheOrOfItsWords()
    {
        string[] words = ["world", "work", "wor"];
        Assert.Equal("((\"world\" OR \"work\" OR \"wor\"))",
            new SearchQuery([new SearchTerm(["wor"], true, words)], []).ToMatchExpression());
        // A phrase ending in a prefix is each phrase ending in one of its words.
        Assert.Equal("((\"good world\" OR \"good work\" OR \"good wor\"))",
            new SearchQuery([new SearchTerm(["good", "wor"], true, words)], []).ToMatchExpression());
        // Left out, a prefix leaves out its words.
        Assert.Equal("((\"love\")) NOT ((\"world\" OR \"work\" OR \"wor\"))",
            new SearchQuery([new SearchTerm(["love"], false)], [new SearchTerm(["wor"], true, words)]).ToMatchExpression());
    }

    [Fact]
    public void AWordOfTheIndexIsQuotedWhateverItHolds() =>
        Assert.Equal("((\"a\"\"b\" OR \"NEAR(c)\" OR \"d*\"))",
            new SearchQuery([new SearchTerm(["x"], true, ["a\"b", "NEAR(c)", "d*"])], []).ToMatchExpression());

    [Fact]
    public void APastedEssayIsCutToTheMaximumNumberOfTerms()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 1000).Select(i => "w" + i)));
        Assert.Equal(SearchQuery.MaxTerms, query.Included.Count);
    }

    [Theory]
    [InlineData("the the THE", "(\"the\")")]
    [InlineData("love Love -war -WAR", "((\"love\")) NOT (\"war\")")]
    [InlineData("lov* lov* love \"cold war\" \"Cold War\"", "(\"lov\"* AND \"love\" AND \"cold war\")")]
    public void ATermSaidTwiceIsSearchedOnce(string input, string expected) =>
        Assert.Equal(expected, SearchQuery.Parse(input).ToMatchExpression());

    [Fact]
    public void APastedEssayOfOneWordRepeatedIsOneTerm() =>
        Assert.Single(SearchQuery.Parse(string.Join(' ', Enumerable.Repeat("the", 1000))).Included);

    [Fact]
    public void TheQueryAsUnderstoodIsShownBack() =>
        Assert.Equal("love \"cold war\" phil* -hate", SearchQuery.Parse(" love \"cold war\" phil* -hate").ToString());
}
