using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

/// <summary>
/// The person pages among the topics as they are written: the first entries of the author index, numbered in topic
/// order. "On a person's page, the quotes outside 'Quotes about', 'Disputed' and 'Misattributed' sections are by
/// that person": such a quote's author is known when it is written, so the import does not update millions of
/// quotes afterwards.
/// </summary>
internal sealed class PersonAuthors
{
    private readonly Dictionary<string, int> idsByTitle = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Person> persons = [];
    private readonly Dictionary<int, int> idsByTopic = [];

    /// <summary>The person pages that have an author entry, in topic order: author ids 1, 2, 3 …</summary>
    public IReadOnlyList<Person> Persons => persons;

    /// <summary>The author id of the topic's person, or null when it is no person page or an earlier one has its name.</summary>
    public int? Add(ParsedTopic topic, int topicId)
    {
        if (topic.Kind != TopicKind.Person || idsByTitle.ContainsKey(topic.Title))
            return null;
        persons.Add(new(topicId, topic.Slug, topic.Title, topic.SortName));
        idsByTitle[topic.Title] = idsByTopic[topicId] = persons.Count;
        return persons.Count;
    }

    /// <summary>Whether a person's page has this title (in any case).</summary>
    public bool HasPage(string title) => idsByTitle.ContainsKey(title);

    /// <summary>The author id of the person whose page the topic is, or null.</summary>
    public int? IdOfTopic(int topicId) => idsByTopic.TryGetValue(topicId, out var id) ? id : null;

    /// <summary>The author of a quote on the page of <paramref name="personId"/>, by the status its section gave it.</summary>
    public static int? AuthorOf(QuoteStatus status, int? personId) =>
        status is QuoteStatus.About or QuoteStatus.Disputed or QuoteStatus.Misattributed ? null : personId;

    /// <param name="SortName">how the wiki files the person (<c>{{DEFAULTSORT:Nietzsche, Friedrich}}</c>), where the page says</param>
    internal sealed record Person(int TopicId, string Slug, string Title, string? SortName);
}
