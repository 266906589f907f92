using System.Text.RegularExpressions;
using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer.PageText;

/// <summary>What a paragraph of page text is, by its shape alone (FORMAT.md "Page layout, top to bottom").</summary>
internal static partial class ParagraphRules
{
    private const int MaxSpeakerWords = 5;
    private const string ClosingMarks = "\"'”’»)]}";

    /// <summary>
    /// FORMAT.md: "the next paragraph, when it is one line of at most 200 characters that does not end in <c>.</c>,
    /// <c>!</c> or <c>?</c> (closing quotation marks and brackets after them count as that end)". A known section
    /// heading right under the title (<c>Quotes</c>) is a heading of a page without lead, not a description.
    /// </summary>
    public static bool IsDescription(string text) =>
        text.Length <= 200 && !EndsSentence(text) && !text.Contains('~') && !IsNavigation(text) && !TryLinkNote(text, out _)
        && !SectionRules.IsKnownHeading(text);

    /// <summary>
    /// FORMAT.md: "a one-line paragraph of at most 250 characters that does not end in <c>.</c>, <c>!</c>, <c>?</c>,
    /// <c>:</c>, <c>;</c>, <c>,</c> or a closing quotation mark, does not start with <c>(</c> or a bullet, contains
    /// no <c>~</c>, and is not a navigation line".
    /// </summary>
    public static bool IsHeading(string text)
    {
        // Nor a stage direction between exchanges ("[Bob walks in]"): FORMAT.md's "(" extends to its square brackets.
        if (text.Length > 250 || text.StartsWith('(') || text.StartsWith('•') || text.Contains('~') || IsNavigation(text) || IsStageDirection(text))
            return false;
        // "…" is the one-character "...", which ends in ".".
        if (".!?:;,\"”»’'…".Contains(text[^1]))
            return false;
        // Nor is a heading prose or residue: a line with a sentence inside ("… the only way. Martin Luther King",
        // "… miracles. - Willa Cather": captions the rendering lost the "~" of), or with no letter or digit ("-->", "]]").
        if (SentenceInside().IsMatch(text) || !text.Any(char.IsLetterOrDigit))
            return false;
        // Nor a note on the page itself, which the wiki sets in small type under a heading ("This section is for widely
        // quoted statements by authors unknown or Anonymous").
        if (AboutThePage().IsMatch(text))
            return false;
        // samples/README.md: "Broken wiki markup stays as the wiki shows it (`== La Mère, 1931 == <3` is a text line,
        // not a heading)": MediaWiki shows a heading line with text after its closing `==` as text.
        return !BrokenHeadingMarkup().IsMatch(text);
    }

    /// <summary>
    /// The end of a comment or a link the wiki's rendering broke, a paragraph of one line (<c>--&gt;</c>, <c>]]</c>, <c>}}</c>,
    /// <c>|}</c>): brackets and markup characters only, no word. Real pages have them (Love: <c>--&gt;</c> between two
    /// captions of John of the Cross, <c>]]</c> after the Song of Solomon's).
    /// </summary>
    public static bool IsMarkupResidue(string text) => MarkupResidue().IsMatch(text);

    /// <summary>FORMAT.md: "a one-line paragraph wholly in parentheses, such as <c>(Full text)</c>".</summary>
    public static bool TryLinkNote(string text, out string label)
    {
        label = "";
        if (text.Length < 3 || text[0] != '(' || text[^1] != ')')
            return false;
        // "(a) and (b)" is not wholly in parentheses: the first bracket must close at the end.
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (depth == 0 && i < text.Length - 1)
                return false;
        }
        label = text[1..^1].Trim();
        return label.Length > 0;
    }

    /// <summary>FORMAT.md: "a navigation line (<c>A · B · C …</c>)".</summary>
    public static bool IsNavigation(string text) => text.Split(" · ").Length >= 3;

    /// <summary>
    /// FORMAT.md: "A paragraph containing <c>~</c> … is a captioned quote: the text before the <c>~</c> is the quote,
    /// the text after it the attribution, with link residue stripped (a leading <c>[ </c>, a trailing <c> ]</c>)."
    /// The last <c>~</c> counts: attributions do not contain one, verse sometimes does.
    /// </summary>
    public static bool TryCaption(IReadOnlyList<PageLine> lines, out List<(int Line, string Text)> quote, out (int Line, string Text)? attribution)
    {
        quote = [];
        attribution = null;
        var at = -1;
        for (var i = lines.Count - 1; i >= 0 && at < 0; i--)
            if (lines[i].Text.Contains('~'))
                at = i;
        if (at < 0)
            return false;

        var tilde = lines[at].Text.LastIndexOf('~');
        for (var i = 0; i < at; i++)
            quote.Add((lines[i].Number, lines[i].Text));
        var before = lines[at].Text[..tilde].TrimEnd();
        if (before.Length > 0)
            quote.Add((lines[at].Number, before));
        if (quote.Count == 0)
            return false;

        var after = new List<(int Number, string Text)> { (lines[at].Number, lines[at].Text[(tilde + 1)..].Trim()) };
        after.AddRange(lines.Skip(at + 1).Select(l => (l.Number, l.Text)));
        while (after.Count > 0 && after[0].Text.TrimStart('[').Trim().Length == 0)
            after.RemoveAt(0);
        if (after.Count > 0 && after[0].Text.StartsWith('['))
            after[0] = (after[0].Number, after[0].Text[1..].TrimStart());
        while (after.Count > 0 && after[^1].Text.TrimEnd(']').Trim().Length == 0)
            after.RemoveAt(after.Count - 1);
        if (after.Count > 0 && after[^1].Text.EndsWith(']'))
            after[^1] = (after[^1].Number, after[^1].Text[..^1].TrimEnd());
        if (after.Count > 0)
            attribution = (after[0].Number, string.Join("\n", after.Select(l => l.Text)));
        return true;
    }

    /// <summary>One line of a dialogue: who speaks (null for a stage direction), how (a direction before the colon), the words.</summary>
    public readonly record struct SpokenLine(string? Speaker, string? Direction, string Words)
    {
        /// <summary>What the line shows after the speaker's name: the direction, then the words.</summary>
        public string Said => Direction is null ? Words : $"{Direction} {Words}";
    }

    /// <summary>
    /// FORMAT.md: "A paragraph whose every line has the shape <c>Speaker: words</c> (a speaker of at most 60
    /// characters, no sentence before the colon) is a dialogue quote, kept line by line with its speakers." Real pages
    /// of films and series add directions, which the exchange keeps: before the colon (<c>Beta (shouting): words</c>,
    /// <c>Gamma [to Beta]: words</c>) and on lines of their own (<c>[Alpha walks in]</c>), a line without a speaker.
    /// </summary>
    public static bool TryDialogue(IReadOnlyList<PageLine> lines, out List<SpokenLine> dialogue)
    {
        dialogue = [];
        foreach (var line in lines)
        {
            if (TrySpokenLine(line.Text, out var spoken))
                dialogue.Add(spoken);
            else if (IsStageDirection(line.Text))
                dialogue.Add(new(null, null, line.Text.Trim()));
            else
                return false;
        }
        return dialogue.Any(d => d.Speaker is not null);
    }

    /// <summary>A line <c>Speaker: words</c>, with a direction in brackets before the colon if it has one.</summary>
    public static bool TrySpokenLine(string text, out SpokenLine spoken)
    {
        spoken = default;
        var match = SpeakerLine().Match(text);
        // "no sentence before the colon": a name or a role (Le médecin légiste, Andrea, à voix haute), not a clause
        // such as "Today as always, men fall into two groups: slaves and free men".
        if (!match.Success || match.Groups["speaker"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxSpeakerWords)
            return false;
        var direction = match.Groups["direction"];
        spoken = new(match.Groups["speaker"].Value.TrimEnd(), direction.Success ? direction.Value : null, match.Groups["words"].Value.Trim());
        return true;
    }

    /// <summary>A line wholly in brackets or parentheses, <c>[Alpha walks in]</c>: what happens between the lines of a scene.</summary>
    public static bool IsStageDirection(string text) => StageDirection().IsMatch(text.Trim());

    private static bool EndsSentence(string text)
    {
        var end = text.TrimEnd(ClosingMarks.ToCharArray());
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or '…';
    }

    [GeneratedRegex(@"(\p{Ll}{2}|\d)[.!?…][""”’»)]?\s+(\p{Lu}|[-–—]\s)")]
    private static partial Regex SentenceInside();

    [GeneratedRegex(@"^(This|These) (section|page|list|article)s? (is|are|lists?|contains?|includes?|collects?|gathers?|holds?)\b")]
    private static partial Regex AboutThePage();

    [GeneratedRegex(@"^[\[\]{}<>|!=\-\s]{1,40}$")]
    private static partial Regex MarkupResidue();

    [GeneratedRegex(@"^=+[^=]+=+\s*[^=\s]")]
    private static partial Regex BrokenHeadingMarkup();

    // A speaker starts with a letter and holds no sentence end, quotation mark or colon; French puts a space before ':'.
    // A full stop is an abbreviation's after a short capitalised word or an initial: "Mr. Beta", "Dr. Gamma", "J. R. Ewing".
    [GeneratedRegex(@"^(?<speaker>\p{Lu}([^.!?:;""“”«»~()\[\]]|(?<=(^|\s)\p{Lu}\p{Ll}{0,3})\.){0,59}?)(\s*(?<direction>\([^()\[\]]{1,80}\)|\[[^()\[\]]{1,80}\]))?\s?:\s+(?<words>\S.*)$")]
    private static partial Regex SpeakerLine();

    // Words in the brackets: "(1909-1913)" is a date, no direction.
    [GeneratedRegex(@"^(\((?=[^()]*\p{L}\p{L})[^()\[\]]{1,300}\)|\[(?=[^\[\]]*\p{L}\p{L})[^()\[\]]{1,300}\])$")]
    private static partial Regex StageDirection();
}
