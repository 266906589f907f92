using Microsoft.Data.Sqlite;

namespace QuoteArchive.Storage.Search;

/// <summary>
/// The full-text index of an archive, built once by the importer: the quotes' index apart while the quotes are
/// written, the names once the topics and the author index are. Requests only read it: nothing here grows with the
/// archive at request time.
/// </summary>
public static class SearchIndex
{
    /// <summary>
    /// bm25 weights of the columns text, attribution, author, title: a match in the title or the author weighs more
    /// than one in the text or the attribution: a reader searching a name wants that person first.
    /// </summary>
    public const string Ranking = "bm25(1.0, 1.0, 6.0, 10.0)";

    /// <summary>How every FTS5 table of the archive splits and folds words.</summary>
    public const string Tokenizer = "tokenize='unicode61 remove_diacritics 2'";

    /// <summary>QuotesFts's columns, in the order highlight() and snippet() number them.</summary>
    internal const string QuotesFtsColumns = "text, attribution, author, title";

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
    // A quote's attribution lines in the search index: their texts in order, a line feed between two.
    private const string JoinedLines = "group_concat(Text, char(10))";

    internal const string Schema = $"""
        CREATE VIEW QuotesFtsContent AS
        SELECT q.rowid AS QuoteRowId,
               q.Text AS text,
               (SELECT {JoinedLines} FROM
                   (SELECT a.Text FROM AttributionLines a WHERE a.QuoteId = q.Id ORDER BY a.Position)) AS attribution,
               coalesce((SELECT au.Name FROM Authors au WHERE au.Id = q.AuthorId), q.Author) AS author,
               t.Title AS title
        FROM Quotes q JOIN Topics t ON t.Id = q.TopicId;

        {QuotesFtsTable}

        CREATE VIRTUAL TABLE NamesFts USING fts5(
            name, kind UNINDEXED, slug UNINDEXED, quotes UNINDEXED, anchor UNINDEXED,
            {Tokenizer}, prefix='1 2 3');

        {PrefixExpansion.Schema}
        """;

    private const string QuotesFtsTable = $"""
        CREATE VIRTUAL TABLE QuotesFts USING fts5(
            {QuotesFtsColumns},
            content='QuotesFtsContent', content_rowid='QuoteRowId',
            {Tokenizer});
        """;

    // The tables in which FTS5 keeps QuotesFts (an external-content table has no copy of the text): the index built
    // apart is these, copied into the archive.
    private static readonly string[] QuotesFtsShadowTables = ["QuotesFts_data", "QuotesFts_idx", "QuotesFts_docsize", "QuotesFts_config"];

    // The index is built once and merged into one segment at the end ('optimize'): merging segments while the rows
    // go in ('automerge') would only be done again there. FTS5 still merges a level once it holds 'crisismerge'
    // segments, keeping its thread meanwhile: at 64 the full shape imported fastest, the rows the writer hands over
    // waiting out each merge; at 200 the merges outlasted them and the writer waited; 16 and 32 merge more often
    // (bench/README.md, "Import of a dump").
    private const string FewMergesWhileFilled = """
        INSERT INTO QuotesFts(QuotesFts, rank) VALUES('automerge', 0);
        INSERT INTO QuotesFts(QuotesFts, rank) VALUES('crisismerge', 64);
        """;

    // The names of the quotes indexed again, tokenised as the index tokenises them, in a table of their own.
    private const string ReindexedNames = $"""
        CREATE VIRTUAL TABLE temp.ReindexedNames USING fts5(name, {Tokenizer});
        """;

    private static readonly string RecountReindexedWords = $"""
        CREATE VIRTUAL TABLE temp.ReindexedWords USING fts5vocab(temp, ReindexedNames, row);
        CREATE VIRTUAL TABLE temp.QuotesFtsVocab USING fts5vocab(main, QuotesFts, row);
        DELETE FROM SearchTerms WHERE Term IN (SELECT term FROM temp.ReindexedWords);
        INSERT INTO SearchTerms(Term, Quotes)
        SELECT term, doc FROM temp.QuotesFtsVocab WHERE term IN (SELECT term FROM temp.ReindexedWords) AND doc >= {PrefixExpansion.MinQuotes};
        DROP TABLE temp.QuotesFtsVocab;
        DROP TABLE temp.ReindexedWords;
        DROP TABLE temp.ReindexedNames;
        """;

    private static readonly string Merge = $"""
        INSERT INTO QuotesFts(QuotesFts, rank) VALUES('rank', '{Ranking}');
        INSERT INTO QuotesFts(QuotesFts) VALUES('optimize');
        """;

    private static readonly string FillNames = $"""
        INSERT INTO NamesFts(name, kind, slug, quotes)
        SELECT t.Title, 'topic', t.Slug, (SELECT count(*) FROM Quotes q WHERE q.TopicId = t.Id) FROM Topics t;
        INSERT INTO NamesFts(name, kind, slug, quotes, anchor)
        SELECT r.Title, 'topic', t.Slug, (SELECT count(*) FROM Quotes q WHERE q.TopicId = t.Id), r.Anchor FROM Redirects r JOIN Topics t ON t.Id = r.TopicId;
        INSERT INTO NamesFts(name, kind, slug, quotes)
        SELECT a.Name, 'author', a.Slug, a.QuoteCount FROM Authors a;
        INSERT INTO NamesFts(NamesFts) VALUES('optimize');
        """;

    /// <summary>
    /// Creates the quotes' index alone in a database of its own, to be filled row by row (rowid, text, attribution, author, title) while
    /// the archive is written, merged (<see cref="MergeApart"/>), and copied into the archive (<see cref="CopyFrom"/>).
    /// </summary>
    public static void CreateApart(SqliteConnection apart) => Execute(apart, null, QuotesFtsTable + FewMergesWhileFilled);

    /// <summary>
    /// Lists the words of the index built apart with their number of quotes (SearchTerms), before it is merged:
    /// reading every word's entries takes seconds at full size, which the index's thread spends while the writer
    /// builds the author index, and not after the merge.
    /// </summary>
    public static void ListWordsApart(SqliteConnection apart, SqliteTransaction transaction) =>
        Execute(apart, transaction, PrefixExpansion.Schema + PrefixExpansion.Fill);

    /// <summary>
    /// Indexes again, in the index built apart and before it is merged, the quotes whose author the archive now names
    /// otherwise than they were indexed with: indexed again once the index was merged, they made a second merge of the
    /// whole index (seconds at full size, with the other core idle). The words of both names are counted again when the
    /// index is merged (<see cref="MergeApart"/>).
    /// </summary>
    public static void IndexAgainApart(SqliteConnection apart, SqliteTransaction transaction, IReadOnlyList<QuoteIndexedAgain> quotes,
        CancellationToken cancellation = default)
    {
        Execute(apart, transaction, ReindexedNames);
        using var again = apart.CreateCommand();
        again.Transaction = transaction;
        again.CommandText = """
            INSERT INTO QuotesFts(QuotesFts, rowid, text, attribution, author, title) VALUES('delete', $row, $text, $attribution, $indexed, $title);
            INSERT INTO QuotesFts(rowid, text, attribution, author, title) VALUES($row, $text, $attribution, $author, $title);
            """;
        var (row, text, attribution, indexed, author, title) = (again.Parameters.Add("$row", SqliteType.Integer), again.Parameters.Add("$text", SqliteType.Text),
            again.Parameters.Add("$attribution", SqliteType.Text), again.Parameters.Add("$indexed", SqliteType.Text),
            again.Parameters.Add("$author", SqliteType.Text), again.Parameters.Add("$title", SqliteType.Text));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var quote in quotes)
        {
            cancellation.ThrowIfCancellationRequested();
            (row.Value, text.Value, attribution.Value, indexed.Value, author.Value, title.Value) = (quote.RowId, quote.Text,
                (object?)quote.Attribution ?? DBNull.Value, (object?)quote.IndexedAuthor ?? DBNull.Value, (object?)quote.Author ?? DBNull.Value, quote.Title);
            again.ExecuteNonQuery();
            names.UnionWith(new[] { quote.IndexedAuthor, quote.Author }.OfType<string>());
        }
        using var name = apart.CreateCommand();
        name.Transaction = transaction;
        name.CommandText = "INSERT INTO temp.ReindexedNames(name) VALUES($name)";
        var value = name.Parameters.Add("$name", SqliteType.Text);
        foreach (var each in names)
        {
            value.Value = each;
            name.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Merges the index built apart into one segment, the shape requests read it in, and counts again the words of the
    /// names of the quotes indexed again: theirs are the only words whose number of quotes changed since they were listed.
    /// </summary>
    public static void MergeApart(SqliteConnection apart, SqliteTransaction transaction) => Execute(apart, transaction, Merge + RecountReindexedWords);

    /// <summary>Creates the archive's search tables, empty: the quotes' index is copied in later (<see cref="CopyFrom"/>).</summary>
    public static void Create(SqliteConnection connection, SqliteTransaction transaction) => Execute(connection, transaction, Schema);

    /// <summary>
    /// The quotes of the archive as QuotesFtsContent shows them now, each with the author the search index was given
    /// for it: the index built apart is to have them as they are now (<see cref="IndexAgainApart"/>). Their attribution
    /// lines are read by rowid, <paramref name="attributionRows"/> giving each quote's (above, up to): this is read
    /// before the index by which QuotesFtsContent finds them is built.
    /// </summary>
    public static List<QuoteIndexedAgain> ReadAgain(SqliteConnection connection, SqliteTransaction transaction,
        IEnumerable<(long RowId, string? IndexedAuthor)> quotes, Func<long, (long After, long Last)> attributionRows)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT text, author, title FROM QuotesFtsContent WHERE QuoteRowId = $row";
        var row = read.Parameters.Add("$row", SqliteType.Integer);
        using var readLines = connection.CreateCommand();
        readLines.Transaction = transaction;
        // In the order they were written: their positions'.
        readLines.CommandText = $"SELECT {JoinedLines} FROM (SELECT Text FROM AttributionLines WHERE rowid > $after AND rowid <= $last ORDER BY rowid)";
        var (after, last) = (readLines.Parameters.Add("$after", SqliteType.Integer), readLines.Parameters.Add("$last", SqliteType.Integer));
        var again = new List<QuoteIndexedAgain>();
        foreach (var (rowId, indexedAuthor) in quotes)
        {
            row.Value = rowId;
            using var reader = read.ExecuteReader();
            if (!reader.Read())
                continue;
            (after.Value, last.Value) = attributionRows(rowId);
            var attribution = readLines.ExecuteScalar() as string;
            again.Add(new(rowId, reader.GetString(0), attribution, indexedAuthor, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        }
        return again;
    }

    /// <summary>
    /// Copies the quotes' index built apart, in the file <paramref name="apartPath"/>, into the archive's search tables
    /// (<see cref="Create"/>): its rows are the archive's quotes as QuotesFtsContent shows them. The file stays attached
    /// until the transaction ends (SQLite detaches no database inside one): <see cref="DetachApart"/>.
    /// </summary>
    public static void CopyFrom(SqliteConnection connection, SqliteTransaction transaction, string apartPath)
    {
        using (var attach = connection.CreateCommand())
        {
            attach.Transaction = transaction;
            attach.CommandText = "ATTACH $path AS apart";
            attach.Parameters.AddWithValue("$path", apartPath);
            attach.ExecuteNonQuery();
        }
        // Nothing reads QuotesFts between its creation and the copy: FTS5 reads its structure afresh when first used.
        var copy = string.Concat(QuotesFtsShadowTables.Select(table => $"DELETE FROM main.{table}; INSERT INTO main.{table} SELECT * FROM apart.{table};\n"));
        // The archive was analysed for the query planner while the index was merged: its tables are analysed again now that they are full.
        var analyze = string.Concat(QuotesFtsShadowTables.Append("SearchTerms").Select(table => $"ANALYZE main.{table};\n"));
        Execute(connection, transaction, copy + "INSERT INTO main.SearchTerms SELECT * FROM apart.SearchTerms;\n" + analyze);
    }

    /// <summary>Fills the search's list of names, once the topics, their redirects and the author index are written.</summary>
    public static void FillNamesFrom(SqliteConnection connection, SqliteTransaction transaction) => Execute(connection, transaction, FillNames);

    /// <summary>Detaches the file <see cref="CopyFrom"/> read, once the transaction has ended.</summary>
    public static void DetachApart(SqliteConnection connection) => Execute(connection, null, "DETACH apart");

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
