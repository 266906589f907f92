namespace QuoteArchive.Importer.Tests;

/// <summary>FORMAT.md "Attribution fields": <c>Author, Work (Year)</c>, each part optional but the author.</summary>
public sealed class AttributionParserTests
{
    [Theory]
    [InlineData("Odd Arne Westad, The Cold War: A World History (2017)", "Odd Arne Westad", "The Cold War: A World History", "2017")]
    [InlineData("Benedict XVI, Angelus (17 June 2012).", "Benedict XVI", "Angelus", "2012")]
    [InlineData("Thomas Gray, The Bard (1757), I. 3. lines 39-40.", "Thomas Gray", "The Bard", "1757")]
    [InlineData("Augustine of Hippo, Confessions (c. 397)", "Augustine of Hippo", "Confessions", "c. 397")]
    [InlineData("Virgil, Aeneid (29–19 BC), Book IV, line 296.", "Virgil", "Aeneid", "29–19 BC")]
    [InlineData("Sigmund Freud", "Sigmund Freud", null, null)]
    [InlineData("Rufus Wainwright, \"Poses\"", "Rufus Wainwright", "\"Poses\"", null)]
    [InlineData("Paul-Claude Racamier (1992)", "Paul-Claude Racamier", null, "1992")]
    [InlineData("Paul-Claude Racamier, 1992", "Paul-Claude Racamier", null, "1992")]
    [InlineData("Sample Author, 4 February 2022", "Sample Author", null, "2022")]
    [InlineData("Kurt Vonnegut, Jr., Cat's Cradle (1963), Chapter 7", "Kurt Vonnegut, Jr.", "Cat's Cradle", "1963")]
    [InlineData("Alexander Star, in The New York Times (13 January 2012)", "Alexander Star", "The New York Times", "2012")]
    [InlineData("Thomas à Kempis (1380-1471)", "Thomas à Kempis", null, "1380-1471")]
    [InlineData("Jean Paul, as reported in Josiah Hotchkiss Gilbert, Dictionary of Burning Words of Brilliant Writers (1895), p. 105.", "Jean Paul", null, null)]
    [InlineData("Percy Bysshe Shelley, The Witch of Atlas, Stanza 2. As reported in Hoyt's New Cyclopedia Of Practical Quotations (1922)", "Percy Bysshe Shelley", null, null)]
    [InlineData("Vincent van Gogh, Letter no. 155 (June 1880), published in the online version", "Vincent van Gogh", "Letter no. 155", "1880")]
    [InlineData("Kurt Vonnegut, Jr.", "Kurt Vonnegut, Jr.", null, null)]
    [InlineData("Samuel Taylor Coleridge,'Bartlett's Familiar Quotations, 10th ed. (1919), On taking Leave of ———— (1817).", "Samuel Taylor Coleridge", null, null)]
    [InlineData("Russell, ibid. p. 767", "Russell", null, null)]
    [InlineData("Voltaire, Candide. Chapter 30", "Voltaire", null, null)]
    [InlineData("Homer, as quoted in Plato. Republic", "Homer", null, null)]
    // Other shapes that open with a full name and a comma give the name alone.
    [InlineData("Blaise Pascal, Pensées, Section I Thoughts on Mind and Style (1-59), 14", "Blaise Pascal", null, null)]
    [InlineData("Percy Bysshe Shelley, Prometheus Unbound, Asia, Act II, sc. v, l. 39.", "Percy Bysshe Shelley", null, null)]
    [InlineData("Augustine of Hippo, as quoted in Quote, Unquote (1977) by Lloyd Cory, p. 197.", "Augustine of Hippo", null, null)]
    // A link the rendering half lost.
    [InlineData("[Algernon Charles Swinburne]], The Triumph of Time", "Algernon Charles Swinburne", "The Triumph of Time", null)]
    public void ParsesTheAuthorWorkYearShape(string line, string author, string? work, string? year)
    {
        Assert.True(AttributionParser.TryParse(line, out var fields));
        Assert.Equal((author, work, year), (fields.Author, fields.Work, fields.Year));
    }

    [Theory]
    // Unsure: a name, then where it was said: the work after "in"; how it was found after "as quoted"; a letter is no work.
    [InlineData("Leo Tolstoy in War and Peace (1865-1869)", "Leo Tolstoy", "War and Peace", "1865-1869")]
    [InlineData("Nathaniel Hawthorne in The Scarlet Letter (1850), p. 153.", "Nathaniel Hawthorne", "The Scarlet Letter", "1850")]
    [InlineData("Nicholas Sparks in \"Nights in Rodanthe\"", "Nicholas Sparks", "\"Nights in Rodanthe\"", null)]
    [InlineData("Ambrose Bierce in The Devil's Dictionary", "Ambrose Bierce", "The Devil's Dictionary", null)]
    [InlineData("Sigmund Freud in a letter to Carl Jung (1906), as quoted in Freud and Man's Soul (1984) by Bruno Bettelheim", "Sigmund Freud", null, null)]
    [InlineData("Oscar Wilde as quoted by Alvin Redman in The Epigrams of Oscar Wilde (1952)", "Oscar Wilde", null, null)]
    [InlineData("Martin Luther King, Jr. in Strength to Love (1963)", "Martin Luther King, Jr.", "Strength to Love", "1963")]
    [InlineData("Martin Luther King, Jr. as quoted in A Book (1990)", "Martin Luther King, Jr.", null, null)]
    // Characters and titles have these shapes too (below): one word is taken for a name when a work and a place in it, or a work and its year, follow.
    [InlineData("Ovid, Metamorphoses, II. 846.", "Ovid", "Metamorphoses", null)]
    [InlineData("Molière, Le Malade Imaginaire, Act II, scene 6.", "Molière", "Le Malade Imaginaire", null)]
    [InlineData("Voltaire, Works, II, p. 765 (Ed. 1837). Used as an inscription for a statue of Cupid.", "Voltaire", "Works", null)]
    [InlineData("Rumi, Hush Don't Say Anything to God : Passionate Poems of Rumi (1999) as translated by Shahram Shiva", "Rumi", "Hush Don't Say Anything to God : Passionate Poems of Rumi", "1999")]
    [InlineData("Atticus Finch in To Kill a Mockingbird (1960)", "Atticus Finch", "To Kill a Mockingbird", "1960")]
    [InlineData("Hamlet, Prince of Denmark, Act III, scene 1", "Hamlet", "Prince of Denmark", null)]
    public void ReadsTheShapesOnlyAPageCanConfirmAsUnsure(string line, string author, string? work, string? year)
    {
        Assert.False(AttributionParser.TryParse(line, out _));
        Assert.True(AttributionParser.TryParseUnsure(line, out var fields));
        Assert.Equal((author, work, year), (fields.Author, fields.Work, fields.Year));
    }

    [Theory]
    [InlineData("Quoted in the Angelus by Benedict XVI (17 June 2012).")]
    [InlineData("Le Pacha, Michel Audiard, interprété par Jean Gabin, 1968")]
    [InlineData("Commander William Adama (played by Edward James Olmos), Battlestar Galactica, The Farm")]
    [InlineData("Variant translations:")]
    [InlineData("283")]
    [InlineData("Plato is boring.")]
    [InlineData("Francisco d'Anconia in Ayn Rand, Atlas Shrugged (1957), Part Two: Either-Or")]
    [InlineData("Howard Roark in Ayn Rand's The Fountainhead (1943), Part II")]
    [InlineData("Jean Valjean in Les Misérables (1862) by Victor Hugo, Book IX")]
    [InlineData("Jean Valjean in Les Misérables by Victor Hugo")]
    [InlineData("Elise Clifton-Ward (played by Angelina Jolie) in The Tourist")]
    [InlineData("Paraphrase of Martial in Thomas Forde's Virtus Rediviva.")]
    [InlineData("Death in Venice (1912)")]
    [InlineData("Emma, Volume III, Chapter 13")]
    [InlineData("Alice's Adventures in Wonderland (1865), Chapter 7")]
    [InlineData("A Tree Grows in Brooklyn (1943)")]
    [InlineData("The Man in the Iron Mask")]
    [InlineData("Two Years in the Forbidden City")]
    [InlineData("Psalms, CXXXIII, 1")]
    [InlineData("Genesis, Chapter 2, 18")]
    [InlineData("Section IX, \"Man Alone with Himself\" / aphorism 496")]
    [InlineData("Love, Fear, and Esteem, — Write these on three stones.")]
    [InlineData("Les Misérables, tome I, livre 5, chapitre 4")]
    [InlineData("Paraphrase of Martial by Rowland Watkyns, Antipathy.")]
    [InlineData("as reported in Josiah Hotchkiss Gilbert, Dictionary of Burning Words of Brilliant Writers (1895), p. 105.")]
    [InlineData("Joint Statement of the Russian Federation and the People’s Republic of China (4 February 2022)")]
    [InlineData("Love, which insists that love shall mutual be.")]
    [InlineData("Love, that all gentle hearts so quickly know.")]
    [InlineData("Love, work and knowledge are the well-springs of our life. They should also govern it.")]
    [InlineData("Romans, XIII. 10.")]
    [InlineData("Hebrews, XII. 6.")]
    [InlineData("The Writings of Robert G. Ingersoll (1900), Dresden Edition, publishing house: C.P. Farrell, chapter: Is Divorce Wrong (1889), page 426")]
    [InlineData("Things the Germans Lack, 51.")]
    [InlineData("The Gay Science, 125")]
    public void RefusesWhatIsNotThatShape(string line)
    {
        Assert.False(AttributionParser.TryParse(line, out _));
        Assert.False(AttributionParser.TryParseUnsure(line, out _));
    }

    [Theory]
    [InlineData("Chagrin d'école, Daniel Pennac, éd. Gallimard, 2007, p. 37", "Daniel Pennac", "Chagrin d'école", "2007")]
    [InlineData("Le Feu, Gabriele D'Annunzio, trad. Georges Hérelle, éd. La Revue de Paris, 1900, p. 14", "Gabriele D'Annunzio", "Le Feu", "1900")]
    [InlineData("Note 2 sur l'art, Hans Arp, Dada, nº 2, Décembre 1917, p. 2", "Hans Arp", "Note 2 sur l'art", "1917")]
    [InlineData("Le Pacha, Michel Audiard, interprété par Jean Gabin, 1968", "Michel Audiard", "Le Pacha", "1968")]
    [InlineData("Nélida, Marie d'Agoult, éd. Calmann-Lévy, 2010, p. 287", "Marie d'Agoult", "Nélida", "2010")]
    [InlineData("L'Anti-Œdipe, Gilles Deleuze, Félix Guattari, éd. de Minuit, 1972", "Gilles Deleuze", "L'Anti-Œdipe", "1972")]
    [InlineData("Un titre, Jean Dupont, Le Point, nº 2034, 3 septembre 2011, p. 80", "Jean Dupont", "Un titre", "2011")]
    [InlineData("Les lumières et les salons — Anthologie établie et présentée par Pierre Berès, Charles-Augustin Sainte-Beuve, éd. Hermann, 1992, p. 118", "Charles-Augustin Sainte-Beuve", "Les lumières et les salons — Anthologie établie et présentée par Pierre Berès", "1992")]
    public void ReadsAFrenchSourceLineWorkFirst(string line, string author, string work, string year)
    {
        Assert.True(AttributionParser.TryParseReference(line, out var fields));
        Assert.Equal((author, work, year), (fields.Author, fields.Work, fields.Year));
    }

    [Theory]
    [InlineData("Edward Abbey, Desert Solitaire (1968), p. 26")]
    [InlineData("Paul-Claude Racamier, 1992")]
    [InlineData("Une chanson, Un Auteur, Une Voix, Un album, 1990")]
    [InlineData("éd. Gallimard, 2007")]
    [InlineData("Les Misérables, tome I, éd. Hetzel, 1882")]
    public void AFrenchSourceLineHasItsMarksAndANameBeforeThem(string line) => Assert.False(AttributionParser.TryParseReference(line, out _));
}
