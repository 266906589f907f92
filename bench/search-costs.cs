#:project ../src/QuoteArchive.Storage/QuoteArchive.Storage.csproj
#:property TreatWarningsAsErrors=true
#:property PublishAot=false
// Search costs: the FTS5 statements behind QuoteSearch's limits, each timed alone on an archive (a warm-up, then the
// median of five runs), with what it returned. Where bench/search-latency.cs times whole searches, this shows why a
// shape costs what it does:
//   dotnet run -c Release bench/search-costs.cs -- <archive.db>
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;

if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: dotnet run -c Release bench/search-costs.cs -- <archive.db>");
    return 2;
}
var options = new DbContextOptionsBuilder<ArchiveDbContext>()
    .UseSqlite(ArchiveDbContext.ReadOnlyConnectionString(args[0]))
    .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
await using var db = new ArchiveDbContext(options);
await db.Database.OpenConnectionAsync();
var connection = (SqliteConnection)db.Database.GetDbConnection();

// The words of bench/search-latency.cs, and a word of the archive held by a few hundred quotes.
const string Many = "power AND art AND the AND and AND is AND of AND love AND time AND life AND world AND heart AND truth AND peace AND war AND man AND day";
var rare = Scalar("SELECT Term FROM SearchTerms WHERE Quotes BETWEEN 200 AND 1000 AND Term GLOB '[a-z][a-z][a-z]*' ORDER BY Quotes DESC, Term LIMIT 1") as string ?? "love";
var window = Scalar("SELECT rowid FROM QuotesFts WHERE QuotesFts MATCH 'love' LIMIT 1 OFFSET 9999") ?? 0L;
Console.WriteLine($"search costs on {args[0]} ({Scalar("SELECT count(*) FROM Quotes"):N0} quotes; \"love\" in {Scalar("SELECT Quotes FROM SearchTerms WHERE Term = 'love'"):N0}; rare word \"{rare}\" in {Scalar($"SELECT Quotes FROM SearchTerms WHERE Term = '{rare}'"):N0})");
Console.WriteLine();
Console.WriteLine($"{"ms",8}  {"result",-9} statement");

Time("count \"love\" to 100,001", $"SELECT count(*) FROM (SELECT 1 FROM QuotesFts WHERE QuotesFts MATCH 'love' LIMIT 100001)");
Time("count \"love\" to 10,001", $"SELECT count(*) FROM (SELECT 1 FROM QuotesFts WHERE QuotesFts MATCH 'love' LIMIT 10001)");
Time("count \"love war\" to 100,001", $"SELECT count(*) FROM (SELECT 1 FROM QuotesFts WHERE QuotesFts MATCH 'love AND war' LIMIT 100001)");
Time("count \"love war\" to 10,001", $"SELECT count(*) FROM (SELECT 1 FROM QuotesFts WHERE QuotesFts MATCH 'love AND war' LIMIT 10001)");
Time("count the quotes whose title or author has \"love\" (every match)", "SELECT count(*) FROM QuotesFts WHERE QuotesFts MATCH '{author title} : love'");
Time("  the names that have it (NamesFts)", "SELECT count(*) FROM NamesFts WHERE NamesFts MATCH 'love'");
Time("list the rowids of \"love\" to 10,001 (connection's reader)", "SELECT rowid FROM QuotesFts WHERE QuotesFts MATCH 'love' LIMIT 10001");
Time("list the rowids of \"love\" to 10,001 (EF's SqlQueryRaw)", "", () => db.Database
    .SqlQueryRaw<long>("SELECT rowid AS Value FROM QuotesFts WHERE QuotesFts MATCH 'love' LIMIT 10001").ToList().Count);
Time("list the rowids of \"love\" to 10,001 as one string (group_concat)", "", () => db.Database
    .SqlQueryRaw<string>("SELECT group_concat(rowid) AS Value FROM (SELECT rowid FROM QuotesFts WHERE QuotesFts MATCH 'love' LIMIT 10001)")
    .Single().Split(',').Select(long.Parse).Count());
Time("count the phrase \"love is\" (every match)", "SELECT count(*) FROM QuotesFts WHERE QuotesFts MATCH '\"love is\"'");
Time("  the same ranked (ORDER BY rank)", "SELECT count(*) FROM (SELECT rowid FROM QuotesFts WHERE QuotesFts MATCH '\"love is\"' ORDER BY rank)");
Time($"count \"{rare} love\"", $"SELECT count(*) FROM QuotesFts WHERE QuotesFts MATCH '{rare} AND love'");
Time("  the same ranked (ORDER BY rank)", $"SELECT count(*) FROM (SELECT rowid FROM QuotesFts WHERE QuotesFts MATCH '{rare} AND love' ORDER BY rank)");
Time("count 16 common words together (every match)", $"SELECT count(*) FROM QuotesFts WHERE QuotesFts MATCH '{Many}'");
var byRarity = Many.Split(" AND ").OrderBy(w => Convert.ToInt64(Scalar($"SELECT coalesce(max(Quotes), 0) FROM SearchTerms WHERE Term = '{w}'"))).ThenBy(w => w, StringComparer.Ordinal).ToList();
Time("  the same, the rarest word first", $"SELECT count(*) FROM QuotesFts WHERE QuotesFts MATCH '{string.Join(" AND ", byRarity)}'");
Time("  the same, the commonest word first", $"SELECT count(*) FROM QuotesFts WHERE QuotesFts MATCH '{string.Join(" AND ", byRarity.AsEnumerable().Reverse())}'");
Time($"  its two rarest words alone ({byRarity[0]}, {byRarity[1]})", $"SELECT count(*) FROM QuotesFts WHERE QuotesFts MATCH '{byRarity[0]} AND {byRarity[1]}'");
Time("  the same up to the 10,000th quote of \"love\"", $"SELECT count(*) FROM QuotesFts WHERE QuotesFts MATCH '{Many}' AND rowid <= {window}");
Time("  the same, one quote by its rowid", $"SELECT count(*) FROM QuotesFts WHERE QuotesFts MATCH '{Many}' AND rowid = {window}");
Time("one quote of \"love\" by its rowid", $"SELECT count(*) FROM QuotesFts WHERE QuotesFts MATCH 'love' AND rowid = {window}");
// What the common words' path (CommonWordSets) costs: a word's set read once a process, the sets intersected, the page
// highlighted in a copy of its quotes.
var last = Convert.ToInt64(Scalar("SELECT max(rowid) FROM Quotes"));
Time("read every rowid of \"the\" into a set (once a process)", "", () => SetOf("the").Count);
Time("read every rowid of \"love\" into a set (once a process)", "", () => SetOf("love").Count);
var sets = Many.Split(" AND ").Select(SetOf).ToList();
Time("intersect the 16 common words' sets", "", () =>
{
    var all = sets[0].Copy();
    foreach (var set in sets.Skip(1))
        all.IntersectWith(set);
    return all.Count;
});
var page = string.Join(',', SetOf("love").InOrder().Take(20));
Time("copy 20 quotes of \"love\" into a temporary FTS5 table and highlight them", "", () =>
{
    using var command = connection.CreateCommand();
    command.CommandText = $"""
        DROP TABLE IF EXISTS temp.Page;
        CREATE VIRTUAL TABLE temp.Page USING fts5(text, attribution, author, title, {SearchIndex.Tokenizer});
        INSERT INTO temp.Page(rowid, text, attribution, author, title) SELECT rowid, text, attribution, author, title FROM main.QuotesFts WHERE rowid IN ({page});
        SELECT count(*) FROM (SELECT highlight(Page, 0, '[', ']'), highlight(Page, 1, '[', ']'), highlight(Page, 3, '[', ']') FROM temp.Page WHERE Page MATCH '{Many.Replace(" AND ", " OR ")}');
        """;
    return command.ExecuteScalar()!;
});
return 0;

RowidSet SetOf(string word)
{
    var set = new RowidSet(last);
    using var command = connection.CreateCommand();
    command.CommandText = $"SELECT rowid FROM QuotesFts WHERE QuotesFts MATCH '{word}'";
    using var reader = command.ExecuteReader();
    while (reader.Read())
        set.Add(reader.GetInt64(0));
    return set;
}

object? Scalar(string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    return command.ExecuteScalar();
}

void Time(string label, string sql, Func<object>? run = null)
{
    run ??= () =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = 0;
        object first = "";
        while (reader.Read())
            first = rows++ == 0 ? reader.GetValue(0) : $"{rows} rows";
        return first;
    };
    var result = run();
    var times = new List<double>();
    for (var i = 0; i < 5; i++)
    {
        var clock = Stopwatch.StartNew();
        result = run();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    Console.WriteLine($"{times.Order().ElementAt(2),8:N2}  {result,-9} {label}");
}
