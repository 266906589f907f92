using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

/// <summary>
/// Builds the author index once the topics are written, from the persons and names the writer noted as it wrote the
/// quotes (<see cref="WrittenAuthors"/>), then gives the quotes written with a name their author in one update.
/// </summary>
public static partial class AuthorIndex
{
    /// <summary>Longer "authors" are sentences the attribution parser took for a name; they get no author page.</summary>
    public const int MaxNameLength = 100;

    /// <summary>How many more names a person page's lead may give than its title (middle names, initials).</summary>
    private const int MaxExtraNames = 4;

    /// <returns>
    /// the index's name of each raw author name whose cleaned name (<see cref="CleanName"/>) it spells otherwise: in
    /// another case, or as the title a redirect names (<see cref="OtherTitles"/>)
    /// </returns>
    internal static IReadOnlyDictionary<string, string> Build(SqliteConnection connection, SqliteTransaction transaction, PersonAuthors persons,
        WrittenAuthors written)
    {
        var entries = new List<Entry>();
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var respelled = new Dictionary<string, string>(StringComparer.Ordinal);
        var slugs = new UniqueNames();

        int Add(string name, string slug, int? topicId, string? sortName = null)
        {
            // A person's quotes were written with their id; a name's are counted as it is joined.
            var id = entries.Count + 1;
            entries.Add(new(id, slugs.Claim(slug), name, SortKeys.Fold(sortName ?? name), topicId) { Quotes = written.QuotesOf(id) });
            byName[name] = id;
            return id;
        }

        // Person pages first, so that an attribution naming the person joins the person's own entry. Which topics are
        // persons is TopicKinds' rule, decided once at parse time (a person lead, or person categories); the writer
        // numbered them in topic order and gave their quotes these ids as it wrote them.
        // A person files under the name their page gives the wiki's lists (Nietzsche, Friedrich), where it gives one.
        foreach (var person in persons.Persons)
            Add(person.Title, person.Slug, person.TopicId, person.SortName);

        var names = written.Names.Select(raw => (Raw: raw, Name: CleanName(raw))).ToList();
        var sameAuthor = OtherTitles(connection, transaction, byName, names.Select(n => n.Name));
        Execute(connection, transaction, "CREATE TEMP TABLE AuthorNames (Name TEXT PRIMARY KEY, AuthorId INTEGER NOT NULL)");
        using (var mapping = new PreparedInsert(connection, "AuthorNames", "Name", "AuthorId"))
        {
            foreach (var (raw, cleaned) in names)
            {
                if (cleaned is null)
                    continue;
                var name = sameAuthor.GetValueOrDefault(cleaned, cleaned);
                if (!byName.TryGetValue(name, out var id))
                    id = Add(name, Slugs.FromTitle(name), null);
                mapping.Run(raw, id);
                var entry = entries[id - 1];
                entry.Quotes += written.RowsOf(raw).Count;
                if (!string.Equals(entry.Name, cleaned, StringComparison.Ordinal))
                    respelled[raw] = entry.Name;
            }
        }

        // An author no quote is by has no entry (its id stays unused).
        using (var insert = new PreparedInsert(connection, "Authors", "Id", "Slug", "Name", "SortKey", "Letter", "TopicId", "QuoteCount"))
            foreach (var entry in entries.Where(e => e.Quotes > 0))
                insert.Run(entry.Id, entry.Slug, entry.Name, entry.SortKey, SortKeys.LetterOf(entry.SortKey), entry.TopicId, entry.Quotes);

        // A quote on a person's page was written with its person (PersonAuthors); the others are by the name they give.
        Execute(connection, transaction, """
            UPDATE Quotes SET AuthorId = (SELECT n.AuthorId FROM temp.AuthorNames n WHERE n.Name = Quotes.Author)
            WHERE Author IS NOT NULL AND AuthorId IS NULL;
            DROP TABLE temp.AuthorNames;
            """);
        return respelled;
    }

    private sealed record Entry(int Id, string Slug, string Name, string SortKey, int? TopicId)
    {
        public int Quotes { get; set; }
    }

    /// <summary>
    /// The names that the wiki makes another title of an author's (a redirect: "Benedict XVI" to "Pope Benedict XVI",
    /// "Martin Luther King" to "Martin Luther King, Jr."), each with the name it names: a person's page, or a name
    /// attributions give too. A redirect to any other topic ("Lovers" to "Love") names no author.
    /// </summary>
    private static Dictionary<string, string> OtherTitles(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyDictionary<string, int> persons, IEnumerable<string?> attributed)
    {
        var authors = attributed.OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sameAuthor = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var redirects = Query(connection, transaction,
            "SELECT r.Title, t.Title FROM Redirects r JOIN Topics t ON t.Id = r.TopicId", r => (Title: r.GetString(0), Target: r.GetString(1)));
        foreach (var (title, target) in redirects)
        {
            if (CleanName(title) is { } name && authors.Contains(name) && (persons.ContainsKey(target) || authors.Contains(target)))
                sameAuthor.TryAdd(name, target);
        }
        return sameAuthor;
    }

    /// <summary>
    /// A topic is a person "when its lead starts with its title followed by a parenthesis with a year
    /// (<c>Albert Einstein (14 March 1879 – …</c>)". Wikipedia-style leads give the full name, so the name before
    /// the parenthesis may hold more of it: <c>Friedrich Wilhelm Nietzsche (15 October 1844 …</c> for the page
    /// <c>Friedrich Nietzsche</c> starts with the title's first word, ends with its last, and holds all its words in order.
    /// </summary>
    public static bool IsPersonLead(string title, string? lead)
    {
        if (string.IsNullOrWhiteSpace(lead))
            return false;
        var open = lead.IndexOf('(');
        if (open <= 0 || open > MaxNameLength)
            return false;
        var close = lead.IndexOf(')', open);
        var parenthesis = close < 0 ? lead[(open + 1)..] : lead[(open + 1)..close];
        if (!Year().IsMatch(parenthesis))
            return false;

        // "John Smith (poet)" is the page of John Smith.
        var name = Disambiguation().Replace(title, "");
        var titleWords = Words(name);
        var leadWords = Words(lead[..open]);
        if (titleWords.Length == 0 || leadWords.Length < titleWords.Length)
            return false;
        if (!Same(leadWords[0], titleWords[0]) || !Same(leadWords[^1], titleWords[^1]))
            return false;
        // The words the title lacks are more names (capitalised: "Wilhelm", "J."), a few at most; "relations, also
        // known as …" before a parenthesis is a sentence, not a name.
        var matched = 0;
        var extra = 0;
        foreach (var word in leadWords)
        {
            if (matched < titleWords.Length && Same(word, titleWords[matched]))
                matched++;
            else if (!char.IsUpper(word[0]) || ++extra > MaxExtraNames)
                return false;
        }
        return matched == titleWords.Length;

        static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        static bool Same(string a, string b) => string.Equals(SortKeys.Fold(a), SortKeys.Fold(b), StringComparison.Ordinal);
    }

    /// <summary>The name as the index keeps it: NFC, white space collapsed; null when it is no name.</summary>
    internal static string? CleanName(string raw)
    {
        var name = string.Join(' ', raw.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return name.Length is 0 or > MaxNameLength || !name.Any(char.IsLetter) ? null : name;
    }

    private static List<T> Query<T>(SqliteConnection connection, SqliteTransaction transaction, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [GeneratedRegex(@"\b\d{3,4}\b|\b\d{1,4}\s*(BC|BCE|AD|CE)\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"\s*\([^)]*\)\s*$")]
    private static partial Regex Disambiguation();
}
