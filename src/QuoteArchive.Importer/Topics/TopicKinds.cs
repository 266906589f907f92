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
        // A work's page opens with its title in italics ('''''Firefly''''' (2002–2003) is …), which a person's never does:
        // wikitext says so, page text cannot.
        var personLead = AuthorIndex.IsPersonLead(topic.Title, lead?.Text)
            && lead!.Html?.StartsWith("<em>", StringComparison.Ordinal) != true && lead.Html?.StartsWith("<strong><em>", StringComparison.Ordinal) != true;

        // English Wikiquote files its series under "… TV shows" ("2000s American animated comedy TV shows").
        if (InCategory("television series", "tv series", "tv shows", "television shows", "television programs", "tv programs",
                "séries télévisées", "série télévisée"))
            return TopicKind.TelevisionSeries;
        // A series' page with no such category says what it is in its first sentence ("… is an American space Western
        // television series"); a person's lead may name a series they were in, and is read as a person's first.
        if (!personLead && LeadSaysSeries().IsMatch(lead?.Text ?? ""))
            return TopicKind.TelevisionSeries;
        if (hasCast)
            return TopicKind.Film;
        // A person's page in "Film directors from England" or "Film critics" is still a person's: its lead says so.
        if (personLead)
            return TopicKind.Person;
        // "Film policier", "2020 American films", "Films directed by Alice Wu": a category with the word film in it.
        if (categories.Any(c => c.Split([' ', '-']).Any(word => word is "film" or "films")))
            return TopicKind.Film;
        // A film's page with no categories (page text shows none) says what it is in its first sentence ("… is a 2020
        // coming-of-age comedy-drama film", "Le Pacha est un film français …"); a film director's lead is read as a person's first.
        if (!personLead && LeadSaysFilm().IsMatch(lead?.Text ?? ""))
            return TopicKind.Film;
        if (InCategory("proverbs", "proverbes") || topic.Title.EndsWith(" proverbs", StringComparison.OrdinalIgnoreCase)
            || topic.Title.StartsWith("Proverbes ", StringComparison.OrdinalIgnoreCase))
            return TopicKind.Proverbs;
        if (InCategory("people", "births", "deaths", "naissance en", "décès en", "personnalité"))
            return TopicKind.Person;
        if (InCategory("novels", "books", "literary works", "plays", "poems", "romans", "livres", "œuvres littéraires", "pièces de théâtre"))
            return TopicKind.LiteraryWork;
        return TopicKind.Theme;
    }

    // "is an American animated television series"; not "is a 2005 film based on the television series", where the words
    // between say it is something else made of one.
    [GeneratedRegex(@"\b(?:is|was|est) (?:an?|une?) (?:(?!(?:film|movie|based|adaptation|spin-off|of|from|on|in|for|by|about)\b)[\w'’()–-]+ ){0,6}(?:(?:television|TV) series|série télévisée)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadSaysSeries();

    // "is a 2020 coming-of-age comedy-drama film", "est un film français"; not "is an American film director" nor "is a
    // novel adapted into a film".
    [GeneratedRegex(@"\b(?:is|was|est) (?:an?|une?) (?:(?!(?:based|adaptation|adapted|of|from|on|in|for|by|about|into)\b)[\w'’()–-]+ ){0,5}(?:film|movie)\b(?![\w-]| (?:director|producer|critic|actor|actress|maker|composer|editor|studio|festival|series|company|theory|historian|scholar|score)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex LeadSaysFilm();
}
