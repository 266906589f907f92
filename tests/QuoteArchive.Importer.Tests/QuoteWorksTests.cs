using System.Text;
using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

/// <summary>Which work a quote comes from when its attribution names none, from its page (QuoteWorks).</summary>
public sealed class QuoteWorksTests
{
    [Fact]
    public void NietzschesQuotesTakeTheirWorkFromTheHeadingAboveThemInPageText()
    {
        var topic = Parse(SampleSpec.Load("002_friedrich-nietzsche").File());

        Assert.Equal(TopicKind.Person, topic.Kind);
        Assert.All(Under(topic, "Die fröhliche Wissenschaft (1882)"), q => Assert.Equal(("Die fröhliche Wissenschaft", "1882"), (q.Work, q.Year)));
        // Page text has no levels: a heading without a year stands under the dated one right above it when that one
        // heads parts (no quotes of its own), or when only parts of a work come between.
        Assert.All(Under(topic, "Menschliches, Allzumenschliches"), q => Assert.Equal(("Human, All Too Human", "1878"), (q.Work, q.Year)));
        Assert.All(Under(topic, "Part 2"), q => Assert.Equal("Über Wahrheit und Lüge im außermoralischen Sinn", q.Work));
        // …and not past a section with quotes of its own that is no part ("Menschliches, Allzumenschliches").
        Assert.All(Under(topic, "Helen Zimmern translation"), q => Assert.Null(q.Work));
        // A heading that says what the quotes are, or names a book of quotations, is no work of the person.
        Assert.All(Under(topic, "Maxims"), q => Assert.Null(q.Work));
        Assert.All(Under(topic, "Disputed"), q => Assert.Null(q.Work));
        Assert.All(Under(topic, "Alexander Star, \"The Overman\" (2012)"), q => Assert.Null(q.Work));
    }

    [Fact]
    public void InPageTextASectionOfItsOwnAfterADatedWorkIsNotPartOfIt()
    {
        const string text = """
            Sample Person

            Sample Person (1800–1880) was a sample writer.

            A Sample Book (1850)

              • A quote of the book.
                • Sample Person, A Sample Book

            Interviews

              • A quote from an interview.

            Another Book (1860)

            Chapter 1

              • A quote of its first chapter.

            Chapter 2

              • A quote of its second chapter.
            """;
        var topic = Parse(ContentFile.Decode("Sample Person.txt", Encoding.UTF8.GetBytes(text), "en", [])!);
        Assert.Equal(TopicKind.Person, topic.Kind);
        var quotes = topic.Sections.SelectMany(s => s.Quotes).ToDictionary(q => q.Text, q => q.Work);

        Assert.Equal("A Sample Book", quotes["A quote of the book."]);
        Assert.Null(quotes["A quote from an interview."]);
        Assert.Equal("Another Book", quotes["A quote of its first chapter."]);
        Assert.Equal("Another Book", quotes["A quote of its second chapter."]);
    }

    [Fact]
    public void AFilmCategoryMakesNeitherAFilmNorAWorkOfAPersonsPage()
    {
        const string wiki = """
            '''Sample Director''' (1899–1980) was a sample film director.
            == Quotes ==
            * A quote of the director.
            [[Category:Film directors]]
            """;
        var topic = Parse(ContentFile.Decode("Sample Director.wiki", Encoding.UTF8.GetBytes(wiki), "en", [])!);
        Assert.Equal(TopicKind.Person, topic.Kind);
        Assert.Null(Assert.Single(topic.Sections.SelectMany(s => s.Quotes)).Work);
    }

    [Fact]
    public void WithLevelsOnlyTheHeadingsASectionStandsUnderCount()
    {
        const string wiki = """
            '''Sample Person''' (1800–1880) was a sample writer.
            == Quotes ==
            * A quote before any work.
            ** Sample Person
            === A Sample Book (1850) ===
            * A quote of the book.
            ==== Chapter One ====
            * A quote of its first chapter.
            ** Ch. 1
            === Sample Letters ===
            * A quote of no dated work.
            === Another Book, 1860 ===
            * A quote whose line names its work.
            ** Sample Person, A Third Book (1870)
            == Disputed ==
            * A disputed quote.
            [[Category:1800 births]]
            """;
        var topic = Parse(ContentFile.Decode("Sample Person.wiki", Encoding.UTF8.GetBytes(wiki), "en", [])!);
        var quotes = topic.Sections.SelectMany(s => s.Quotes).ToDictionary(q => q.Text, q => (q.Work, q.Year));

        Assert.Equal((null, null), quotes["A quote before any work."]);
        Assert.Equal(("A Sample Book", "1850"), quotes["A quote of the book."]);
        Assert.Equal(("A Sample Book", "1850"), quotes["A quote of its first chapter."]);
        Assert.Equal((null, null), quotes["A quote of no dated work."]);
        Assert.Equal(("A Third Book", "1870"), quotes["A quote whose line names its work."]);
        Assert.Equal((null, null), quotes["A disputed quote."]);
    }

    [Fact]
    public void AWorkItsSourceNamesWithAnEditionsYearHasTheYearOfItsHeading()
    {
        var topic = Parse(SampleSpec.Load("015_bertolt-brecht").File());
        Assert.All(Under(topic, "Scène 9"), q => Assert.Equal(("La Vie de Galilée", "1938"), (q.Work, q.Year)));
    }

    [Fact]
    public void AFilmsQuotesAreFromTheFilmOfTheYearItsLeadGives()
    {
        var topic = Parse(SampleSpec.Load("009_the-half-of-it").File());

        Assert.Equal(TopicKind.Film, topic.Kind);
        var quotes = topic.Sections.SelectMany(s => s.Quotes).ToList();
        Assert.NotEmpty(quotes);
        Assert.All(quotes, q => Assert.Equal(("The Half of It", "2020"), (q.Work, q.Year)));
    }

    [Fact]
    public void AThemePagesHeadingsAreNoWorks()
    {
        var topic = Parse(SampleSpec.Load("005_love").File());
        Assert.NotEqual(TopicKind.Person, topic.Kind);
        Assert.All(Under(topic, "Hoyt's New Cyclopedia Of Practical Quotations"), q => Assert.NotEqual("Hoyt's New Cyclopedia Of Practical Quotations", q.Work));
    }

    private static ParsedTopic Parse(ContentFile file)
    {
        var diagnostics = new List<Diagnostic>();
        var topic = ContentParser.Parse(file, new ImportOptions(), diagnostics);
        Assert.NotNull(topic);
        return topic;
    }

    private static List<ParsedQuote> Under(ParsedTopic topic, string heading)
    {
        var quotes = topic.Sections.Where(s => s.Heading == heading).SelectMany(s => s.Quotes).ToList();
        Assert.NotEmpty(quotes);
        return quotes;
    }
}
