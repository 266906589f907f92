using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests.Wikitext;

/// <summary>
/// What a wikitext page is (TopicKinds), in the shapes of real English pages the samples do not show. The pages are
/// made up; their shapes are those of real ones (a portrait with a caption above a person's lead, "… TV shows" categories).
/// </summary>
public sealed class TopicKindTests
{
    // A person page that opens with a captioned portrait: the caption is no lead sentence, and the person's quotes are the person's.
    [Theory]
    [InlineData("[[File:Portrait.jpg|thumb|right|A made-up caption under a portrait.]]", "[[Category:Made-up film directors]]")]
    [InlineData("[[Image:Portrait.jpg|thumb|right|Made-up Person: a caption naming the person]]", "[[Category:Made-up humorists]]")]
    public void ACaptionedImageAboveAPersonsLeadLeavesItAPersonsPage(string image, string category)
    {
        var topic = Parse("Made-up Person", $"""
            {image}
            '''Made-up Person''' (born 1 January 1900) is a made-up director.

            == Quotes ==
            * A made-up quote of the person.
            ** ''A Made-up Book'' (1950)

            {category}
            """);

        Assert.Equal(TopicKind.Person, topic.Kind);
        Assert.True(topic.Lead[0].IsCaption);
        Assert.StartsWith("Made-up Person (born", topic.LeadSentence?.Text, StringComparison.Ordinal);
        var quote = Assert.Single(topic.Sections.SelectMany(s => s.Quotes));
        Assert.Equal("A Made-up Book", quote.Work);
        Assert.NotEqual("A Made-up Book", quote.Author);
    }

    [Theory]
    [InlineData("[[Category:2000s American animated comedy TV shows]]")]
    [InlineData("[[Category:Made-up television shows]]")]
    public void EnglishWikiquotesTvShowsCategoriesAreSeries(string category)
    {
        var topic = Parse("Made-up Show", $"""
            '''''Made-up Show''''' is a made-up animated show.

            == Quotes ==
            * A made-up line of the show.

            {category}
            """);

        Assert.Equal(TopicKind.TelevisionSeries, topic.Kind);
    }

    // A series' page with a cast list and no series category: its first sentence says it is a series, not a film.
    [Fact]
    public void ASeriesWhoseLeadSaysSoIsASeriesThoughItHasACastList()
    {
        var topic = Parse("Made-up Series", """
            '''''Made-up Series''''' (2002–2003) is an American made-up space Western television series.

            == Season 1 ==
            :'''Alpha''': A made-up line.
            :'''Beta''': A made-up answer.

            == Cast ==
            * Actor A - Alpha
            * Actor B - Beta
            """);

        Assert.Equal(TopicKind.TelevisionSeries, topic.Kind);
    }

    // "… a film based on the television series …" and a person known for a series are no series.
    [Theory]
    [InlineData("'''''Made-up Film''''' is a 2005 made-up film based on the television series ''Made-up Series''.", "[[Category:2005 films]]", TopicKind.Film)]
    [InlineData("'''Made-up Actor''' (born 1 January 1970) is an actor known for the television series ''Made-up Series''.", "", TopicKind.Person)]
    public void APageThatOnlyNamesASeriesIsNoSeries(string lead, string category, TopicKind kind)
    {
        var title = lead.Contains("Film") ? "Made-up Film" : "Made-up Actor";
        var topic = Parse(title, $"""
            {lead}

            == Quotes ==
            * A made-up line.

            {category}
            """);

        Assert.Equal(kind, topic.Kind);
    }

    // A person's lead the person rule cannot read (a nickname in quotation marks, a title before the name) with the year
    // they were born in the categories: still a person, whatever films or series the lead names.
    [Theory]
    [InlineData("Made-up \"Dot\" Person", "'''Made-up \"Dot\" Person''' (1 May 1900 – 2 June 1970) was an American film and stage actress.", "[[Category:1900 births]]")]
    [InlineData("Made-up Producer", "'''Sir Made-up Producer''' (born 3 March 1950) is a British television series producer.", "[[Category:1950 births]]")]
    [InlineData("Made-up Star", "'''Made-up Star''' was an American film star.", "[[Category:1970 deaths]]")]
    public void APersonWhoseLeadNamesFilmsOrSeriesIsAPerson(string title, string lead, string category)
    {
        var topic = Parse(title, $"""
            {lead}

            == Quotes ==
            * A made-up line.

            {category}
            """);

        Assert.Equal(TopicKind.Person, topic.Kind);
    }

    // Page text shows no categories: a film's page says what it is in its first sentence, as Le Pacha's does.
    [Theory]
    [InlineData("Un Film d'exemple est un film français réalisé par Un Réalisateur en 1968.", TopicKind.Film)]
    [InlineData("A Sample Film is a 2020 coming-of-age comedy-drama film.", TopicKind.Film)]
    [InlineData("A Sample Novel is a novel adapted into a film in 1990.", TopicKind.Theme)]
    [InlineData("Sample Director is an American film director.", TopicKind.Theme)]
    [InlineData("A sample picture is a film genre that frightens.", TopicKind.Theme)]
    [InlineData("Sample Star was an American film star.", TopicKind.Theme)]
    public void APageTextFilmsLeadSaysItIsAFilm(string lead, TopicKind kind)
    {
        var text = $"Sample Page\n\n{lead}\n\nQuotes\n\n  • A sample line.\n";
        var topic = ContentParser.Parse(ContentFile.Decode("Sample Page.txt", System.Text.Encoding.UTF8.GetBytes(text), "en", [])!, new ImportOptions(), []);

        Assert.Equal(kind, topic!.Kind);
    }

    private static ParsedTopic Parse(string title, string wikitext)
    {
        var (topic, diagnostics) = WikitextImport.Parse(title + ".wiki", wikitext);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        return topic!;
    }
}
