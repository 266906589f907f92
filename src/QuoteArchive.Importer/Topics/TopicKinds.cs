using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Topics;

/// <summary>What a topic is, from its categories and its shape; the same rule for every format.</summary>
public static class TopicKinds
{
    public static TopicKind Of(ParsedTopic topic)
    {
        var categories = topic.Categories.Select(c => c.ToLowerInvariant()).ToList();
        bool InCategory(params string[] words) => categories.Any(c => words.Any(w => c.Contains(w, StringComparison.Ordinal)));
        var hasCast = topic.Sections.Any(s => s.Heading is { } h && SectionRules.IsCast(h));
        var personLead = AuthorIndex.IsPersonLead(topic.Title, topic.Lead.FirstOrDefault()?.Text);

        if (InCategory("television series", "tv series", "séries télévisées", "série télévisée"))
            return TopicKind.TelevisionSeries;
        if (hasCast)
            return TopicKind.Film;
        // A person's page in "Film directors from England" or "Film critics" is still a person's: its lead says so.
        if (personLead)
            return TopicKind.Person;
        // "Film policier", "2020 American films", "Films directed by Alice Wu": a category with the word film in it.
        if (categories.Any(c => c.Split([' ', '-']).Any(word => word is "film" or "films")))
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
}
