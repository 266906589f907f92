using Microsoft.Data.Sqlite;

namespace QuoteArchive.Storage.Search;

/// <summary>
/// The full-text index of an archive, built once by the importer after the topics and the author index are
/// written. Requests only read it: nothing here grows with the archive at request time.
/// </summary>
public static class SearchIndex
{
    /// <summary>
    /// bm25 weights of the columns text, attribution, author, title: a match in the title or the author weighs more
    /// than one in the text or the attribution: a reader searching a name wants that person first.
    /// </summary>
    public const string Ranking = "bm25(1.0, 1.0, 6.0, 10.0)";

    // QuotesFts is an external-content FTS5 table: it stores the index only, and reads the text of a row from the
    // QuotesFtsContent view when highlight() or snippet() asks for it. At the size of English Wikiquote
    // (about 2.7 million quotes) that saves a second copy of every quote. The view's rowid is the rowid of Quotes,
    // which the importer writes once and never vacuums; an archive that was vacuumed must rebuild QuotesFts.
    // 'remove_diacritics 2' makes "etre" find "être". The prefix indexes make "lo*" and "lov*" one read of a
    // ready-made list instead of a merge of every term that starts so, on each pass over the index. Measured on
    // 112,000 quotes they make the index 2.5 times larger (52 MB instead of 21 MB) and /api/search?q=lo* take
    // 40-70 ms instead of 460 ms; longer prefixes ("philos*", 35 ms) match few terms and need none.
    internal const string Schema = """
        CREATE VIEW QuotesFtsContent AS
        SELECT q.rowid AS QuoteRowId,
               q.Text AS text,
               (SELECT group_concat(Text, char(10)) FROM
                   (SELECT a.Text FROM AttributionLines a WHERE a.QuoteId = q.Id ORDER BY a.Position)) AS attribution,
               coalesce((SELECT au.Name FROM Authors au WHERE au.Id = q.AuthorId), q.Author) AS author,
               t.Title AS title
        FROM Quotes q JOIN Topics t ON t.Id = q.TopicId;

        CREATE VIRTUAL TABLE QuotesFts USING fts5(
            text, attribution, author, title,
            content='QuotesFtsContent', content_rowid='QuoteRowId',
            tokenize='unicode61 remove_diacritics 2', prefix='2 3');

        CREATE VIRTUAL TABLE NamesFts USING fts5(
            name, kind UNINDEXED, slug UNINDEXED, quotes UNINDEXED,
            tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
        """;

    private const string Fill = $"""
        INSERT INTO QuotesFts(QuotesFts) VALUES('rebuild');
        INSERT INTO QuotesFts(QuotesFts, rank) VALUES('rank', '{Ranking}');
        INSERT INTO QuotesFts(QuotesFts) VALUES('optimize');

        INSERT INTO NamesFts(name, kind, slug, quotes)
        SELECT t.Title, 'topic', t.Slug, (SELECT count(*) FROM Quotes q WHERE q.TopicId = t.Id) FROM Topics t;
        INSERT INTO NamesFts(name, kind, slug, quotes)
        SELECT r.Title, 'topic', t.Slug, (SELECT count(*) FROM Quotes q WHERE q.TopicId = t.Id) FROM Redirects r JOIN Topics t ON t.Id = r.TopicId;
        INSERT INTO NamesFts(name, kind, slug, quotes)
        SELECT a.Name, 'author', a.Slug, a.QuoteCount FROM Authors a;
        INSERT INTO NamesFts(NamesFts) VALUES('optimize');
        """;

    /// <summary>Creates and fills the index from the quotes, topics and authors written in <paramref name="transaction"/>.</summary>
    public static void Build(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Schema + Fill;
        command.ExecuteNonQuery();
    }
}
