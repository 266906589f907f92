namespace QuoteArchive.Bench.Corpus;

// A generated topic, before it is written as page text or as wikitext: both forms of one seed hold the same topics.

public sealed record GeneratedTopic(string Title, TopicShape Shape, string Lead, Caption? Featured, IReadOnlyList<TopicSection> Sections,
    IReadOnlyList<string> Categories)
{
    /// <summary>Quotes as the importer counts them: bullets, dialogue exchanges and captions, not list items.</summary>
    public int QuoteCount => (Featured is null ? 0 : 1) + Sections.Where(s => !s.IsList).Sum(s => s.Items.Count(i => i is not ListItem));
}

public enum TopicShape { Person, Theme, Film, Proverbs }

/// <param name="IsList">See also, External links, Cast: items, not quotes.</param>
/// <param name="IsSubheading">A work under Quotes (a level-3 heading in wikitext).</param>
public sealed record TopicSection(string? Heading, IReadOnlyList<TopicItem> Items, bool IsList = false, bool IsSubheading = false,
    bool WikipediaBox = false);

public abstract record TopicItem;

/// <param name="Lines">The text; more than one line for verse.</param>
/// <param name="Attribution">Attribution lines, depth 2, or notes on them, depth 3.</param>
public sealed record BulletQuote(IReadOnlyList<string> Lines, IReadOnlyList<(int Depth, string Text)> Attribution) : TopicItem;

public sealed record Dialogue(IReadOnlyList<(string Speaker, string Text)> Lines) : TopicItem;

/// <summary>An image caption "quote ~ author".</summary>
public sealed record Caption(string Text, string Author) : TopicItem;

/// <param name="Link">The topic or person the item links to, in wikitext.</param>
public sealed record ListItem(string Link, string? After = null) : TopicItem;

/// <summary>
/// Topics in the shapes of the real samples (shared/samples): people with works, Disputed, Misattributed and Quotes
/// about; themes in A–Z sections with image captions; films with dialogue and a cast; proverbs without headings.
/// Quote lengths are log-normal (median 147 characters, one in ten over 570, as in the samples), nearly every quote
/// has one attribution line, some two or three and notes; one quote in twenty is verse; one page in ten is in another
/// script. Quotes per page are heavy-tailed: 71,000 articles import to some 2.7 million quotes, the English Wikiquote
/// dump's count (issue 11).
/// </summary>
public static class TopicGenerator
{
    private const int Latin = Vocabulary.LatinScript;

    public static IEnumerable<GeneratedTopic> Generate(int count, int seed)
    {
        var words = new Vocabulary(seed);
        // Authors quoted on theme pages: a pool with a few prolific names and many rare ones, as an author index has.
        var authors = Enumerable.Range(0, Math.Max(10, count / 2)).Select(_ => words.PersonName()).ToArray();
        var titles = new List<string>();
        for (var n = 0; n < count; n++)
        {
            var title = $"{words.Name()} {n}";
            titles.Add(title);
            var script = words.PageScript();
            var roll = words.Next(100);
            var shape = script >= 0 && roll < 40 ? TopicShape.Proverbs : roll < 70 ? TopicShape.Person : roll < 92 ? TopicShape.Theme : TopicShape.Film;
            yield return Topic(words, title, shape, script, authors, titles);
        }
    }

    private static GeneratedTopic Topic(Vocabulary words, string title, TopicShape shape, int script, string[] authors, List<string> titles)
    {
        var lead = $"{title} ({1800 + words.Next(200)}–{1900 + words.Next(120)}) {words.Text(words.LogNormal(180, 0.6, 40, 1200), Latin)}";
        var featured = shape is TopicShape.Person or TopicShape.Theme && words.Chance(0.5) ? CaptionOf(words, script, authors) : null;
        var sections = new List<TopicSection>();
        var quotes = (int)Math.Min(1500, Math.Exp(words.Random.NextDouble() * 5.3) + words.Next(5));
        switch (shape)
        {
            case TopicShape.Person:
            {
                var parts = new List<(string Heading, bool Sub)> { ("Quotes", false) };
                for (var w = words.Chance(0.3) ? words.Next(2, 7) : 0; w > 0; w--)
                    parts.Add(($"{Vocabulary.Cap(words.Words(words.Next(1, 5), Latin))} ({1800 + words.Next(220)})", true));
                if (words.Chance(0.3)) parts.Add(("Disputed", false));
                if (words.Chance(0.2)) parts.Add(("Misattributed", false));
                if (words.Chance(0.5)) parts.Add(($"Quotes about {title}", false));
                foreach (var (heading, sub) in parts)
                    sections.Add(new(heading, Quotes(words, Share(words, quotes, parts.Count), script, byAuthor: false, authors), IsSubheading: sub));
                break;
            }
            case TopicShape.Theme:
            {
                // Alphabetized by author, as Love is: a section per letter, image captions between the quotes.
                var letters = Math.Clamp(quotes / 8, 1, 26);
                foreach (var letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ".Take(letters))
                {
                    var items = Quotes(words, Share(words, quotes, letters), script, byAuthor: true, authors);
                    if (words.Chance(0.3))
                        items.Insert(words.Next(items.Count + 1), CaptionOf(words, script, authors));
                    sections.Add(new(letter.ToString(), items));
                }
                break;
            }
            case TopicShape.Film:
            {
                var cast = Enumerable.Range(0, words.Next(2, 8)).Select(_ => (Actor: words.Name(), Role: words.Name())).ToList();
                var exchanges = new List<TopicItem>();
                for (var run = Math.Max(3, quotes / 2); run > 0; run--)
                    exchanges.Add(new Dialogue(Enumerable.Range(0, words.Next(1, 7))
                        .Select(_ => (cast[words.Next(cast.Count)].Role, words.DialogueLineText(script))).ToList()));
                sections.Add(new("Dialogue", exchanges));
                if (words.Chance(0.4))
                    sections.Add(new("Taglines", Quotes(words, words.Next(1, 5), script, byAuthor: false, authors, attribution: false)));
                sections.Add(new("Cast", cast.Select(c => (TopicItem)new ListItem(c.Actor, " as " + c.Role)).ToList(), IsList: true));
                break;
            }
            case TopicShape.Proverbs:
                sections.Add(new(null, Quotes(words, quotes, script, byAuthor: false, authors, proverbs: true)));
                break;
        }
        if (shape != TopicShape.Proverbs && words.Chance(0.5))
            sections.Add(new("See also", Enumerable.Range(0, words.Next(1, 6)).Select(_ => (TopicItem)new ListItem(titles[words.Next(titles.Count)])).ToList(), IsList: true));
        if (shape != TopicShape.Proverbs)
            sections.Add(new("External links", [], IsList: true, WikipediaBox: true));
        var category = $"{Vocabulary.Cap(words.Word(Latin))} {shape switch { TopicShape.Film => "films", TopicShape.Person => "people", TopicShape.Theme => "themes", _ => "proverbs" }}";
        return new(title, shape, lead, featured, sections, [category]);
    }

    /// <summary>About total / parts quotes, at least one.</summary>
    private static int Share(Vocabulary words, int total, int parts) => Math.Max(1, total / parts + words.Next(-1, 2));

    private static List<TopicItem> Quotes(Vocabulary words, int count, int script, bool byAuthor, string[] authors,
        bool attribution = true, bool proverbs = false)
    {
        var quotes = new List<TopicItem>();
        for (var q = 0; q < count; q++)
        {
            IReadOnlyList<string> lines = words.Chance(0.05)
                ? Enumerable.Range(0, words.Next(2, 7)).Select(_ => words.Text(words.LogNormal(40, 0.3, 10, 120), script)).ToList()
                : [words.QuoteText(script)];
            var source = new List<(int, string)>();
            if (proverbs)
            {
                source.Add((2, "Transliteration: " + words.Text(lines[0].Length / 2, Latin)));
                source.Add((2, "Meaning: " + words.Text(words.LogNormal(100, 0.5, 20, 400), Latin)));
            }
            else if (attribution)
            {
                // 88 % one attribution line, 4 % none, the rest two or more, as in the samples.
                var roll = words.Next(100);
                var lineCount = roll < 4 ? 0 : roll < 92 ? 1 : words.Next(2, 5);
                for (var a = 0; a < lineCount; a++)
                    source.Add(a == 0
                        ? (2, Source(words, byAuthor ? Author(words, authors) : null))
                        : (words.Chance(0.5) ? 3 : 2, words.Text(words.LogNormal(59, 0.7, 10, 600), Latin)));
            }
            quotes.Add(new BulletQuote(lines, source));
        }
        return quotes;
    }

    /// <summary>"Author, Work (Year)" on a theme page; "Work (Year), ch. N" where the page is the person.</summary>
    private static string Source(Vocabulary words, string? author)
    {
        var work = $"{Vocabulary.Cap(words.Words(words.Next(1, 6), Latin))} ({1500 + words.Next(525)})";
        return author is null ? $"{work}, ch. {words.Next(1, 40)}" : $"{author}, {work}";
    }

    // Cubing a uniform draw favours the start of the pool: a few authors have many quotes, most have one or two.
    private static string Author(Vocabulary words, string[] authors) => authors[(int)(Math.Pow(words.Random.NextDouble(), 3) * authors.Length)];

    private static Caption CaptionOf(Vocabulary words, int script, string[] authors) =>
        new(words.Text(words.LogNormal(110, 0.6, 20, 400), script), Author(words, authors));
}
