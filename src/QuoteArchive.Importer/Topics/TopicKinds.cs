using System.Text.RegularExpressions;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Topics;

/// <summary>What a topic is, from its categories and its shape; the same rule for every format.</summary>
public static partial class TopicKinds
{
    public static TopicKind Of(ParsedTopic topic)
    {
        var categories = topic.Categories.Select(c => c.ToLowerInvariant()).ToList();
        bool InCategory(params string[] words) => categories.Any(c => words.Any(w => c.Contains(w, StringComparison.Ordinal)));
        var hasCast = topic.Sections.Any(s => s.Heading is { } h && SectionRules.IsCast(h));
        var lead = topic.LeadSentence;
        // A work's page opens with its title in italics ('''''Firefly''''' (2002–2003) is …), which a person's never does.
        var personLead = AuthorIndex.IsPersonLead(topic.Title, lead?.Text) && ItalicOpening.TextOf(lead!.Html) is null;
        // A page that gives no categories (page text shows none) may say what it is in its first sentence; one that
        // gives them is read by them: a person's lead the person rule cannot read ("Kira "Dot" Vell (…) was an American
        // film actress") would otherwise make a film.
        var leadSays = categories.Count == 0 && !personLead ? lead?.Text ?? "" : "";

        // English Wikiquote files its series under "… TV shows" ("2000s American animated comedy TV shows").
        if (InCategory("television series", "tv series", "tv shows", "television shows", "television programs", "tv programs",
                "séries télévisées", "série télévisée") || LeadSaysSeries().IsMatch(leadSays))
            return TopicKind.TelevisionSeries;
        if (hasCast)
            return TopicKind.Film;
        // A person's page in "Film directors from England" or "Film critics" is still a person's: its lead says so, or
        // the year they were born or died.
        if (personLead || InCategory("births", "deaths", "naissance en", "décès en"))
            return TopicKind.Person;
        // "Film policier", "2020 American films", "Films directed by Alice Wu": a category with the word film in it;
        // "… is a 2020 coming-of-age comedy-drama film", "Le Pacha est un film français …".
        if (categories.Any(c => c.Split([' ', '-']).Any(word => word is "film" or "films")) || LeadSaysFilm().IsMatch(leadSays))
            return TopicKind.Film;
        if (InCategory("proverbs", "proverbes") || topic.Title.EndsWith(" proverbs", StringComparison.OrdinalIgnoreCase)
            || topic.Title.StartsWith("Proverbes ", StringComparison.OrdinalIgnoreCase))
            return TopicKind.Proverbs;
        if (InCategory("people", "personnalité"))
            return TopicKind.Person;
        if (InCategory("novels", "books", "literary works", "plays", "poems", "romans", "livres", "œuvres littéraires", "pièces de théâtre"))
            return TopicKind.LiteraryWork;
        return TopicKind.Theme;
    }

    // "is an American animated television series", "est un film français": the words between the verb and the noun say
    // what kind of one; "is a 2005 film based on the television series", "a novel adapted into a film" name another.
    private const string KindOfOne = @"\b(?:is|was|est) (?:an?|une?) (?:(?!(?:film|movie|based|adaptation|adapted|spin-off|of|from|on|in|for|by|about|into|and)\b)[\w'’()–-]+ ){0,6}";

    [GeneratedRegex(KindOfOne + @"(?:(?:television|TV) series|série télévisée)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadSaysSeries();

    // Not "is an American film director", "film star", "film genre": a person or a thing of films.
    [GeneratedRegex(KindOfOne + @"(?:film|movie)\b(?![\w-]| (?:director|producer|critic|actor|actress|star|comedian|maker|composer|editor|studio|festival|series|company|theory|historian|scholar|score|genre|industry|and)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex LeadSaysFilm();
}
