using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Quotes;

/// <summary>One way to cite a quote: <c>mla</c>, "MLA", and the citation itself.</summary>
public sealed record Citation(string Format, string Label, string Text);

/// <summary>What the Cite button offers: the permalink, the day it was read, and the quote cited in every format.</summary>
public sealed record CitationSet(string Permalink, string Accessed, IReadOnlyList<Citation> Formats);

/// <summary>
/// A quote cited in the styles readers are asked for. Each names the archive's permalink and the day it was read,
/// the original source (author, work, year) as far as the archive knows it, and the exact revision of the wiki page
/// the quote was taken from where the archive has one. Nothing is guessed: an unknown author or year is left out.
/// </summary>
public static partial class Citations
{
    public static CitationSet For(QuoteView quote, string permalink, DateOnly accessed)
    {
        var source = Source.Of(quote);
        return new(permalink, Iso(accessed),
        [
            new("text", "Plain text", PlainText(quote, source, permalink, accessed)),
            new("mla", "MLA", Mla(quote, source, permalink, accessed)),
            new("apa", "APA", Apa(quote, source, permalink, accessed)),
            new("chicago", "Chicago", Chicago(quote, source, permalink, accessed)),
            new("bibtex", "BibTeX", BibTeX(quote, source, permalink, accessed)),
            new("csl-json", "CSL-JSON", CslJson(quote, source, permalink, accessed)),
        ]);
    }

    /// <summary>Where the quote was taken from, as every citation names it: the site, the revision when known, the licence.</summary>
    public static string SourceOf(QuoteView quote) => Source.Of(quote).Describe(Iso);

    /// <summary>
    /// Where the archive took the quote from: the topic's page, the site by name where it is Wikiquote, its revision when
    /// known, and the licence its page states.
    /// </summary>
    private sealed record Source(string Topic, string Url, string Site, long? RevisionId, DateOnly? RevisionDate, string? RevisionUrl, string License)
    {
        public static Source Of(QuoteView quote)
        {
            var topic = quote.Topic;
            var host = Uri.TryCreate(topic.SourceUrl, UriKind.Absolute, out var uri) ? uri.Host : topic.SourceUrl;
            var site = host.EndsWith(".wikiquote.org", StringComparison.OrdinalIgnoreCase) ? $"Wikiquote ({host})" : host;
            var revision = topic.Revision;
            return new(topic.Title, topic.SourceUrl, site, revision?.Id,
                revision is null ? null : DateOnly.FromDateTime(revision.Timestamp.UtcDateTime),
                revision is null ? null : WikiRevisions.RevisionUrl(topic.SourceUrl, revision.Id),
                topic.StatedLicense);
        }

        /// <summary>
        /// "Wikiquote (en.wikiquote.org), revision 123 of 2024-05-01, https://…oldid=123, CC BY-SA 4.0", or the site and
        /// the page's address alone.
        /// </summary>
        public string Describe(Func<DateOnly, string> date) => (RevisionId is { } id
            ? $"{Site}, revision {id.ToString(CultureInfo.InvariantCulture)} of {date(RevisionDate!.Value)}, {RevisionUrl ?? Url}"
            : $"{Site}, {Url}") + $", {License.Trim()}";
    }

    private static string PlainText(QuoteView quote, Source source, string permalink, DateOnly accessed)
    {
        var by = JoinWithCommas(Byline.AuthorOf(quote), quote.Work);
        var origin = quote.Year is { } year ? (by.Length > 0 ? $"{by} ({year})" : year) : by;
        var cited = $"“{Nested(QuoteFormats.Inline(quote.Text))}”" + (origin.Length > 0 ? $" — {origin}" : "")
            + (Byline.Caution(quote) is { } caution ? $" [{caution.ToLowerInvariant()}]" : "");
        return $"{EndSentence(cited)} In “{source.Topic}”, {ArchiveUrls.SiteName}, {permalink} (accessed {Iso(accessed)})."
            + $" Source: {source.Describe(Iso)}.";
    }

    private static string Mla(QuoteView quote, Source source, string permalink, DateOnly accessed)
    {
        var parts = new List<string>();
        if (Byline.AuthorOf(quote) is { } author)
            parts.Add(EndSentence(MlaAuthor(author)));
        parts.Add($"“{EndSentence(Quoted(quote))}”");
        if (JoinWithCommas(quote.Work, quote.Year) is { Length: > 0 } original)
            parts.Add(EndSentence(original));
        if (Byline.Caution(quote) is { } caution)
            parts.Add(EndSentence(caution));
        parts.Add($"Quoted in {QuotedWithComma(source.Topic)} {ArchiveUrls.SiteName}, {permalink}.");
        parts.Add($"Accessed {MlaDate(accessed)}.");
        parts.Add($"Source: {source.Describe(MlaDate)}.");
        return string.Join(' ', parts);
    }

    private static string Apa(QuoteView quote, Source source, string permalink, DateOnly accessed)
    {
        var title = quote.Work is { } work ? EndSentence(work) : $"“{EndSentence(Quoted(quote))}”";
        var date = $"({quote.Year ?? "n.d."}).";
        // Without an author, APA moves the title to the author's place: "Title. (n.d.)."
        var parts = Byline.AuthorOf(quote) is { } author
            ? new List<string> { EndSentence(ApaAuthor(author)), date, title }
            : [title, date];
        // APA describes what the title does not say in square brackets.
        if (Byline.Caution(quote) is { } caution)
            parts.Add($"[{caution}].");
        // The page's title in quotation marks, as MLA and Chicago give it: "Quoted in Love. QuoteArchive." reads as a sentence.
        parts.Add($"Quoted in “{EndSentence(source.Topic)}” {ArchiveUrls.SiteName}.");
        parts.Add($"Retrieved {LongDate(accessed)}, from {permalink} (source: {source.Describe(LongDate)})");
        return string.Join(' ', parts);
    }

    private static string Chicago(QuoteView quote, Source source, string permalink, DateOnly accessed)
    {
        var original = (JoinWithCommas(Byline.AuthorOf(quote), quote.Work) + (quote.Year is { } year ? $" ({year})" : "")).Trim();
        var caution = Byline.Caution(quote) is { } said ? $"[{said.ToLowerInvariant()}] " : "";
        return $"{(original.Length > 0 ? WithComma(original) + " " : "")}{QuotedWithComma(Quoted(quote))} {caution}quoted in {QuotedWithComma(source.Topic)} "
            + $"{ArchiveUrls.SiteName}, accessed {LongDate(accessed)}, {permalink}; source: {source.Describe(LongDate)}.";
    }

    private static string BibTeX(QuoteView quote, Source source, string permalink, DateOnly accessed)
    {
        var fields = new List<(string, string)>();
        // A person's name as BibTeX reads one, "Surname, Given Names"; any other name braced whole, so that BibTeX
        // neither splits nor abbreviates it ("{The Black Eyed Peas}").
        if (Byline.AuthorOf(quote) is { } author)
            fields.Add(("author", SurnameFirst(author) is { } name ? $"{Bib(name.Surname)}, {Bib(name.GivenNames)}" : "{" + Bib(author) + "}"));
        fields.Add(("title", Bib(Short(quote))));
        if (quote.Year is { } year)
            fields.Add(("year", Bib(year)));
        fields.Add(("howpublished", $"\\url{{{permalink}}}"));
        fields.Add(("url", permalink));
        fields.Add(("urldate", Iso(accessed)));
        var note = $"{(Byline.Caution(quote) is { } caution ? caution + ". " : "")}{(quote.Work is { } work ? EndSentence(Bib(work)) + " " : "")}Quoted in ``{Bib(source.Topic)}'', {ArchiveUrls.SiteName}. Source: {Bib(source.Describe(Iso))}";
        fields.Add(("note", note));
        return $"@misc{{quotearchive:{quote.Id},\n{string.Join(",\n", fields.Select(f => $"  {f.Item1} = {{{f.Item2}}}"))}\n}}";
    }

    private static string CslJson(QuoteView quote, Source source, string permalink, DateOnly accessed)
    {
        var item = new JsonObject
        {
            ["id"] = "quotearchive:" + quote.Id,
            ["type"] = "webpage",
            ["title"] = Short(quote),
            ["container-title"] = ArchiveUrls.SiteName,
            ["URL"] = permalink,
            ["accessed"] = DateParts(accessed.Year, accessed.Month, accessed.Day),
        };
        if (Byline.AuthorOf(quote) is { } author)
            item["author"] = new JsonArray(new JsonObject { ["literal"] = author });
        if (quote.Work is { } work)
            item["original-title"] = work;
        if (quote.Year is { } year)
            item["original-date"] = YearPattern().IsMatch(year) ? DateParts(int.Parse(year, CultureInfo.InvariantCulture)) : new JsonObject { ["literal"] = year };
        item["note"] = $"{(Byline.Caution(quote) is { } caution ? caution + ". " : "")}{EndSentence($"Quoted in “{source.Topic}”")} Source: {source.Describe(Iso)}";
        if (source.RevisionDate is { } revised)
            item["issued"] = DateParts(revised.Year, revised.Month, revised.Day);
        return new JsonArray(item).ToJsonString(CslOptions);
    }

    private static readonly JsonSerializerOptions CslOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static JsonObject DateParts(params int[] parts) => new() { ["date-parts"] = new JsonArray(new JsonArray(parts.Select(p => (JsonNode)p).ToArray())) };

    // A citation names the quote by its opening words; the full text is on the page it links to.
    private static string Short(QuoteView quote) => QuoteFormats.Shorten(quote.Text, 150);

    // The same, to stand inside the citation's quotation marks.
    private static string Quoted(QuoteView quote) => Nested(Short(quote));

    /// <summary>
    /// A quotation within the quote takes single marks, as MLA, APA and Chicago write one inside double marks:
    /// “…” and straight "…" become ‘…’ (straight ones paired in order). Apostrophes stay as they are.
    /// </summary>
    internal static string Nested(string text)
    {
        if (text.IndexOfAny(['"', '“', '”']) < 0)
            return text;
        var nested = new StringBuilder(text.Length);
        var opens = true;
        foreach (var c in text)
        {
            nested.Append(c switch { '“' => '‘', '”' => '’', '"' => opens ? '‘' : '’', _ => c });
            if (c == '"')
                opens = !opens;
        }
        return nested.ToString();
    }

    /// <summary>
    /// A personal name split for the styles that list the surname first: "Thomas Gray" → ("Gray", "Thomas"), "T. S. Eliot"
    /// → ("Eliot", "T. S."). Only a plain name is split: two to four capitalised words of the Latin script, given names or
    /// initials, then the surname. Anything else is null and cited as written: a comma ("Martin Luther King, Jr."), one
    /// word ("Confucius"), a title first ("Pope Benedict XVI", "Lord Byron", "The Troggs"), a particle whose place in the
    /// surname varies ("Ludwig van Beethoven", "Ursula K. Le Guin", "Augustine of Hippo"), a suffix or honorific ("Jr",
    /// "Gautama Buddha", "Lao Tzu", whose Tzu is "Master"), a Roman numeral or acronym ("Benedict XVI"), a lone letter
    /// ("Malcolm X"), a possessive ("Marvin's Room"), another script. Letters cannot tell a work or a stage name shaped
    /// like a name ("Immortal Technique"), nor a name written surname first ("Mao Zedong"): those are split as they look.
    /// </summary>
    internal static (string Surname, string GivenNames)? SurnameFirst(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var plain = words.Length is >= 2 and <= 4 && name.All(c => !char.IsLetter(c) || IsLatin(c))
            && words.All(w => IsInitial(w) || IsNameWord(w)) && !IsInitial(words[^1])
            && !NameTitles.Contains(words[0]) && !words.Any(UnplaceableNameWords.Contains);
        return plain ? (words[^1], string.Join(' ', words[..^1])) : null;
    }

    // MLA and APA list the author surname first where the name can be split: "Gray, Thomas", "Gray, T.".
    private static string MlaAuthor(string author) => SurnameFirst(author) is { } name ? $"{name.Surname}, {name.GivenNames}" : author;

    private static string ApaAuthor(string author) => SurnameFirst(author) is { } name ? $"{name.Surname}, {Initials(name.GivenNames)}" : author;

    // APA's initials of the given names: "Percy Bysshe" → "P. B.", "Jean-Paul" → "J.-P.", "T. S." stays.
    private static string Initials(string givenNames) =>
        string.Join(' ', givenNames.Split(' ').Select(name => string.Join('-', name.Split('-').Select(part => $"{part[0]}."))));

    // Basic Latin, Latin-1, Latin Extended-A and -B, Latin Extended Additional: "Gray", "Søren", "Miłosz", "Nguyễn".
    private static bool IsLatin(char letter) => letter <= '\u024F' || letter is >= '\u1E00' and <= '\u1EFF';

    private static bool IsInitial(string word) => word.Length == 2 && char.IsUpper(word[0]) && word[1] == '.';

    // "Gray", "O'Brien", "Jean-Paul", "McCarthy"; not all capitals ("XVI", "USA") nor a possessive ("Marvin's").
    private static bool IsNameWord(string word) =>
        CapitalisedWord().IsMatch(word) && word.Any(char.IsLower) && !word.EndsWith("'s", StringComparison.Ordinal) && !word.EndsWith("’s", StringComparison.Ordinal);

    // Words that open a name as a title rather than a given name; elsewhere they are surnames ("Alexander Pope", "Stephen King").
    private static readonly HashSet<string> NameTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Pope", "Sir", "Dame", "Lord", "Lady", "King", "Queen", "Prince", "Princess", "Emperor", "Empress",
        "Tsar", "Czar", "Sultan", "Shah", "Caliph", "Pharaoh", "Duke", "Duchess", "Earl", "Count", "Countess", "Baron", "Baroness",
        "Cardinal", "Archbishop", "Bishop", "Father", "Mother", "Sister", "Brother", "Rabbi", "Imam", "Sheikh", "Mahatma",
        "Meister", "Sri", "Swami", "Guru", "Chief", "Don", "Master", "Mr", "Mrs", "Ms", "Dr", "General", "President",
    };

    // Words that make a name unsafe to split wherever they stand: particles, saints, suffixes and honorifics, articles,
    // and the words of organisations and works rather than persons.
    private static readonly HashSet<string> UnplaceableNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "the", "and", "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "des", "dos", "das", "la", "le",
        "les", "ten", "ter", "zu", "y", "bin", "ibn", "bint", "al", "el", "ben", "ap", "Saint", "St", "San", "Santa",
        "Jr", "Sr", "Junior", "Senior", "Esq", "Christ", "Buddha", "Tzu", "Tze", "Tse", "Zi",
        "Anonymous", "Unknown", "Traditional", "Proverb", "Proverbs", "Bible", "Band", "Records", "Company", "Society", "Church",
    };

    // Where a citation adds a comma or period, the text's own last mark decides. A ?, ! or … ends it for good; a period
    // is not doubled; a name's period is an abbreviation's and keeps its comma ("King, Jr., …"). The mark is looked for
    // inside any quotation marks that close the text: “…lips.” already ends a sentence.
    private static readonly char[] ClosingQuotes = ['”', '"', '’', '\'', '»'];

    private static string BeforeClosingQuotes(string text) => text.TrimEnd().TrimEnd(ClosingQuotes);

    private static bool EndsWithStop(string text)
    {
        var words = BeforeClosingQuotes(text);
        return words.EndsWith('?') || words.EndsWith('!') || words.EndsWith('…') || words.EndsWith("...", StringComparison.Ordinal);
    }

    private static string EndSentence(string text) =>
        EndsWithStop(text) || BeforeClosingQuotes(text).EndsWith('.') ? text.TrimEnd() : text.TrimEnd() + ".";

    private static string WithComma(string text) => EndsWithStop(text) ? text.TrimEnd() : text.TrimEnd() + ",";

    private static string JoinWithCommas(params string?[] parts) => parts.Where(p => !string.IsNullOrWhiteSpace(p))
        .Select(p => p!.Trim()).DefaultIfEmpty("").Aggregate((list, next) => $"{WithComma(list)} {next}");

    // Chicago and MLA put the comma inside the closing quotation mark. A quoted sentence's period gives way to it
    // (“…warm my heart,”); its ?, ! or … stays and takes none (“Who can deceive a lover?”).
    private static string QuotedWithComma(string text)
    {
        text = text.TrimEnd();
        var words = BeforeClosingQuotes(text);
        if (EndsWithStop(words))
            return $"“{text}”";
        return words.EndsWith('.') ? $"“{words[..^1]},{text[words.Length..]}”" : $"“{text},”";
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string LongDate(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    // MLA abbreviates months of more than four letters: "2 Dec. 2026", "7 June 2023".
    private static string MlaDate(DateOnly date) =>
        $"{date.Day} {(date.Month is 5 or 6 or 7 ? date.ToString("MMMM", CultureInfo.InvariantCulture) : date.Month == 9 ? "Sept." : date.ToString("MMM", CultureInfo.InvariantCulture) + ".")} {date.Year}";

    // BibTeX's special characters, so that a quote's text cannot end a field or start a command.
    private static string Bib(string text) => BibSpecial().Replace(QuoteFormats.Inline(text), m => m.Value switch
    {
        "\\" => "\\textbackslash{}",
        "~" => "\\textasciitilde{}",
        "^" => "\\textasciicircum{}",
        var c => "\\" + c,
    });

    [GeneratedRegex(@"[\\{}$&%#_^~]")]
    private static partial Regex BibSpecial();

    [GeneratedRegex(@"^\d{1,4}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^\p{Lu}(\p{L}|['’-]\p{L})+$")]
    private static partial Regex CapitalisedWord();
}
