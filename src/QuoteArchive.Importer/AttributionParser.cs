using System.Buffers;
using System.Text.RegularExpressions;

namespace QuoteArchive.Importer;

/// <summary>
/// FORMAT.md "Attribution fields, parsed from the first attribution line when it has the shape
/// <c>Author, Work (Year)</c> (each part optional but the author): <c>Odd Arne Westad, The Cold War: A World History
/// (2017)</c> → author <c>Odd Arne Westad</c>, work <c>The Cold War: A World History</c>, year <c>2017</c>. The raw line
/// is always kept; the parsed fields are a help for the author index, never a replacement."
/// </summary>
public static partial class AttributionParser
{
    // Longer, a line is a sentence or a poem: no name and where it was said (and no regex backtracking over it).
    private const int MaxUnsureHead = 160;

    public readonly record struct Fields(string Author, string? Work, string? Year);

    /// <summary>
    /// The fields of a line shaped <c>Author</c>, <c>Author (Year)</c>, <c>Author, Work</c> or <c>Author, Work (Year)</c>,
    /// optionally followed by <c>, details</c> after the year (<c>Edward Abbey, Desert Solitaire (1968), p. 26</c>).
    /// A wrong author is worse than none: anything that does not look like a name is refused.
    /// </summary>
    public static bool TryParse(string line, out Fields fields) => Reads(line, Shape.Sure, out fields);

    /// <summary>
    /// The shapes whose name may be a character's or a title's as much as an author's, which only the rest of the page can
    /// confirm (<see cref="Topics.QuoteAuthors"/>): a name and where it was said, <c>Leo Tolstoy in War and Peace
    /// (1865-1869)</c> (<c>Atticus Finch in To Kill a Mockingbird</c> has it too), and one word, a work and a place in it,
    /// <c>Ovid, Metamorphoses, II. 846.</c> (<c>Emma, Volume III, Chapter 13</c> too).
    /// </summary>
    public static bool TryParseUnsure(string line, out Fields fields) => Reads(line, Shape.Unsure, out fields);

    private static bool Reads(string line, Shape shape, out Fields fields)
    {
        if (Read(line, out fields) == shape)
            return true;
        fields = default;
        return false;
    }

    private enum Shape { None, Sure, Unsure }

    private static Shape Read(string line, out Fields fields)
    {
        fields = default;
        var text = string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        // "[Algernon Charles Swinburne]], The Triumph of Time": a link whose opening the rendering half lost.
        if (text.StartsWith('[') && LinkResidue().Match(text) is { Success: true } residue)
            text = residue.Groups["name"].Value + text[residue.Length..];
        string? year = null;
        var head = text;
        var match = YearGroup().Match(text);
        if (match.Success)
        {
            year = YearOf(match.Groups["year"].Value);
            head = text[..match.Index].TrimEnd();
            var tail = text[(match.Index + match.Length)..].Trim();
            if (year is null || !(tail.Length == 0 || tail[0] is ',' or ';'))
                return NameAlone(text, out fields);
        }
        else if (text.Contains('(') || text.Count(c => c == ',') > 1)
            return NameAlone(text, out fields);

        // "Kurt Vonnegut, Jr., Cat's Cradle (1963)", "Kurt Vonnegut, Jr.": the suffix belongs to the name.
        var suffix = NameSuffix().Match(head);
        // A name holds no comma: "Samuel Taylor Coleridge,'Bartlett's …" lost its space, not its author.
        var comma = head.IndexOf(',', suffix.Success ? suffix.Length : 0);
        var author = (comma < 0 ? head : head[..comma]).Trim();
        // "Kurt Vonnegut, Jr" ends the name; "Kurt Vonnegut, Jr. in Cat's Cradle" goes on to where it was said.
        if (suffix.Success && !author.EndsWith('.') && author.Length == suffix.Length)
            author += ".";
        var work = comma < 0 ? null : head[(comma + 1)..].Trim();
        // "Alexander Star, in The New York Times": the work without its preposition.
        if (work is not null && work.StartsWith("in ", StringComparison.Ordinal))
            work = work[3..].Trim();
        if (!LooksLikeName(author) && author.Length <= MaxUnsureHead && SaysWhere(author) && NameThenWhere().Match(author) is { Success: true } said)
            return SaidIn(said, work, year, out fields);
        if (!LooksLikeName(author) || work is { Length: 0 })
            return Shape.None;
        // "Things the Germans Lack, 51.", "The Gay Science, 125": a section's number after the comma; before it, the
        // section's title, not a name. "Paul-Claude Racamier, 1992", "…, 4 February 2022": a year or a date there is
        // the year, not a work.
        if (work is not null && work.All(char.IsDigit))
        {
            if (work.Length != 4 || year is not null)
                return Shape.None;
            (work, year) = (null, work);
        }
        else if (work is not null && year is null && YearOf(work) is { } date)
            (work, year) = (null, date);
        // "Love, which insists that love shall mutual be." (a translation or a verse in the attribution's place): after a
        // name's comma comes a work, or how the quote is known ("as reported in", "ibid."), not the rest of a sentence;
        // nor, after one word, more sentences ("Love, work and knowledge are … of our life. They should …").
        // "Romans, XIII. 10.": a book of the Bible and its verse, not a person.
        if (work is not null && (SentenceGoesOn().IsMatch(work) || VerseReference().IsMatch(work) || OneWordThenSentences(author, work)))
            return Shape.None;
        // "Jean Paul, as reported in …", "Percy Bysshe Shelley, The Witch of Atlas, Stanza 2. As reported in … (1922)":
        // the name is right, but what follows is how the quote was found, and the year is that source's.
        if (work is not null && (!char.IsUpper(work[0]) && !char.IsDigit(work[0]) && work[0] is not '"' and not '“' || SentenceBreak().IsMatch(work)))
            (work, year) = (null, null);
        fields = new(author, work, year);
        return Shape.Sure;
    }

    /// <summary>
    /// "Leo Tolstoy in War and Peace (1865-1869)", "Sigmund Freud in a letter to Carl Jung (1906)", "Oscar Wilde as quoted
    /// by …": a name, then where it was said; the work after "in", none after "as quoted" or in lower case. Whose words
    /// they are, a line does not say at all after "X in Y, Z" (Y may be the writer of a character X: "Francisco
    /// d'Anconia in Ayn Rand, Atlas Shrugged"), "X in Y's Work" ("Howard Roark in Ayn Rand's The Fountainhead") or
    /// "X in Work by Writer" ("Jean Valjean in Les Misérables by Victor Hugo"); nor is "Alice's Adventures in
    /// Wonderland" or "A Tree Grows in Brooklyn" a name and a place.
    /// </summary>
    private static Shape SaidIn(Match said, string? workAfterComma, string? year, out Fields fields)
    {
        fields = default;
        var (name, how, where) = (said.Groups["name"].Value, said.Groups["how"].Value, said.Groups["where"].Value);
        if (workAfterComma is not null || !LooksLikeName(name) || name.Contains("'s ") || ArticleFirst().IsMatch(name)
            || OwnersWork().IsMatch(where) || how == "in" && where.Contains(" by ", StringComparison.Ordinal))
            return Shape.None;
        fields = how == "in" && (char.IsUpper(where[0]) || where[0] is '"' or '“') ? new(name, where, year) : new(name, null, null);
        return Shape.Unsure;
    }

    /// <summary>
    /// fr.wikiquote's source line as its <c>{{Réf …}}</c> templates render it, the work first: <c>Chagrin d'école, Daniel
    /// Pennac, éd. Gallimard, 2007, p. 37</c>, <c>Le Pacha, Michel Audiard, interprété par Jean Gabin, 1968</c>,
    /// <c>Note 2 sur l'art, Hans Arp, Dada, nº 2, Décembre 1917, p. 2</c>. Known by its marks (<c>éd.</c>, <c>trad.</c>,
    /// <c>coll.</c>, <c>interprété par</c>, <c>nº</c>): the part before the first of them is the author (before the
    /// publication, for <c>nº</c>), the parts before the author the work, the first year after it the year.
    /// </summary>
    public static bool TryParseReference(string line, out Fields fields)
    {
        fields = default;
        // Most lines of a dump are English: they are passed over without being split.
        if (line.AsSpan().IndexOfAny(ReferenceMarks) < 0)
            return false;
        var parts = line.Trim().Split(", ");
        var mark = Array.FindIndex(parts, p => ReferenceMark().IsMatch(p));
        var authorAt = mark < 0 ? -1 : parts[mark].StartsWith("nº", StringComparison.Ordinal) ? mark - 2 : mark - 1;
        if (authorAt < 1)
            return false;
        // Co-authors ("L'Anti-Œdipe, Gilles Deleuze, Félix Guattari, éd. …"): the first is named, the work is before them.
        while (authorAt > 1 && LooksLikeName(parts[authorAt - 1].Trim()) && !ArticleFirst().IsMatch(parts[authorAt - 1]) && parts[authorAt - 1].Contains(' '))
            authorAt--;
        var author = parts[authorAt].Trim();
        if (!LooksLikeName(author) || ArticleFirst().IsMatch(author))
            return false;
        // The year stands alone or in a date: not an issue's or a page's number ("nº 2034", "p. 1123").
        var year = parts[(authorAt + 1)..].Where(p => !NumberedPart().IsMatch(p)).Select(p => YearOf(p.TrimEnd('.'))).FirstOrDefault(y => y is not null);
        fields = new(author, string.Join(", ", parts[..authorAt]).Trim(), year);
        return true;
    }

    private static readonly SearchValues<string> ReferenceMarks =
        SearchValues.Create([", éd. ", ", trad. ", ", coll. ", ", interprété par ", ", nº "], StringComparison.Ordinal);

    [GeneratedRegex(@"^(éd\.|trad\.|coll\.|interprété par|nº) ")]
    private static partial Regex ReferenceMark();

    [GeneratedRegex(@"^(nº|n°|no\.|p\.|pp\.|t\.|vol\.|scène|acte|chap\.) ", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedPart();

    // "Love, work and knowledge are the well-springs of our life. They should …": a lower-case run of sentences after a
    // single word, which is not how a quote is known ("Homer, as quoted in Plato. Republic …").
    private static bool OneWordThenSentences(string author, string work) =>
        !author.Contains(' ') && char.IsLower(work[0]) && SentenceBreak().IsMatch(work) && !HowKnown().IsMatch(work);

    /// <summary>
    /// A line of another shape that still opens with a full name and a comma ("Percy Bysshe Shelley, Prometheus Unbound,
    /// Act II, sc. v"; "Augustine of Hippo, as quoted in …"): the author alone. A name of one word is not enough there
    /// ("Love, Fear, and Esteem, — Write these on three stones" opens a sentence) but with a work and a place in it, and
    /// even then unsure.
    /// </summary>
    private static Shape NameAlone(string text, out Fields fields)
    {
        fields = default;
        var comma = text.IndexOf(',');
        if (comma < 0)
            return Shape.None;
        var name = text[..comma].Trim();
        var rest = text[(comma + 1)..].Trim();
        string? work = null, year = null;
        if (!(name.Contains(' ') || WorkThenPlace(rest, out work, out year)) || !LooksLikeName(name) || ArticleFirst().IsMatch(name) || rest.Length == 0
            || SentenceGoesOn().IsMatch(rest) || NameSuffix().IsMatch(text))
            return Shape.None;
        fields = new(name, work, year);
        return work is null ? Shape.Sure : Shape.Unsure;
    }

    /// <summary>
    /// After a name of one word, what makes it an author's: a work and a place in it ("Ovid, Metamorphoses, II. 846.",
    /// "Molière, Le Malade Imaginaire, Act II, scene 6") or a work and its year ("Rumi, Hush Don't Say Anything to God …
    /// (1999) as translated by …"). "Love, Fear, and Esteem, — Write these on three stones" has neither.
    /// </summary>
    private static bool WorkThenPlace(string rest, out string? work, out string? year)
    {
        var comma = rest.IndexOf(", ", StringComparison.Ordinal);
        var paren = rest.IndexOf(" (", StringComparison.Ordinal);
        var dated = paren >= 0 && (comma < 0 || paren < comma);
        work = (dated ? rest[..paren] : comma < 0 ? rest : rest[..comma]).Trim();
        year = dated && YearGroup().Match(rest, paren) is { Success: true } group ? YearOf(group.Groups["year"].Value) : null;
        var placed = work.Length > 0 && char.IsUpper(work[0]) && work.Any(char.IsLower) && !PlaceInAWork().IsMatch(work) && !SentenceBreak().IsMatch(work)
                     && (dated ? year is not null : comma >= 0 && PlaceInAWork().IsMatch(rest[(comma + 2)..]));
        if (!placed)
            (work, year) = (null, null);
        return placed;
    }

    // "(2017)", "(c. 397)", "(1883–1885)", "(4 February 2022)", "(June 1880)", "(29–19 BC)"
    private static string? YearOf(string inside)
    {
        var trimmed = inside.Trim();
        if (YearOnly().IsMatch(trimmed))
            return trimmed;
        var date = DateYear().Match(trimmed);
        return date.Success ? date.Groups["year"].Value : null;
    }

    private static bool LooksLikeName(string author)
    {
        var words = author.Split(' ');
        // Every word of a name is capitalised but its particles: "Augustine of Hippo", "Thomas à Kempis"; a clause
        // ("Plato is boring", "Leo Tolstoy in War and Peace") is not a name.
        return author.Length is > 1 and <= 60 && words.Length <= 6 && char.IsUpper(author[0])
               && words.All(w => w.Length > 0 && (char.IsUpper(w[0]) || NameParticles.Contains(w) || ElidedParticle().IsMatch(w)))
               && !author.Any(c => char.IsDigit(c) || c is '"' or '“' or '”' or '«' or '»' or ':' or ';' or '[' or '(')
               && !NotAName().IsMatch(author) && !WorkAbout().IsMatch(author);
    }

    private static readonly HashSet<string> NameParticles =
        ["of", "the", "de", "du", "des", "la", "le", "van", "von", "der", "den", "da", "di", "del", "della", "à", "y", "bin", "ibn", "al", "el", "ben", "zu", "dos", "das", "e"];

    [GeneratedRegex(@"(\p{Ll}{2}|\d)\. \p{Lu}")]
    private static partial Regex SentenceBreak();

    // "Marie d'Agoult", "Jean d'Ormesson": an elided particle joined to the capitalised name.
    [GeneratedRegex(@"^[dl]['’]\p{Lu}")]
    private static partial Regex ElidedParticle();

    [GeneratedRegex(@"^[^,]+, (Jr|Sr)(\.|(?=,)|$)")]
    private static partial Regex NameSuffix();

    // A lower-case word that goes on with a sentence: a pronoun, an article, a conjunction, a verb of being. How a quote
    // is known ("as reported in", "quoted in", "ibid.", "letter to", "p. 12") opens otherwise.
    [GeneratedRegex(@"^(which|who|whom|whose|that|this|these|those|and|but|or|nor|so|yet|if|when|where|while|is|are|was|were|be|has|have|had|will|would|shall|should|can|could|may|might|must|do|does|did|not|i|you|he|she|it|we|they|my|your|his|her|its|our|their|a|an|all|no|there)\b")]
    private static partial Regex SentenceGoesOn();

    [GeneratedRegex(@"^(as|in|quoted|reported|cited|attributed|from|ibid|letter|trans|tr|p|pp)\b")]
    private static partial Regex HowKnown();

    // "Le Pacha, Michel Audiard, …", "Les Misérables, tome I, …", "O Mother, …": a title or an address, not a name.
    [GeneratedRegex(@"^(Le|La|Les|L'|L’|Un|Une|Der|Die|Das|Ein|Eine|El|Los|Las|Il|Lo|Gli|Una|O|Oh|A|An) ")]
    private static partial Regex ArticleFirst();

    // "XIII. 10", "XV. 13", "3:16": a chapter and verse.
    [GeneratedRegex(@"^([IVXLC]+|\d+)[.:]\s*\d+$")]
    private static partial Regex VerseReference();

    // "The Writings of Robert G. Ingersoll", "The Life of Johnson": a book about someone, where a name would stand.
    [GeneratedRegex(@"^The \p{Lu}\p{Ll}+ of ")]
    private static partial Regex WorkAbout();

    // "II. 846", "Book IV", "Act II", "p. 765", "XXII": where in a work.
    [GeneratedRegex(@"^(([IVXLC]+|\d[\d,]*)\b|(Book|Bk\.|Act|Scene|Canto|Stanza|Lines?|l\.|Chapter|Ch\.|Part|Volume|Vol\.|Epigram|Aphorism|Letter|Ode|Sonnet|Section|Sec\.|p\.|pp\.)(\s|$))")]
    private static partial Regex PlaceInAWork();

    // Every "how" of NameThenWhere is a word between spaces ending in "in" or "by": a name without one is not looked at
    // (the pattern's backtracking is most of an import's time in regular expressions).
    private static bool SaysWhere(string text) => text.Contains(" in ", StringComparison.Ordinal) || text.Contains(" by ", StringComparison.Ordinal);

    // "Leo Tolstoy in War and Peace", "Rumi as quoted in …", "Kurt Vonnegut, Jr. in …": a name of two words or more (one word before "in" opens many a
    // title: "Death in Venice"), not an article's phrase ("The Man in the Iron Mask"); after "in", a work or what was said.
    [GeneratedRegex(@"^(?!The )(?<name>\p{Lu}[^,()]*? [^,()]+?(, (Jr|Sr)\.)?) (?<how>in|as quoted in|as quoted by|as cited in|as reported in|quoted in) (?<where>(\p{Lu}|[""“]|(a|an|his|her|their) ).*)$")]
    private static partial Regex NameThenWhere();

    // "Ayn Rand's The Fountainhead": someone's work.
    [GeneratedRegex(@"^(?!The |A |An )(\p{Lu}[\p{L}.-]*\s){0,3}\p{Lu}[\p{L}.-]*['’]s\s")]
    private static partial Regex OwnersWork();

    [GeneratedRegex(@"^\[{1,2}(?<name>[^\[\]|:]+)\]{1,2}")]
    private static partial Regex LinkResidue();

    [GeneratedRegex(@"\((?<year>[^()]{1,40})\)")]
    private static partial Regex YearGroup();

    // A year has three or four digits, or is BC: "(1-59)" and "(242-290)" are page or section numbers.
    [GeneratedRegex(@"^(c\.\s*)?(\d{3,4}(\s*[–-]\s*\d{2,4})?(\s*(AD|CE))?|\d{1,4}(\s*[–-]\s*\d{1,4})?\s*(BC|BCE))$")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"^(\d{1,2}\s+)?\p{L}+\.?\s+(?<year>\d{4})$")]
    private static partial Regex DateYear();

    // Lines that open with how the quote is known rather than who said it.
    [GeneratedRegex(@"^(As |Quoted|Attributed|Variant|Cf\.|See |In |From |Source|Reported|Translated|Letter|Speech|Interview|Ibid|Unsourced|Original|Commentary|Preface|Chapter|Ch\. |Book |Part |Act |Scene |Section |Sec\. |Canto |Stanza |Aphorism |Volume |Vol\. |Paraphrase|Imitation|Adaptation)", RegexOptions.IgnoreCase)]
    private static partial Regex NotAName();
}
