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
    // 'remove_diacritics 2' makes "etre" find "être". QuotesFts has no prefix index: on 163,042 generated quotes
    // (bench/import-dump.sh 5000, then sqlite3 archive.db "select name, sum(pgsize) from dbstat group by name")
    // prefix='2 3' made QuotesFts_data 66.3 MB instead of 25.5 MB, 250 bytes a quote of the 700 an archive may take,
    // and the step that builds the index 13.0 s instead of 5.6 s. A prefix is searched as its most common words
    // instead (PrefixExpansion), listed with their number of quotes in SearchTerms: 0.58 MB (3.5 bytes a quote),
    // filled in 0.2 s.
    internal const string Schema = $"""
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
            tokenize='unicode61 remove_diacritics 2');

        CREATE VIRTUAL TABLE NamesFts USING fts5(
            name, kind UNINDEXED, slug UNINDEXED, quotes UNINDEXED,
            tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');

        {PrefixExpansion.Schema}
        """;

    // The index is built once and merged into one segment at the end ('optimize'): merging segments while the rows
    // go in ('automerge', and 'crisismerge' at its default of 16 segments a level) would only be done again there.
    private static readonly string Fill = $"""
        INSERT INTO QuotesFts(QuotesFts, rank) VALUES('automerge', 0);
        INSERT INTO QuotesFts(QuotesFts, rank) VALUES('crisismerge', 200);
        INSERT INTO QuotesFts(QuotesFts) VALUES('rebuild');
        INSERT INTO QuotesFts(QuotesFts, rank) VALUES('rank', '{Ranking}');
        INSERT INTO QuotesFts(QuotesFts) VALUES('optimize');
        {PrefixExpansion.Fill}

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
