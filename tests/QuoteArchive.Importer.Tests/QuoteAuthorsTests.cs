using System.Text;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

/// <summary>Whose a quote is where its first source line does not say but its page does (QuoteAuthors).</summary>
public sealed class QuoteAuthorsTests
{
    [Fact]
    public void OnAPageOfManyAuthorsATranslationFirstLeavesTheAuthorToTheSourceLineAfterIt()
    {
        var quotes = Quotes(SampleSpec.Load("005_love").File());

        // "Amor, ch'a nullo amato amar perdona" / "Love, which insists that love shall mutual be." / "Dante Alighieri, Inferno …"
        var dante = quotes.Where(q => q.Attribution.Count > 1 && q.Attribution[0].Text == "Love, which insists that love shall mutual be.").ToList();
        Assert.NotEmpty(dante);
        Assert.All(dante, q => Assert.Equal("Dante Alighieri", q.Author));
        // The first line read as a source stands: a later line is never read over it.
        Assert.All(quotes.Where(q => q.Attribution.FirstOrDefault()?.Text.StartsWith("Virgil, Aeneid", StringComparison.Ordinal) == true),
            q => Assert.Equal(("Virgil", "Aeneid"), (q.Author, q.Work)));
    }

    [Fact]
    public void ALaterLineGoingOnInLowerCaseOrAFirstLineThatSaysWhereTheQuoteIsFromGivesNoAuthor()
    {
        const string text = """
            Sample Theme

            A

              • O sample mother, fountain of love,
                • that I may grieve with you.
                • Stabat Mater, authorship unknown, variously attributed to Sample Poet.

              • A sample line of a paraphrase.
                • Paraphrase of Martial by Sample Writer, Antipathy.
                • Sample Poet, Sample Epigrams, I. 33.

              • Another sample line.
                • These are the words of the line in English.
                • Sample Poet, Sample Epigrams, I. 34.
            """;
        var quotes = Quotes(ContentFile.Decode("Sample Theme.txt", Encoding.UTF8.GetBytes(text), "en", [])!);

        Assert.Equal([null, null, "Sample Poet"], quotes.Select(q => q.Author));
    }

    [Fact]
    public void ANameInAShapeACharacterOrATitleHasTooIsAnAuthorOnlyWhenThePageConfirmsIt()
    {
        const string text = """
            Sample Theme

            a sample theme

            A

              • Sample quote one.
                • Sample Writer in Sample Novel (1900)

              • Sample quote two.
                • Sample Writer in Another Novel (1901), Chapter 2

              • Sample quote three.
                • Sample Hero in Sample Epic (1850)

              • Sample quote four.
                • Sample Hero in Another Epic (1851), Book II

              • Sample quote five.
                • Poeta, Carmina, I. 3.

              • Sample quote six.
                • Poeta, Sample Odes (1800)

              • Sample quote seven.
                • Titulus, Sample Part, Book I. 2.

              • Sample quote eight.
                • Sample Writer, Sample Essays (1910)
            """;
        var quotes = Quotes(ContentFile.Decode("Sample Theme.txt", Encoding.UTF8.GetBytes(text), "en", [])!);

        // A plain line elsewhere ("Sample Writer, Sample Essays (1910)", "Poeta, Sample Odes (1800)") names them authors;
        // two works alone prove nothing (a character of a series), nor one word before a part (a title before its chapter).
        Assert.Equal(["Sample Writer", "Sample Writer", null, null, "Poeta", "Poeta", null, "Sample Writer"], quotes.Select(q => q.Author));
        Assert.Equal(("Sample Novel", "1900"), (quotes[0].Work, quotes[0].Year));
        Assert.Equal("Carmina", quotes[4].Work);
    }

    [Fact]
    public void InWikitextANameThatLinksToItsPageOnTheWikiIsConfirmed()
    {
        const string wiki = """
            == A ==
            * Sample quote one.
            ** [[Poeta]], ''Carmina'', I. 3.
            * Sample quote two.
            ** [[Sample Writer]] in ''Sample Novel'' (1900)
            * Sample quote three.
            ** [[w:Sample Hero|Sample Hero]] in ''Sample Epic'' (1850)
            * Sample quote four.
            ** Titulus, ''Sample Part'', Book I. 2.
            """;
        var quotes = Quotes(ContentFile.Decode("Sample Theme.wiki", Encoding.UTF8.GetBytes(wiki), "en", [])!);

        // A link to Wikipedia is no page of the wiki's: a character's article is there as often as a writer's.
        Assert.Equal(["Poeta", "Sample Writer", null, null], quotes.Select(q => q.Author));
        Assert.Equal(("Sample Novel", "1900"), (quotes[1].Work, quotes[1].Year));
    }

    [Fact]
    public void OnAPersonsPageATitleAndItsYearWhereAnAuthorWouldStandIsTheWork()
    {
        var quotes = Quotes(SampleSpec.Load("002_friedrich-nietzsche").File());

        var dithyrambs = quotes.Where(q => q.Attribution.FirstOrDefault()?.Text == "Dionysian-Dithyrambs (1888)").ToList();
        Assert.NotEmpty(dithyrambs);
        Assert.All(dithyrambs, q => Assert.Equal((null, "Dionysian-Dithyrambs", "1888"), (q.Author, q.Work, q.Year)));
        // Quotes about the person keep the names their lines give.
        Assert.Contains(quotes, q => q is { Status: QuoteStatus.About, Author: "Albert Camus" });
    }

    [Fact]
    public void OnAPersonsPageTheirOwnNameWithAYearIsNoWork()
    {
        const string text = """
            Sample Person

            Sample Person (1800–1880) was a sample writer.

            Quotes

              • Sample quote one.
                • Sample Q. Person (1850)

              • Sample quote two.
                • Collected Poems of Sample Person (1860)
            """;
        var quotes = Quotes(ContentFile.Decode("Sample Person.txt", Encoding.UTF8.GetBytes(text), "en", [])!);

        Assert.Equal([("Sample Q. Person", null), (null, "Collected Poems of Sample Person")], quotes.Select(q => (q.Author, q.Work)));
    }

    // Mark Twain's page gives most of its sources so: a short work in quotation marks, a letter or a speech with its date.
    [Fact]
    public void OnAPersonsPageAWorkWithItsDateWhereNoNameStandsIsTheWork()
    {
        const string wiki = """
            '''Sample Person''' (1835 – 1910) was a sample writer.
            == Quotes ==
            * Sample quote one.
            ** "A Sample Story" (1865).
            * Sample quote two.
            ** Letter to A Sample Friend (September 1, 1876).
            * Sample quote three.
            ** Speech to the ''Sample Society'' (1901)
            * Sample quote four.
            ** originally in ''A Sample Magazine'' (1905).
            * Sample quote five.
            ** As quoted in ''A Sample Paper'' (1987)
            === ''A Sample Book'' (1888) ===
            * Sample quote six.
            ** Sec 12 (Autumn 1887).
            === "A Sample Essay" (1871) ===
            * Sample quote seven.
            === A Sample Speech (December 22, 1876) ===
            * Sample quote eight.

            [[Category:1910 deaths]]
            """;
        var quotes = Quotes(ContentFile.Decode("Sample Person.wiki", Encoding.UTF8.GetBytes(wiki), "en", [])!);

        Assert.Equal([
                ("A Sample Story", "1865"), ("Letter to A Sample Friend", "1876"), ("Speech to the Sample Society", "1901"),
                (null, null), (null, null),
                ("A Sample Book", "1888"), ("A Sample Essay", "1871"), ("A Sample Speech", "1876"),
            ], quotes.Select(q => (q.Work, q.Year)));
        Assert.All(quotes, q => Assert.Null(q.Author));
    }

    // A period is no work, a part of a work leaves the work to the heading above, and a title's own marks stay.
    [Fact]
    public void OnAPersonsPageAPeriodOrAPartIsNoWork()
    {
        const string wiki = """
            '''Sample Person''' (1835 – 1910) was a sample writer.
            == Quotes ==
            === Early years (1870–1889) ===
            * Sample quote one.
            === ''A Sample Book'' (1899) ===
            * Sample quote two.
            ** Preface (1901).
            * Sample quote three.
            ** Fragment 12 (1899).
            == Speeches ==
            * Sample quote four.
            ** Speech to the "Sample Club" (1901).

            [[Category:1910 deaths]]
            """;
        var quotes = Quotes(ContentFile.Decode("Sample Person.wiki", Encoding.UTF8.GetBytes(wiki), "en", [])!);

        Assert.Equal([(null, null), ("A Sample Book", "1899"), ("A Sample Book", "1899"), ("Speech to the \"Sample Club\"", "1901")],
            quotes.Select(q => (q.Work, q.Year)));
    }

    // A title in italics where a name would stand is the work: names are not set in italics.
    [Fact]
    public void InWikitextATitleInItalicsWhereANameWouldStandIsTheWork()
    {
        const string wiki = """
            == A ==
            * Sample quote one.
            ** ''A Sample Song'' (1759).
            * Sample quote two.
            ** ''[[A Sample Film]]''
            * Sample quote three.
            ** Sample Writer, ''A Sample Novel'' (1900)
            * Sample quote four.
            ** ''[[w:Sample Writer|Sample Writer]]'', ''A Sample Novel'' (1900).
            * Sample quote five.
            ** ''Anonymous''
            """;
        var quotes = Quotes(ContentFile.Decode("Sample Theme.wiki", Encoding.UTF8.GetBytes(wiki), "en", [])!);

        // Followed by a work, the italics were a name's.
        Assert.Equal([(null, "A Sample Song", "1759"), (null, "A Sample Film", null), ("Sample Writer", "A Sample Novel", "1900"),
                ("Sample Writer", "A Sample Novel", "1900"), ("Anonymous", null, null)],
            quotes.Select(q => (q.Author, q.Work, q.Year)));
    }

    private static List<ParsedQuote> Quotes(ContentFile file)
    {
        var topic = ContentParser.Parse(file, new ImportOptions(), []);
        Assert.NotNull(topic);
        return topic.Sections.SelectMany(s => s.Quotes).ToList();
    }
}
