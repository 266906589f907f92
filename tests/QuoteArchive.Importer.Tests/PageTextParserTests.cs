using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

/// <summary>The derived fields of FORMAT.md, on the seed and on small pages.</summary>
public sealed class PageTextParserTests
{
    private static ParsedTopic Import(string text, string path = "page.txt", List<Diagnostic>? diagnostics = null)
    {
        diagnostics ??= [];
        var file = new ContentFile(path, ContentFile.LanguageOf(path, "en"), text);
        return PageTextParser.Parse(file, new ImportOptions(), diagnostics)!;
    }

    [Fact]
    public void ASourceLineThatLostItsBulletUnderAQuoteOfItsAuthorIsAParagraphNotAHeading()
    {
        const string text = """
            Sample Theme

            a sample theme

            V

              • A first sample quote.
                • Sample Painter, Letters to a Brother (1927)

              • A second sample quote, its source line without a bullet.

            Sample Painter, Letter to a Brother from a Village, (c. 9 March 1884)

              • A third sample quote.
                • Sample Poet, Eclogues (37 BC)

            Sample Writer, A Dated Book (1990)

              • A quote under a heading of a name the section has not given.
            """;
        var topic = Import(text);

        Assert.Equal(["V", "Sample Writer, A Dated Book (1990)"], topic.Sections.Select(s => s.Heading));
        var note = Assert.Single(topic.Sections[0].Notes);
        Assert.Equal(("Sample Painter, Letter to a Brother from a Village, (c. 9 March 1884)", 12), (note.Text, note.Line));
        Assert.Equal(3, topic.Sections[0].Quotes.Count);
        Assert.Empty(topic.Sections[0].Quotes[1].Attribution);
    }

    [Fact]
    public void AHeadingAfterProseUnderAQuoteStaysAHeading()
    {
        const string text = """
            Sample Theme

            a sample theme

            V

              • A first sample quote.
                • Sample Painter, Letters to a Brother (1927)

              • A second sample quote, with no source.

            A paragraph of prose after it.

            Sample Painter, Letters from a Town (1888)

              • A third sample quote.
            """;
        var topic = Import(text);

        Assert.Equal(["V", "Sample Painter, Letters from a Town (1888)"], topic.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void ASourceUnderAQuoteWrittenAsAParagraphStaysWithItAsAParagraph()
    {
        const string text = """
            Sample Theme

            a sample theme

            S

              • A sample quote.

            A sample quote written as a paragraph.
            Its second line.

                • Sample Singer, Sample Album (2006), Sample Song

                • A second such bullet is a quote, with a warning.

            More

                • With nothing above it, a deeper bullet is kept as a quote.
            """;
        var diagnostics = new List<Diagnostic>();
        var topic = Import(text, diagnostics: diagnostics);

        Assert.Equal(["A sample quote.", "A second such bullet is a quote, with a warning."], topic.Sections[0].Quotes.Select(q => q.Text));
        Assert.Equal(["A sample quote written as a paragraph.\nIts second line.", "Sample Singer, Sample Album (2006), Sample Song"],
            topic.Sections[0].Notes.Select(n => n.Text));
        Assert.Equal(["With nothing above it, a deeper bullet is kept as a quote."], topic.Sections[1].Quotes.Select(q => q.Text));
        Assert.Equal([14, 18], diagnostics.Where(d => d.Message.Contains("no quote above it")).Select(d => d.Position.Line));
    }

    [Fact]
    public void AnImageCaptionRepeatingAQuoteOfThePageIsAParagraphBesideItNotASecondQuote()
    {
        const string text = """
            Sample Theme

            A first sample caption, featured. ~ Sample Writer

            A

            A second sample caption, repeated below. ~ Sample Poet

              • A sample quote.

              • A second sample caption, repeated below.
                • Sample Poet, Sample Poems (1900)

            A third caption, only ever a caption. ~ Sample Painter

            A third caption, only ever a caption. ~ Sample Painter

              • A first sample caption, featured.
                • Sample Writer, Sample Essays (1950)

            a fourth caption in small letters ~ Sample Singer

              • "A fourth caption in small letters."
            """;
        var diagnostics = new List<Diagnostic>();
        var topic = Import(text, diagnostics: diagnostics);

        var quotes = topic.Quotes.ToList();
        Assert.Equal(["A first sample caption, featured.", "A sample quote.", "A second sample caption, repeated below.",
            "A third caption, only ever a caption.", "A first sample caption, featured.", "\"A fourth caption in small letters.\""],
            quotes.Select(q => q.Text));
        // The listed quote is the one kept, with its source and the id of its words.
        Assert.Equal(("Sample Poet, Sample Poems (1900)", QuoteIds.Create(topic.Slug, "A second sample caption, repeated below.")),
            (Assert.Single(quotes[2].Attribution).Text, quotes[2].Id));
        Assert.Equal(["A second sample caption, repeated below. ~ Sample Poet", "A third caption, only ever a caption. ~ Sample Painter",
            "a fourth caption in small letters ~ Sample Singer"], topic.Sections[1].Notes.Select(n => n.Text));
        Assert.Equal([7, 16, 21], topic.Sections[1].Notes.Select(n => n.Line));
        // The caption's "~ Sample Singer" says who, where the listed quote does not.
        Assert.Equal("Sample Singer", quotes[5].Author);
        // The featured quote stays: a quote the page repeats is still told apart by its occurrence, with a warning.
        Assert.True(quotes[0].IsFeatured);
        Assert.Equal(2, quotes[4].Occurrence);
        Assert.Single(diagnostics, d => d.Message.Contains("appears 2 times"));
    }

    [Theory]
    [InlineData("This section is for widely quoted statements by authors unknown or Anonymous", false)]
    [InlineData("This page lists sample sayings", false)]
    [InlineData("This Side of Paradise (1920)", true)]
    [InlineData("These Happy Golden Years", true)]
    public void ANoteOnThePageItselfIsNoHeading(string line, bool heading)
    {
        var topic = Import($"Sample\n\na sample page\n\nAnonymous\n\n{line}\n\n  • A sample quote.\n");

        Assert.Equal(heading ? ["Anonymous", line] : ["Anonymous"], topic.Sections.Select(s => s.Heading));
        Assert.Equal(heading ? [] : [line], topic.Sections[0].Notes.Select(n => n.Text));
    }

    [Theory]
    [InlineData("-->")]
    [InlineData("]]")]
    [InlineData("}}")]
    [InlineData("|}")]
    public void MarkupTheRenderingLeftBehindIsNoParagraphAndIsReported(string residue)
    {
        var diagnostics = new List<Diagnostic>();

        var topic = Import($"Sample\n\na sample page\n\nA\n\nA first caption. ~ Someone\n\n{residue}\n\nA second caption. ~ Someone\n", diagnostics: diagnostics);

        Assert.Empty(topic.Sections[0].Notes);
        Assert.Equal(2, topic.Sections[0].Quotes.Count);
        var warning = Assert.Single(diagnostics);
        Assert.Equal($"page.txt:9:1: warning: '{residue}' is wiki markup the page's rendering left behind, not text: not shown", warning.ToString());
    }

    [Fact]
    public void AParagraphOfSeveralSuchLinesIsKeptAsANote()
    {
        var diagnostics = new List<Diagnostic>();

        var topic = Import("Sample\n\na sample page\n\nA\n\n!\n!\n\n  • A quote.\n", diagnostics: diagnostics);

        Assert.Equal("!\n!", Assert.Single(topic.Sections[0].Notes).Text);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("* * *")]
    [InlineData("…")]
    public void ASeparatorOfVerseIsNoResidue(string line) =>
        Assert.False(PageText.ParagraphRules.IsMarkupResidue(line));

    [Fact]
    public void SeedImportsAsFormatDescribes()
    {
        var (topic, diagnostics) = SampleSpec.Load("000_73c1ef86726e28fd").Import();

        Assert.Empty(diagnostics);
        Assert.Equal("China–Russia relations", topic.Title);
        Assert.Equal("China–Russia_relations", topic.Slug);
        Assert.Equal("bilateral relations between China and Russia", topic.Description);
        Assert.Equal("en", topic.Language);
        Assert.Equal("https://en.wikiquote.org/wiki/China%E2%80%93Russia_relations", topic.SourceUrl);
        var lead = Assert.Single(topic.Lead);
        Assert.StartsWith("China–Russia relations, also known as Sino-Russian relations", lead.Text);
        Assert.Equal(5, lead.Line);

        Assert.Equal([null, "Joint Statement of the Russian Federation and the People’s Republic of China on the International Relations Entering a New Era and the Global Sustainable Development, February 4, 2022", "Quotes about"],
            topic.Sections.Select(s => s.Heading));
        Assert.Equal(["top", "Joint_Statement_of_the_Russian_Federation_and_the_People’s_Republic_of_China_on_the_International_Relations_Entering_a_New_Era_and_the_Global_Sustainable_Development,_February_4,_2022", "Quotes_about"],
            topic.Sections.Select(s => s.Anchor));
        Assert.All(topic.Sections, s => Assert.Equal(1, s.Level));
        Assert.All(topic.Sections, s => Assert.False(s.IsList));

        var featured = Assert.Single(topic.Sections[0].Quotes);
        Assert.True(featured.IsFeatured);
        Assert.Equal("The sides believe that peace, development and cooperation lie at the core of the modern international system.", featured.Text);
        Assert.Equal("Joint Statement of the Russian Federation and the People’s Republic of China (4 February 2022)", Assert.Single(featured.Attribution).Text);
        Assert.Equal(QuoteStatus.Sourced, featured.Status);
        Assert.Equal(7, featured.Line);

        var statement = topic.Sections[1];
        var link = Assert.Single(statement.Links);
        Assert.Equal(("Full text", null, 14), (link.Label, link.Url, link.Line));
        var nato = Assert.Single(statement.Quotes);
        Assert.StartsWith("The sides oppose further enlargement of NATO", nato.Text);
        Assert.Equal(QuoteStatus.Unsourced, nato.Status);
        Assert.False(nato.IsFeatured);

        var about = topic.Sections[2].Quotes;
        Assert.Equal(3, about.Count);
        Assert.All(about, q => Assert.Equal(QuoteStatus.About, q.Status));
        var westad = about[2];
        var source = Assert.Single(westad.Attribution);
        Assert.Equal((1, "Odd Arne Westad, The Cold War: A World History (2017)", 23), (source.Depth, source.Text, source.Line));
        Assert.Equal(("Odd Arne Westad", "The Cold War: A World History", "2017"), (westad.Author, westad.Work, westad.Year));
        Assert.Equal(QuoteIds.Create(topic.Slug, westad.Text), westad.Id);
        Assert.Null(westad.Html);

        var wikipedia = Assert.Single(topic.SisterLinks);
        Assert.Equal(("Wikipedia", "China–Russia relations", "https://en.wikipedia.org/wiki/China%E2%80%93Russia_relations", 24),
            (wikipedia.Project, wikipedia.Article, wikipedia.Url, wikipedia.Line));
    }

    [Fact]
    public void LanguageFolderSetsLanguageAndHosts()
    {
        var topic = Import("Amour\n\nCitations\n\n  • L'amour est un rêve.\nWikipedia has an article about:\nAmour (sentiment)\n", "fr/Amour.txt");

        Assert.Equal("fr", topic.Language);
        Assert.Equal("https://fr.wikiquote.org/wiki/Amour", topic.SourceUrl);
        var link = Assert.Single(topic.SisterLinks);
        Assert.Equal(("Amour (sentiment)", "https://fr.wikipedia.org/wiki/Amour_(sentiment)"), (link.Article, link.Url));
    }

    [Fact]
    public void BulletsNestByIndentationRelativeToTheShallowest()
    {
        // FORMAT.md: "taken relative to the shallowest bullet of the page, so a page indented by 0 or by 2 reads the same"
        var flush = Import("T\n\nQuotes\n\n• One\n  line two\n  • Author, Work (1900)\n    • a note on it\n• Two\n");
        var indented = Import("T\n\nQuotes\n\n    • One\n      line two\n      • Author, Work (1900)\n        • a note on it\n    • Two\n");

        foreach (var topic in new[] { flush, indented })
        {
            var quotes = Assert.Single(topic.Sections).Quotes;
            Assert.Equal(["One\nline two", "Two"], quotes.Select(q => q.Text));
            Assert.Equal([(1, "Author, Work (1900)"), (2, "a note on it")], quotes[0].Attribution.Select(a => (a.Depth, a.Text)));
            Assert.Equal(("Author", "Work", "1900"), (quotes[0].Author, quotes[0].Work, quotes[0].Year));
            Assert.Equal([QuoteStatus.Sourced, QuoteStatus.Unsourced], quotes.Select(q => q.Status));
        }
    }

    [Theory]
    [InlineData("Disputed", QuoteStatus.Disputed)]
    [InlineData("Misattributed", QuoteStatus.Misattributed)]
    [InlineData("Unsourced", QuoteStatus.Unsourced)]
    [InlineData("Attributed", QuoteStatus.Attributed)]
    [InlineData("Quotes about Love", QuoteStatus.About)]
    [InlineData("Sourced", QuoteStatus.Sourced)]
    public void StatusComesFromTheHeadingsAbove(string heading, QuoteStatus status)
    {
        var topic = Import($"T\n\n{heading}\n\n  • A quote.\n    • Someone, Somewhere (1999)\n\nA sub-heading\n\n  • Another.\n    • Someone else\n");

        Assert.All(topic.Sections.SelectMany(s => s.Quotes), q => Assert.Equal(status, q.Status));
    }

    [Fact]
    public void ListSectionsKeepItemsAndEverySectionAfterIsAList()
    {
        var topic = Import("T\n\nQuotes\n\n  • A quote.\n\nSee also\n\n  • Fire\n    • Kindness\n\nWorks\n\n  • A book\n");

        Assert.Equal([false, true, true], topic.Sections.Select(s => s.IsList));
        Assert.Single(topic.Sections.SelectMany(s => s.Quotes));
        Assert.Equal([(1, "Fire"), (2, "Kindness")], topic.Sections[1].Items.Select(i => (i.Depth, i.Text)));
        Assert.Equal("A book", Assert.Single(topic.Sections[2].Items).Text);
    }

    [Fact]
    public void DirectionsStayInTheExchangeAndLeaveTheSpeakerItsName()
    {
        var topic = Import("Series\n\nDialogue\n\nAnn (shouting): Where were you?\n[Bob walks in]\nBob [to Ann]: Out.\n\n[A direction alone]\n");

        var section = Assert.Single(topic.Sections);
        var exchange = Assert.Single(section.Quotes);
        Assert.Equal([("Ann", "(shouting) Where were you?"), (null, "[Bob walks in]"), ("Bob", "[to Ann] Out.")],
            exchange.DialogueLines.Select(l => (l.Speaker, l.Text)));
        Assert.Equal("Ann: (shouting) Where were you?\n[Bob walks in]\nBob: [to Ann] Out.", exchange.Text);
        Assert.Equal("[A direction alone]", Assert.Single(section.Notes).Text);
    }

    [Theory]
    [InlineData("External link")]
    [InlineData("Footnotes")]
    [InlineData("Notes et références")]
    public void TheseHeadingsStartListSections(string heading)
    {
        var topic = Import($"Sample\n\na sample page\n\nQuotes\n\n  • A sample quote.\n\n{heading}\n\n  • A sample link\n");

        Assert.Equal([false, true], topic.Sections.Select(s => s.IsList));
        Assert.Equal("A sample link", Assert.Single(topic.Sections[1].Items).Text);
    }

    [Fact]
    public void AListOfPagesListsLinksNotQuotes()
    {
        var topic = Import("List of sample pages\n\na sample index\n\nA\n\n  • Alpha Page (1900–1980), a sample page\n    • a line under it\n");

        var section = Assert.Single(topic.Sections);
        Assert.True(section.IsList);
        Assert.Empty(topic.Quotes);
        Assert.Equal([(1, "Alpha Page (1900–1980), a sample page"), (2, "a line under it")], section.Items.Select(i => (i.Depth, i.Text)));
    }

    [Fact]
    public void DialogueParagraphsKeepTheirSpeakers()
    {
        var topic = Import("Film\n\nDialogue\n\nAnn: Where were you?\n\nBob: Out.\nAnn: Out where?\n\nBob : Nowhere.\n");

        var quotes = Assert.Single(topic.Sections).Quotes;
        Assert.All(quotes, q => Assert.Equal(QuoteKind.Dialogue, q.Kind));
        // A one-line question and the other speaker's answer after it are one exchange (samples/009).
        Assert.Equal(["Ann: Where were you?\nBob: Out.\nAnn: Out where?", "Bob: Nowhere."], quotes.Select(q => q.Text));
        Assert.Equal([("Ann", "Where were you?", 5), ("Bob", "Out.", 7), ("Ann", "Out where?", 8)],
            quotes[0].DialogueLines.Select(d => (d.Speaker, d.Text, d.Line)));
    }

    [Fact]
    public void ACaptionRepeatingTheTitleStaysInTheLead()
    {
        var topic = Import("Bertolt Brecht\n\nBertolt Brecht est un poète.\n\nBertolt Brecht\n\nL'Exception et la règle, 1930\n\n  • Les acteurs.\n");

        Assert.Equal(["Bertolt Brecht est un poète.", "Bertolt Brecht"], topic.Lead.Select(p => p.Text));
        Assert.Equal("L'Exception et la règle, 1930", Assert.Single(topic.Sections).Heading);
    }

    [Fact]
    public void CaptionsSplitAtTheTildeAndLoseTheirLinkResidue()
    {
        var topic = Import("T\n\nA page.\n\nLove costs all we are\nand will ever be. ~ [ Maya Angelou ]\n\nJust words ~\n\nQuotes\n\nIn the body. ~ Someone\n");

        var lead = topic.Sections[0].Quotes;
        Assert.Equal([("Love costs all we are\nand will ever be.", true, 5), ("Just words", false, 8)], lead.Select(q => (q.Text, q.IsFeatured, q.Line)));
        Assert.Equal(("Maya Angelou", 6), (lead[0].Attribution.Single().Text, lead[0].Attribution.Single().Line));
        Assert.Empty(lead[1].Attribution);
        var body = Assert.Single(topic.Sections[1].Quotes);
        Assert.Equal(("In the body.", false, "Someone"), (body.Text, body.IsFeatured, body.Attribution.Single().Text));
    }

    [Fact]
    public void AnchorsAreUniqueInThePage()
    {
        var topic = Import("T\n\nA page.\n\nNotes on love\n\n  • A.\n\nNotes on love\n\n  • B.\n\nNotes on love\n\n  • C.\n");

        // The page's lead paragraph is no section: the unnamed first section is left out when empty.
        Assert.Equal(["Notes_on_love", "Notes_on_love_2", "Notes_on_love_3"], topic.Sections.Select(s => s.Anchor));
    }

    [Theory]
    [InlineData("Sourced", true)]
    [InlineData("Thus Spoke Zarathustra (1883–1885)", true)]
    [InlineData("== Albert Camus, L'homme révolté, 1951", true)]
    [InlineData("== La Mère, 1931 == <3", false)]
    [InlineData("See also:", false)]
    [InlineData("(Full text)", false)]
    [InlineData("A · B · C · D", false)]
    [InlineData("He said it. ~ Someone", false)]
    [InlineData("It ends here.", false)]
    [InlineData("“Quoted heading”", false)]
    [InlineData("Art is the supreme task and the truly metaphysical activity in this life…", false)]
    [InlineData("Where there is the greatest love, there are always miracles. - Willa Cather", false)]
    [InlineData("Love is the only way. Martin Luther King", false)]
    [InlineData("-->", false)]
    [InlineData("Bartlett's Familiar Quotations, 10th ed. (1919)", true)]
    [InlineData("Littérature, Enquête — Pourquoi écrivez-vous ?, 1920", true)]
    [InlineData("Marc Lévy, Et si c'était vrai..., 2000", true)]
    public void HeadingsFollowTheHeadingRule(string line, bool heading)
    {
        var topic = Import($"Title\n\nQuotes\n\n{line}\n\n  • A quote.\n");

        Assert.Equal(heading, topic.Sections.Any(s => s.Heading == line));
    }

    [Theory]
    [InlineData("bilateral relations between China and Russia", true)]
    [InlineData("Warmness is the state of being warm and excited.", false)]
    [InlineData("He said it (and meant it.)", false)]
    [InlineData("He said “so!”", false)]
    [InlineData("Quotes", false)]
    [InlineData("Quotes about Love", false)]
    [InlineData("(Full text)", false)]
    [InlineData("A · B · C · D", false)]
    [InlineData("Love is all. ~ Someone", false)]
    public void DescriptionIsAShortLineRightUnderTheTitle(string line, bool description)
    {
        var topic = Import($"Title\n\n{line}\n\n  • A quote.\n");

        Assert.Equal(description ? line : null, topic.Description);
    }

    [Fact]
    public void DescriptionIsOneLineOfAtMost200Characters()
    {
        Assert.NotNull(Import($"T\n\n{new string('a', 200)}\n").Description);
        Assert.Null(Import($"T\n\n{new string('a', 201)}\n").Description);
        Assert.Null(Import("T\n\nfirst line\nsecond line\n").Description);
    }

    [Fact]
    public void SisterBoxesBecomeSisterLinksWhereverTheyStand()
    {
        var topic = Import("""
            Friedrich Nietzsche

            External links
            Wikipedia has an article about:
            Wikisource has original works written by or about:
            Wikisource has original text related to: Thus Spoke Zarathustra
            Look up Übermensch in Wiktionary, the free dictionary.
            Wikimedia Commons has media related to:
            Sur les autres projets Wikimedia :

              • Works by Friedrich Nietzsche at Project Gutenberg
            """);

        Assert.Equal([
                ("Wikipedia", "Friedrich Nietzsche", "https://en.wikipedia.org/wiki/Friedrich_Nietzsche", 4),
                ("Wikisource", "Friedrich Nietzsche", "https://en.wikisource.org/wiki/Author:Friedrich_Nietzsche", 5),
                ("Wikisource", "Thus Spoke Zarathustra", "https://en.wikisource.org/wiki/Thus_Spoke_Zarathustra", 6),
                ("Wiktionary", "Übermensch", "https://en.wiktionary.org/wiki/%C3%9Cbermensch", 7),
                ("Wikimedia Commons", "Friedrich Nietzsche", null, 8),
                ("Wikimedia", "Friedrich Nietzsche", null, 9),
            ], topic.SisterLinks.Select(l => (l.Project, l.Article, l.Url, l.Line)));
        // "Lines after a sister box go on as usual (they are usually items of an External links section)."
        Assert.Equal("Works by Friedrich Nietzsche at Project Gutenberg", Assert.Single(Assert.Single(topic.Sections).Items).Text);
    }

    // samples/README.md: "Definition lines (… notes under a quote) are flush left": right under its source lines they
    // are the quote's (samples/005: Novalis's variant translations), after a blank line the section's.
    [Fact]
    public void AFlushLeftLineRightUnderAQuotesSourceIsANoteOfTheQuote()
    {
        var topic = Import("""
            Sample Topic

            Quotes

              • A sample quote with variants.
                • Its sample source.
                • Variant translations:
            A first sample variant.
                  • As quoted in a sample book
            A second sample variant.

              • Another sample quote.
                • Its sample source.

            A paragraph of the section.
            """);

        var section = Assert.Single(topic.Sections);
        var first = section.Quotes[0];
        Assert.Equal(["A first sample variant.", "A second sample variant."], first.Notes.Select(n => n.Text));
        Assert.Equal([(1, "Its sample source."), (1, "Variant translations:"), (2, "As quoted in a sample book")],
            first.Attribution.Select(a => (a.Depth, a.Text)));
        Assert.Empty(section.Quotes[1].Notes);
        Assert.Equal("A paragraph of the section.", Assert.Single(section.Notes).Text);
    }

    // Right under a quote's source lines a line is the quote's note whatever its shape: a heading and a dialogue stand
    // apart, with blank lines around them.
    [Fact]
    public void ALineRightUnderAQuotesSourceIsItsNoteThoughItReadsAsAHeadingOrADialogue()
    {
        var topic = Import("""
            Sample Topic

            Quotes

              • A sample quote.
                • Its sample source.
            Sample variant words without a full stop
            Original: sample original words.

              • Another sample quote.
                • Its sample source.
            Original: a note that reads as a dialogue line.
            """);

        var section = Assert.Single(topic.Sections);
        Assert.Equal(2, section.Quotes.Count);
        Assert.Equal("Original: a note that reads as a dialogue line.", Assert.Single(section.Quotes[1].Notes).Text);
        // Two lines with no blank line between are one paragraph (FORMAT.md): one note.
        Assert.Equal("Sample variant words without a full stop\nOriginal: sample original words.", Assert.Single(section.Quotes[0].Notes).Text);
    }
}
