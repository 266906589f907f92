using System.Text.Json;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Pages.Quotes;

namespace QuoteArchive.Web.Tests.Sharing;

/// <summary>Cite's formats, for a quote whose origin the archive knows and for one it does not.</summary>
public sealed class CitationTests
{
    private const string Permalink = "https://archive.example/q/abcdefgh";
    private static readonly DateOnly Accessed = new(2026, 3, 15);

    // Made-up names and text: what is tested is where each part lands.
    private static readonly QuoteView Known = new()
    {
        Id = "abcdefgh", Text = "A sample sentence with {braces} & 100% of $pecial_chars.", Attribution = [],
        Author = "Sample Author", Work = "A Sample Work", Year = "1887",
        Topic = new TopicRef
        {
            Slug = "Sample_Topic", Title = "Sample Topic", Language = "en", SourceUrl = "https://en.wikiquote.org/wiki/Sample_Topic", License = "CC BY-SA 4.0",
            Revision = new RevisionView { Id = 123456, Timestamp = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), License = "CC BY-SA 4.0" },
        },
        Section = new SectionRef { Anchor = "Quotes" },
    };

    private static readonly QuoteView Unknown = Known with
    {
        Text = "An anonymous sample sentence.", Author = null, Work = null, Year = null,
        Topic = Known.Topic with { Revision = null, License = null },
    };

    // Quotes of the shipped content (content/Warmness.txt, content/Love.txt) with the author, work and year the archive
    // reads from their attributions; only the topic is the sample one.
    private static readonly QuoteView Gray = Known with
    {
        Text = "Dear, as the light that visits these sad eyes;\nDear, as the ruddy drops that warm my heart.",
        Author = "Thomas Gray", Work = "The Bard", Year = "1757",
    };
    private static readonly QuoteView Virgil = Known with { Text = "Who can deceive a lover?", Author = "Virgil", Work = null, Year = null };
    private static readonly QuoteView Pope = Known with
    {
        Text = "How vast a memory has Love!", Author = "Alexander Pope", Work = "\"Sappho to Phaon\", line 52", Year = "1712",
    };
    private static readonly QuoteView Tennyson = Known with
    {
        Text = "For love reflects the thing beloved.", Author = "Alfred Tennyson", Work = "In Memoriam A.H.H.", Year = "1849",
    };
    private static readonly QuoteView BlackEyedPeas = Known with
    {
        Text = "If you never know truth then you never know love.", Author = "The Black Eyed Peas", Work = "Where Is the Love?", Year = "2003",
    };

    [Fact]
    public void EveryFormatNamesThePermalinkTheAccessDateTheSourceAndTheRevision()
    {
        var set = Citations.For(Known, Permalink, Accessed);
        Assert.Equal(["text", "mla", "apa", "chicago", "bibtex", "csl-json"], set.Formats.Select(f => f.Format));
        Assert.Equal("2026-03-15", set.Accessed);
        Assert.All(set.Formats, f =>
        {
            Assert.Contains(Permalink, f.Text, StringComparison.Ordinal);
            // MLA and APA list the surname first.
            Assert.Contains(f.Format switch { "mla" => "Author, Sample.", "apa" => "Author, S.", "bibtex" => "author = {Author, Sample}", _ => "Sample Author" },
                f.Text, StringComparison.Ordinal);
            Assert.Contains("1887", f.Text, StringComparison.Ordinal);
            Assert.Contains("Sample Work", f.Text, StringComparison.Ordinal);
            Assert.Contains("oldid=123456", f.Text, StringComparison.Ordinal);
        });
        Assert.Contains("Accessed 15 Mar. 2026", Format(set, "mla"), StringComparison.Ordinal);
        Assert.Contains("Retrieved March 15, 2026", Format(set, "apa"), StringComparison.Ordinal);
        Assert.Contains("accessed March 15, 2026", Format(set, "chicago"), StringComparison.Ordinal);
        Assert.Contains("(1887)", Format(set, "apa"), StringComparison.Ordinal);
        Assert.Contains("revision 123456 of 2024-05-01", Format(set, "text"), StringComparison.Ordinal);
    }

    [Fact]
    public void BibTeXEscapesItsSpecialCharactersAndBalancesItsBraces()
    {
        var bibtex = Format(Citations.For(Known, Permalink, Accessed), "bibtex");
        Assert.StartsWith("@misc{quotearchive:abcdefgh,", bibtex, StringComparison.Ordinal);
        Assert.Contains(@"\{braces\} \& 100\% of \$pecial\_chars", bibtex, StringComparison.Ordinal);
        Assert.Contains("urldate = {2026-03-15}", bibtex, StringComparison.Ordinal);
        var depth = 0;
        for (var i = 0; i < bibtex.Length; i++)
        {
            if (bibtex[i] == '\\') { i++; continue; }
            depth += bibtex[i] switch { '{' => 1, '}' => -1, _ => 0 };
            Assert.True(depth >= 0, "a brace closes more than it opened");
        }
        Assert.Equal(0, depth);
    }

    [Fact]
    public void CslJsonIsOneItemWithItsUrlAuthorDatesAndAccessDate()
    {
        using var json = JsonDocument.Parse(Format(Citations.For(Known, Permalink, Accessed), "csl-json"));
        var item = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(Permalink, item.GetProperty("URL").GetString());
        Assert.Equal("Sample Author", item.GetProperty("author")[0].GetProperty("literal").GetString());
        Assert.Equal("A Sample Work", item.GetProperty("original-title").GetString());
        Assert.Equal(1887, item.GetProperty("original-date").GetProperty("date-parts")[0][0].GetInt32());
        Assert.Equal([2026, 3, 15], item.GetProperty("accessed").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal([2024, 5, 1], item.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()));
    }

    // A reference manager takes the title as the item's name: a long quote is named by its opening words, as in the other formats.
    [Fact]
    public void CslJsonNamesALongQuoteByItsOpeningWords()
    {
        var long_ = Known with { Text = string.Join(' ', Enumerable.Repeat("A sample sentence of a long quote.", 30)) };
        using var json = JsonDocument.Parse(Format(Citations.For(long_, Permalink, Accessed), "csl-json"));
        var title = json.RootElement[0].GetProperty("title").GetString()!;
        Assert.True(title.Length <= 151, title);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
        Assert.Contains(title.TrimEnd('…'), Format(Citations.For(long_, Permalink, Accessed), "mla"), StringComparison.Ordinal);
    }

    [Fact]
    public void AQuoteWithoutAuthorWorkOrYearIsCitedWithoutGaps()
    {
        var set = Citations.For(Unknown, Permalink, Accessed);
        Assert.All(set.Formats, f =>
        {
            Assert.Contains(Permalink, f.Text, StringComparison.Ordinal);
            Assert.Contains("2026", f.Text, StringComparison.Ordinal);
            // BibTeX escapes the underscore.
            Assert.Contains("https://en.wikiquote.org/wiki/Sample_Topic", f.Text.Replace("\\_", "_"), StringComparison.Ordinal);
            Assert.DoesNotContain("Sample Author", f.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("revision", f.Text, StringComparison.Ordinal);
            foreach (var gap in new[] { "()", "..", ", ,", " ,", "null" })
                Assert.DoesNotContain(gap, f.Text, StringComparison.Ordinal);
        });
        Assert.Contains("(n.d.)", Format(set, "apa"), StringComparison.Ordinal);
        using var csl = JsonDocument.Parse(Format(set, "csl-json"));
        Assert.False(csl.RootElement[0].TryGetProperty("author", out _));
    }

    [Fact]
    public void NoFormatDoublesAMarkThatAQuoteATitleOrANameEndsWith()
    {
        foreach (var quote in new[] { Known, Unknown, Gray, Virgil, Pope, Tennyson, BlackEyedPeas })
            foreach (var citation in Citations.For(quote, Permalink, Accessed).Formats)
                foreach (var doubled in new[] { "..", ".,”", "?.", "?,", "!.", "!,", "….", "…,", ".”.", "?”.", "!”.", ".”,", "?”,", "!”," })
                    Assert.False(citation.Text.Contains(doubled, StringComparison.Ordinal), $"{citation.Format} has {doubled}: {citation.Text}");
    }

    [Fact]
    public void ChicagoPutsItsCommaInPlaceOfTheQuotesFinalPeriod()
    {
        Assert.StartsWith("Thomas Gray, The Bard (1757), “Dear, as the light that visits these sad eyes; / Dear, as the ruddy drops that warm my heart,” "
            + "quoted in “Sample Topic,” QuoteArchive, accessed March 15, 2026,", Format(Citations.For(Gray, Permalink, Accessed), "chicago"), StringComparison.Ordinal);
        Assert.StartsWith("Sample Author, A Sample Work (1887), “A sample sentence with {braces} & 100% of $pecial_chars,” quoted in",
            Format(Citations.For(Known, Permalink, Accessed), "chicago"), StringComparison.Ordinal);
    }

    [Fact]
    public void AQuoteEndingWithAQuestionOrExclamationMarkKeepsItWithoutTheComma()
    {
        Assert.StartsWith("Virgil, “Who can deceive a lover?” quoted in “Sample Topic,” QuoteArchive,",
            Format(Citations.For(Virgil, Permalink, Accessed), "chicago"), StringComparison.Ordinal);
        Assert.StartsWith("Alexander Pope, \"Sappho to Phaon\", line 52 (1712), “How vast a memory has Love!” quoted in",
            Format(Citations.For(Pope, Permalink, Accessed), "chicago"), StringComparison.Ordinal);
        Assert.StartsWith("Pope, Alexander. “How vast a memory has Love!” \"Sappho to Phaon\", line 52, 1712. Quoted in",
            Format(Citations.For(Pope, Permalink, Accessed), "mla"), StringComparison.Ordinal);
    }

    [Fact]
    public void PlainTextAddsNoPeriodAfterAQuoteThatEndsWithOne()
    {
        Assert.StartsWith("“An anonymous sample sentence.” In “Sample Topic”, QuoteArchive, " + Permalink,
            Format(Citations.For(Unknown, Permalink, Accessed), "text"), StringComparison.Ordinal);
        Assert.StartsWith("“If you never know truth then you never know love.” — The Black Eyed Peas, Where Is the Love? (2003). In “Sample Topic”,",
            Format(Citations.For(BlackEyedPeas, Permalink, Accessed), "text"), StringComparison.Ordinal);
    }

    [Fact]
    public void AWorkEndingWithItsOwnMarkTakesNoSecondOne()
    {
        var peas = Citations.For(BlackEyedPeas, Permalink, Accessed);
        Assert.Contains("“If you never know truth then you never know love.” Where Is the Love? 2003. Quoted in", Format(peas, "mla"), StringComparison.Ordinal);
        Assert.StartsWith("The Black Eyed Peas. (2003). Where Is the Love? Quoted in “Sample Topic.” QuoteArchive.", Format(peas, "apa"), StringComparison.Ordinal);
        Assert.Contains("note = {Where Is the Love? Quoted in", Format(peas, "bibtex"), StringComparison.Ordinal);
        var tennyson = Citations.For(Tennyson, Permalink, Accessed);
        Assert.Contains("note = {In Memoriam A.H.H. Quoted in", Format(tennyson, "bibtex"), StringComparison.Ordinal);
        Assert.Contains("“For love reflects the thing beloved.” In Memoriam A.H.H., 1849. Quoted in", Format(tennyson, "mla"), StringComparison.Ordinal);
    }

    [Fact]
    public void ANamesAbbreviationKeepsItsPeriodOnceAndItsComma()
    {
        var set = Citations.For(Known with { Author = "Martin Luther King, Jr." }, Permalink, Accessed);
        Assert.Contains("” — Martin Luther King, Jr., A Sample Work (1887). In “Sample Topic”", Format(set, "text"), StringComparison.Ordinal);
        Assert.StartsWith("Martin Luther King, Jr. “A sample sentence", Format(set, "mla"), StringComparison.Ordinal);
        Assert.StartsWith("Martin Luther King, Jr. (1887). A Sample Work. Quoted in", Format(set, "apa"), StringComparison.Ordinal);
        Assert.StartsWith("Martin Luther King, Jr., A Sample Work (1887), “A sample sentence", Format(set, "chicago"), StringComparison.Ordinal);
        var nameAlone = Citations.For(Known with { Author = "Martin Luther King, Jr.", Work = null, Year = null }, Permalink, Accessed);
        Assert.Contains("” — Martin Luther King, Jr. In “Sample Topic”", Format(nameAlone, "text"), StringComparison.Ordinal);
    }

    [Fact]
    public void ApaWithoutAnAuthorPutsTheTitleInTheAuthorsPlace()
    {
        Assert.StartsWith("“An anonymous sample sentence.” (n.d.). Quoted in “Sample Topic.” QuoteArchive. Retrieved March 15, 2026, from " + Permalink,
            Format(Citations.For(Unknown, Permalink, Accessed), "apa"), StringComparison.Ordinal);
        Assert.StartsWith("A Sample Work. (1887). Quoted in “Sample Topic.” QuoteArchive.",
            Format(Citations.For(Known with { Author = null }, Permalink, Accessed), "apa"), StringComparison.Ordinal);
    }

    [Fact]
    public void MlaAndApaListAPersonalNameSurnameFirstAndTheDataFormatsAsWritten()
    {
        var set = Citations.For(Gray, Permalink, Accessed);
        Assert.StartsWith("Gray, Thomas. “Dear, as the light that visits these sad eyes; / Dear, as the ruddy drops that warm my heart.” The Bard, 1757. Quoted in",
            Format(set, "mla"), StringComparison.Ordinal);
        Assert.StartsWith("Gray, T. (1757). The Bard. Quoted in “Sample Topic.” QuoteArchive.", Format(set, "apa"), StringComparison.Ordinal);
        Assert.StartsWith("“Dear, as the light that visits these sad eyes; / Dear, as the ruddy drops that warm my heart.” — Thomas Gray, The Bard (1757). In",
            Format(set, "text"), StringComparison.Ordinal);
        // BibTeX reads "Surname, Given Names" as a person's name; "{Thomas Gray}" would be a body's, sorted under T.
        Assert.Contains("author = {Gray, Thomas}", Format(set, "bibtex"), StringComparison.Ordinal);
        using var csl = JsonDocument.Parse(Format(set, "csl-json"));
        Assert.Equal("Thomas Gray", csl.RootElement[0].GetProperty("author")[0].GetProperty("literal").GetString());
    }

    [Fact]
    public void CslJsonNoteAddsNoPeriodAfterATopicThatEndsWithOne()
    {
        var quote = Known with { Topic = Known.Topic with { Title = "Where Is the Love?" } };
        using var csl = JsonDocument.Parse(Format(Citations.For(quote, Permalink, Accessed), "csl-json"));
        Assert.StartsWith("Quoted in “Where Is the Love?” Source: Wikiquote (en.wikiquote.org)", csl.RootElement[0].GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    // Authors of the shipped content and names that must stay as written: see Citations.SurnameFirst.
    [Theory]
    [InlineData("Thomas Gray", "Gray", "Thomas", "Gray, T.")]
    [InlineData("Percy Bysshe Shelley", "Shelley", "Percy Bysshe", "Shelley, P. B.")]
    [InlineData("T. S. Eliot", "Eliot", "T. S.", "Eliot, T. S.")]
    [InlineData("Thomas J. J. Altizer", "Altizer", "Thomas J. J.", "Altizer, T. J. J.")]
    [InlineData("Jean-Paul Sartre", "Sartre", "Jean-Paul", "Sartre, J.-P.")]
    [InlineData("Edward Bulwer-Lytton", "Bulwer-Lytton", "Edward", "Bulwer-Lytton, E.")]
    [InlineData("Madeleine L'Engle", "L'Engle", "Madeleine", "L'Engle, M.")]
    [InlineData("George MacDonald", "MacDonald", "George", "MacDonald, G.")]
    [InlineData("Czesław Miłosz", "Miłosz", "Czesław", "Miłosz, C.")]
    [InlineData("Søren Kierkegaard", "Kierkegaard", "Søren", "Kierkegaard, S.")]
    [InlineData("Alexander Pope", "Pope", "Alexander", "Pope, A.")]
    [InlineData("Stephen King", "King", "Stephen", "King, S.")]
    public void MlaAndApaListAPlainPersonalNameSurnameFirst(string name, string surname, string givenNames, string apa)
    {
        Assert.Equal((surname, givenNames), Citations.SurnameFirst(name));
        var set = Citations.For(Known with { Author = name }, Permalink, Accessed);
        Assert.StartsWith($"{surname}, {givenNames}{(givenNames.EndsWith('.') ? "" : ".")} “A sample sentence", Format(set, "mla"), StringComparison.Ordinal);
        Assert.StartsWith($"{apa} (1887). A Sample Work.", Format(set, "apa"), StringComparison.Ordinal);
        Assert.StartsWith($"{name}, A Sample Work (1887),", Format(set, "chicago"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Martin Luther King, Jr.")]
    [InlineData("Martin Luther King Jr")]
    [InlineData("Confucius")]
    [InlineData("Pope Benedict XVI")]
    [InlineData("Benedict XVI")]
    [InlineData("Saint Augustine")]
    [InlineData("Lord Byron")]
    [InlineData("Sir Walter Raleigh")]
    [InlineData("Mahatma Gandhi")]
    [InlineData("Edna St. Vincent Millay")]
    [InlineData("Ludwig van Beethoven")]
    [InlineData("Johann Wolfgang von Goethe")]
    [InlineData("Ursula K. Le Guin")]
    [InlineData("Augustine of Hippo")]
    [InlineData("Thomas à Kempis")]
    [InlineData("Anne Louise Germaine de Staël")]
    [InlineData("Lao Tzu")]
    [InlineData("Gautama Buddha")]
    [InlineData("Malcolm X")]
    [InlineData("U Thant")]
    [InlineData("The Black Eyed Peas")]
    [InlineData("Marvin's Room")]
    [InlineData("King's X")]
    [InlineData("Лев Толстой")]
    public void MlaAndApaCiteANameAsWrittenWhereItsSurnameCannotBePlaced(string name)
    {
        Assert.Null(Citations.SurnameFirst(name));
        var set = Citations.For(Known with { Author = name }, Permalink, Accessed);
        Assert.StartsWith(name.EndsWith('.') ? name + " “" : name + ". “", Format(set, "mla"), StringComparison.Ordinal);
        Assert.StartsWith(name.EndsWith('.') ? name + " (1887)." : name + ". (1887).", Format(set, "apa"), StringComparison.Ordinal);
        Assert.Contains($"author = {{{{{name}}}}}", Format(set, "bibtex"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(QuoteStatus.Disputed, "attribution disputed")]
    [InlineData(QuoteStatus.Misattributed, "misattributed")]
    public void AQuoteThePageDoubtsIsCitedAsDoubtedInEveryFormat(QuoteStatus status, string caution)
    {
        var set = Citations.For(Known with { Status = status }, Permalink, Accessed);
        Assert.All(set.Formats, f => Assert.Contains(caution, f.Text, StringComparison.OrdinalIgnoreCase));
        var credited = status == QuoteStatus.Misattributed ? "A Sample Work" : "Sample Author, A Sample Work";
        Assert.Contains($"” — {credited} (1887) [{caution}]. In “Sample Topic”", Format(set, "text"), StringComparison.Ordinal);
        Assert.Contains($"[{char.ToUpperInvariant(caution[0])}{caution[1..]}]. Quoted in “Sample Topic.”", Format(set, "apa"), StringComparison.Ordinal);
        // A misattributed quote's attribution names whom it is wrongly credited to: no format credits that name.
        if (status == QuoteStatus.Misattributed)
            Assert.All(set.Formats, f => Assert.DoesNotContain("Author, S", f.Text.Replace("Sample Author", "Author, S"), StringComparison.Ordinal));
        Assert.All(Citations.For(Known, Permalink, Accessed).Formats, f =>
        {
            Assert.DoesNotContain("disputed", f.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("misattributed", f.Text, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void AQuotationInsideTheQuoteTakesSingleMarks()
    {
        var set = Citations.For(Unknown with { Text = "He said \"stay\" and “go” in O'Brien's words." }, Permalink, Accessed);
        const string nested = "He said ‘stay’ and ‘go’ in O'Brien's words.";
        Assert.StartsWith($"“{nested}” In", Format(set, "text"), StringComparison.Ordinal);
        Assert.StartsWith($"“{nested}” Quoted in", Format(set, "mla"), StringComparison.Ordinal);
        Assert.StartsWith($"“{nested}” (n.d.).", Format(set, "apa"), StringComparison.Ordinal);
        Assert.StartsWith($"“He said ‘stay’ and ‘go’ in O'Brien's words,” quoted in", Format(set, "chicago"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSourceIsWikiquoteByNameWithTheLicenceOfTheRevision()
    {
        Assert.All(Citations.For(Known, Permalink, Accessed).Formats, f =>
        {
            Assert.Contains("Wikiquote (en.wikiquote.org)", f.Text, StringComparison.Ordinal);
            Assert.Contains("CC BY-SA 4.0", f.Text, StringComparison.Ordinal);
        });
        // No revision and no licence recorded: the licence the page states, without a version. Another site is named
        // by its host.
        var elsewhere = Unknown with { Topic = Unknown.Topic with { SourceUrl = "https://quotes.example/Sample_Topic" } };
        Assert.All(Citations.For(elsewhere, Permalink, Accessed).Formats, f =>
        {
            Assert.Contains("CC BY-SA", f.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("CC BY-SA 4.0", f.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Wikiquote", f.Text, StringComparison.Ordinal);
            Assert.Contains("quotes.example", f.Text, StringComparison.Ordinal);
        });
    }

    private static string Format(CitationSet set, string format) => set.Formats.Single(f => f.Format == format).Text;
}
