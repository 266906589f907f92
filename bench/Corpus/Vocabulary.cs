namespace QuoteArchive.Bench.Corpus;

/// <summary>
/// Random words from one seeded <see cref="Random"/>: GENERATED TEXT, NOT QUOTATIONS. Every output of the generator
/// draws from one of these in a fixed order, so the same seed gives the same bytes.
/// </summary>
public sealed class Vocabulary(int seed)
{
    private static readonly string[] Latin = "love time life world heart man woman truth light war peace mind soul day night friend god nature power art death hope fear freedom beauty child mother father word dream reason faith history music science money justice silence glory wisdom river city stone fire sea earth sky king people memory story work play road home door book voice letter name hand eye face spring winter summer morning evening always never often seldom every great small old new true false dark bright quiet loud strong weak gentle cruel wise foolish simple strange is are was were has have makes gives takes finds keeps loses knows loves fears seeks holds leaves brings turns shows tells remains becomes the a an of to in on for with without against before after under over between through and or but so yet".Split(' ');

    private static readonly string[] FunctionWords = "the of and to a in is that it i you for he was with on as be not his but are have all we by they this from at or one so my your her has an what were there who no will can if more when me".Split(' ');

    /// <summary>
    /// The words of running text (quotes, notes, leads) by rank, most common first: English function words, then the
    /// words of <see cref="Latin"/>, then made-up words (<see cref="MadeUpWord"/>) to <see cref="RunningWordCount"/>.
    /// </summary>
    private static readonly string[] RunningWords = RankedWords();

    /// <summary>
    /// For each rank, the chance of a word of that rank or a more common one: Zipf–Mandelbrot, (rank + 2)^-1.05, fitted
    /// to the words of the real samples' quotes (the most common word 4–5 % of all words, the tenth about 0.8 %, the
    /// hundredth about 0.1 %), where most words are rare and a few are everywhere.
    /// </summary>
    private static readonly double[] RunningWordShares = CumulativeShares(RunningWords.Length, exponent: 1.05, offset: 2);

    private const int RunningWordCount = 100_000;


    /// <summary>Greek, Cyrillic, Devanagari, Arabic and Hebrew letters: the 10 % of pages in other scripts.</summary>
    public static readonly string[] Scripts = ["αβγδεζηθικλμνξοπρστυφχψω", "абвгдежзийклмнопрстуфхцчшщыэюя", "अआइईउऊएऐओऔकखगघचछजझटठडढणतथदधनपफबभमयरलवशसह", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي", "אבגדהוזחטיכלמנסעפצקרשת"];

    /// <summary>Latin script, in the script arguments below.</summary>
    public const int LatinScript = -1;

    public Random Random { get; } = new(seed);

    public int Next(int max) => Random.Next(max);
    public int Next(int min, int max) => Random.Next(min, max);
    public bool Chance(double p) => Random.NextDouble() < p;

    /// <summary>A script for a page: Latin, or one of <see cref="Scripts"/> for one page in ten.</summary>
    public int PageScript() => Random.Next(10) == 0 ? Random.Next(Scripts.Length) : LatinScript;

    public string Word(int script) => script < 0
        ? Latin[Random.Next(Latin.Length)]
        : new string(Enumerable.Range(0, Random.Next(2, 8)).Select(_ => Scripts[script][Random.Next(Scripts[script].Length)]).ToArray());

    /// <summary>A word of running text: Latin words by their rank's share (<see cref="RunningWordShares"/>).</summary>
    public string RunningWord(int script)
    {
        if (script >= 0)
            return Word(script);
        var rank = Array.BinarySearch(RunningWordShares, Random.NextDouble());
        return RunningWords[rank < 0 ? Math.Min(~rank, RunningWords.Length - 1) : rank];
    }

    public string Words(int count, int script) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Word(script)));

    public string Sentence(int script)
    {
        var s = string.Join(' ', Enumerable.Range(0, Random.Next(6, 40)).Select(_ => RunningWord(script)));
        return char.ToUpperInvariant(s[0]) + s[1..] + ".";
    }

    /// <summary>A made-up name, two capitalised words and a number: "Stone River42".</summary>
    public string Name() => $"{Cap(Word(LatinScript))} {Cap(Word(LatinScript))}{Random.Next(100)}";

    /// <summary>
    /// A made-up name an attribution line can give, three capitalised words without digits ("Stone River Gentle"):
    /// the attribution parser takes no name with digits for an author.
    /// </summary>
    public string PersonName() => $"{Cap(Word(LatinScript))} {Cap(Word(LatinScript))} {Cap(Word(LatinScript))}";

    /// <summary>A quote's text, as long as the samples' quotes are: median 147 characters, one in ten over 570.</summary>
    public string QuoteText(int script) => Text(LogNormal(147, 1.07, 15, 4000), script);

    /// <summary>A line of a film's dialogue, as long as the samples' lines are.</summary>
    public string DialogueLineText(int script) => Text(LogNormal(70, 0.8, 5, 600), script);

    /// <summary>A number drawn from a log-normal distribution with this median, at least <paramref name="min"/>.</summary>
    public int LogNormal(double median, double sigma, int min, int max)
    {
        // Box–Muller: one standard normal draw from two uniform ones.
        var normal = Math.Sqrt(-2 * Math.Log(1 - Random.NextDouble())) * Math.Cos(2 * Math.PI * Random.NextDouble());
        return (int)Math.Clamp(median * Math.Exp(sigma * normal), min, max);
    }

    /// <summary>Words in sentences of 6 to 24 words, until the text is <paramref name="length"/> characters long.</summary>
    public string Text(int length, int script)
    {
        var text = new System.Text.StringBuilder();
        var left = 0;
        while (text.Length < length)
        {
            var word = RunningWord(script);
            if (text.Length > 0)
                text.Append(' ');
            if (left == 0)
            {
                word = Cap(word);
                left = Random.Next(6, 24);
            }
            text.Append(word);
            if (--left == 0)
                text.Append('.');
        }
        if (left != 0)
            text.Append('.');
        return text.ToString();
    }

    public static string Cap(string w) => char.ToUpperInvariant(w[0]) + w[1..];

    private static string[] RankedWords()
    {
        var words = new List<string>(RunningWordCount);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in FunctionWords.Concat(Latin))
            if (seen.Add(word))
                words.Add(word);
        for (var n = 0; words.Count < RunningWordCount; n++)
            if (MadeUpWord(n) is var word && seen.Add(word))
                words.Add(word);
        return [.. words];
    }

    private const string Consonants = "bcdfghjklmnprstvwz";
    private const string Vowels = "aeiou";

    /// <summary>
    /// The <paramref name="n"/>th word of two or more consonant–vowel syllables ("baba", "bace", …, then three
    /// syllables): rarer words come out longer, as in real text.
    /// </summary>
    private static string MadeUpWord(int n)
    {
        var syllables = Consonants.Length * Vowels.Length;
        var word = new System.Text.StringBuilder();
        var count = 2;
        for (var block = syllables * syllables; n >= block; block *= syllables, count++)
            n -= block;
        for (var i = 0; i < count; i++, n /= syllables)
            word.Append(Consonants[n % syllables / Vowels.Length]).Append(Vowels[n % Vowels.Length]);
        return word.ToString();
    }

    private static double[] CumulativeShares(int count, double exponent, double offset)
    {
        var shares = new double[count];
        var sum = 0.0;
        for (var rank = 1; rank <= count; rank++)
            shares[rank - 1] = sum += Math.Pow(rank + offset, -exponent);
        for (var i = 0; i < count; i++)
            shares[i] /= sum;
        return shares;
    }
}
