using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;

namespace QuoteArchive.Web.Tests.Search;

/// <summary>
/// A prefix (<c>th*</c>) stands for its <see cref="PrefixExpansion.MaxWords"/> most common words and itself; a prefix
/// of fewer common words keeps FTS5's own prefix query. The words are read back from the index itself (fts5vocab),
/// not from the table the importer wrote.
/// </summary>
[Collection(nameof(ArchiveApp))]
public sealed class PrefixExpansionTests(ArchiveApp app)
{
    [Fact]
    public void SearchTermsHoldEveryWordOfTwoQuotesOrMoreWithItsNumberOfQuotes()
    {
        var fromIndex = IndexWords("");
        Assert.Contains(fromIndex, w => w.Quotes == 1);
        var expected = fromIndex.Where(w => w.Quotes >= PrefixExpansion.MinQuotes).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Query("SELECT Term, Quotes FROM SearchTerms ORDER BY Term"));
    }

    [Fact]
    public async Task APrefixOfManyWordsStandsForItsMostCommonWordsAndItself()
    {
        var common = IndexWords("th").Where(w => w.Quotes >= PrefixExpansion.MinQuotes).ToList();
        Assert.True(common.Count > PrefixExpansion.MaxWords);
        var expected = common.OrderByDescending(w => w.Quotes).ThenBy(w => w.Term, StringComparer.Ordinal)
            .Take(PrefixExpansion.MaxWords).Select(w => w.Term).Append("th");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        Assert.Equal(expected, await PrefixExpansion.WordsAsync(db, "Th"));
        // A word typed whole with a star is one of its words, once: "th" is no word, "the" is the most common one.
        var the = (await PrefixExpansion.WordsAsync(db, "the"))!;
        Assert.Equal(PrefixExpansion.MaxWords, the.Count);
        Assert.Contains("the", the);
    }

    [Fact]
    public async Task APrefixOfFewWordsKeepsFts5sOwnPrefixQueryAndFindsEveryWord()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        Assert.InRange(IndexWords("khrush").Count, 1, PrefixExpansion.MaxWords);
        Assert.Null(await PrefixExpansion.WordsAsync(db, "Khrush"));
        var query = await PrefixExpansion.ExpandAsync(db, SearchQuery.Parse("Khrush*"));
        Assert.Equal("(\"Khrush\"*)", query.ToMatchExpression());
    }

    [Fact]
    public async Task APrefixFindsWhatItsWordsFindTogether()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var words = (await PrefixExpansion.WordsAsync(db, "th"))!;

        var union = new HashSet<string>();
        foreach (var word in words)
            union.UnionWith(await IdsAsync(db, word));
        Assert.Equal(union.Order(), (await IdsAsync(db, "th*")).Order());
        // Left out, a prefix leaves out the quotes of the same words.
        var love = await IdsAsync(db, "love");
        Assert.Equal(love.Except(union).Order(), (await IdsAsync(db, "love -th*")).Order());
        Assert.NotEmpty(love.Intersect(union));
    }

    [Fact]
    public async Task AQueryOfManyPrefixesGivesEachFewerWords()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var many = string.Join(' ', new[] { "th", "wh", "lo", "wa", "be", "co", "st", "pe", "ma", "wo" }.Select(p => p + "*"));
        var query = await PrefixExpansion.ExpandAsync(db, SearchQuery.Parse(many));
        Assert.True(query.Included.Sum(t => t.Words?.Count ?? 0) <= PrefixExpansion.MaxWordsPerQuery + query.Included.Count);
        Assert.All(query.Included, t => Assert.NotNull(t.Words));
    }

    // Fold gives a word the term FTS5 stores for it: the accents of Latin letters off, those of Cyrillic and Greek
    // kept, final sigma as sigma, a decomposed accent dropped whatever its letter. (Fold once took the accents off
    // every letter: a prefix "йо*" was looked up as "ио*", and expanded to other words.)
    [Fact]
    public void FoldGivesEachWordTheTermTheIndexStores()
    {
        string[] words = ["Être", "Ärger", "naïve", "Øre", "łódź", "İstanbul", "Việt", "straße", "ǅemal", "йод", "ЁЖ", "и\u0306од",
            "άλφα", "ΩΜΈΓΑ", "λόγος", "e\u0301te", "日本語"];
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE VIRTUAL TABLE Words USING fts5(word, {SearchIndex.Tokenizer});
            INSERT INTO Words(rowid, word) SELECT key + 1, value FROM json_each($words);
            CREATE VIRTUAL TABLE temp.Terms USING fts5vocab(main, Words, instance);
            SELECT term FROM temp.Terms ORDER BY doc;
            """;
        command.Parameters.AddWithValue("$words", System.Text.Json.JsonSerializer.Serialize(words));
        var terms = new List<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                terms.Add(reader.GetString(0));
        Assert.Equal(terms, words.Select(PrefixExpansion.Fold));
    }

    private static async Task<HashSet<string>> IdsAsync(ArchiveDbContext db, string q)
    {
        var ids = new HashSet<string>();
        for (var skip = 0; ; skip += 100)
        {
            var page = await QuoteSearch.RunAsync(db, SearchQuery.Parse(q), new SearchFilter(), skip, 100);
            ids.UnionWith(page.Hits.Select(h => h.Id));
            if (page.Hits.Count < 100)
                return ids;
        }
    }

    /// <summary>The words of QuotesFts that start with <paramref name="prefix"/>, as fts5vocab reads them from the index.</summary>
    private List<(string Term, long Quotes)> IndexWords(string prefix) => Query("""
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.Vocab USING fts5vocab(main, QuotesFts, row);
        SELECT term, doc FROM temp.Vocab WHERE term GLOB $prefix || '*' ORDER BY term;
        """, prefix);

    private List<(string Term, long Quotes)> Query(string sql, string prefix = "")
    {
        using var connection = new SqliteConnection(ArchiveDbContext.ReadOnlyConnectionString(app.DatabasePath));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$prefix", prefix);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long)>();
        while (reader.Read())
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        return rows;
    }
}
