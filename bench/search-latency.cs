#:project ../src/QuoteArchive.Storage/QuoteArchive.Storage.csproj
#:property TreatWarningsAsErrors=true
#:property PublishAot=false
// Search latency: 206 fixed queries of every shape the search language has, timed in-process (the search code the
// web calls: SearchQuery.Parse and QuoteSearch.RunAsync on a read-only context, as a request runs them) and, given
// the address of a running app, over HTTP (/api/search, each query once after a warm-up). Prints p50/p95/p99 per
// shape and overall. bench/search-latency.sh publishes and starts the app; run this directly to time in-process only:
//   dotnet run -c Release bench/search-latency.cs -- <archive.db> [http://127.0.0.1:port]
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QuoteArchive.Storage;
using QuoteArchive.Storage.Search;

if (args.Length is < 1 or > 2 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: dotnet run -c Release bench/search-latency.cs -- <archive.db> [http://127.0.0.1:port]");
    return 2;
}
var options = new DbContextOptionsBuilder<ArchiveDbContext>()
    .UseSqlite(ArchiveDbContext.ReadOnlyConnectionString(args[0]))
    .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;

// The filters name real things of the archive, chosen by rule so that the same archive gives the same queries: the
// most quoted author, an author of median size, the topic with most quotes, a film's topic.
string topAuthor, midAuthor, bigTopic;
using (var db = new ArchiveDbContext(options))
{
    topAuthor = await db.Authors.OrderByDescending(a => a.QuoteCount).ThenBy(a => a.Slug).Select(a => a.Slug).FirstAsync();
    var authors = await db.Authors.CountAsync();
    midAuthor = await db.Authors.OrderByDescending(a => a.QuoteCount).ThenBy(a => a.Slug).Skip(authors / 2).Select(a => a.Slug).FirstAsync();
    bigTopic = await db.Quotes.GroupBy(q => q.TopicId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
        .Select(g => db.Topics.Where(t => t.Id == g.Key).Select(t => t.Slug).First()).FirstAsync();
}

var queries = Queries(topAuthor, midAuthor, bigTopic);
var rankingLimit = int.TryParse(Environment.GetEnvironmentVariable("SEARCH_RANKING_LIMIT"), out var limit) ? limit : QuoteSearch.RankingLimit;
Console.WriteLine($"search latency: {queries.Count} queries (ranking limit {rankingLimit:N0}) on {args[0]} ({new FileInfo(args[0]).Length / 1e6:N0} MB); " +
                  $"filters: author {topAuthor} (most quotes) and {midAuthor} (median), topic {bigTopic} (most quotes)");

// In-process: a warm-up pass (the page cache, the JIT), then three timed passes; each query's figure is its median,
// which keeps one hiccup of a shared machine out of the tail. SEARCH_RANKING_LIMIT tries another ranking limit.
// The common words' sets (CommonWordSets) are asked for by the first search that needs them and read behind it, as the
// web's are: the warm-up pass asks for them, and the timed passes start once they are read (it says how long that took).
// SEARCH_COMMON_WORDS=0 searches without them.
var commonWords = Environment.GetEnvironmentVariable("SEARCH_COMMON_WORDS") == "0"
    ? null : new CommonWordSets(ArchiveDbContext.ReadOnlyConnectionString(args[0]));
var warmUp = Stopwatch.StartNew();
var warmUpSlowest = queries.Select(q => (Query: q, Ms: 0.0)).ToList();
for (var i = 0; i < queries.Count; i++)
{
    var clock = Stopwatch.StartNew();
    await SearchAsync(queries[i]);
    warmUpSlowest[i] = (queries[i], clock.Elapsed.TotalMilliseconds);
}
await using (var db = new ArchiveDbContext(options))
{
    var common = await db.Database.SqlQueryRaw<long>(
        $"SELECT count(*) AS Value FROM SearchTerms WHERE Quotes >= max((SELECT max(rowid) FROM Quotes) / {CommonWordSets.Share}, 1)").SingleAsync();
    var setBytes = new RowidSet(await db.Database.SqlQueryRaw<long>("SELECT coalesce(max(rowid), 0) AS Value FROM Quotes").SingleAsync()).Bytes;
    Console.WriteLine($"common words (in 1 quote in {CommonWordSets.Share} or more): {common:N0}, {common * setBytes / 1e6:N1} MB as sets");
}
var warmUpSeconds = warmUp.Elapsed.TotalSeconds;
if (commonWords is not null)
    await commonWords.WhenReadAsync();
Console.WriteLine($"warm-up pass: {warmUpSeconds:N1} s, its sets read {warmUp.Elapsed.TotalSeconds - warmUpSeconds:N1} s after it; common words' sets kept: {commonWords?.Kept.ToString() ?? "none (SEARCH_COMMON_WORDS=0)"}; " +
                  "slowest: " + string.Join("; ", warmUpSlowest.OrderByDescending(r => r.Ms).Take(3).Select(r => $"{r.Query} {r.Ms:N1} ms")));
var passes = new List<double[]>();
var totals = new int[queries.Count];
for (var pass = 0; pass < 3; pass++)
{
    var times = new double[queries.Count];
    for (var i = 0; i < queries.Count; i++)
    {
        var clock = Stopwatch.StartNew();
        totals[i] = await SearchAsync(queries[i]);
        times[i] = clock.Elapsed.TotalMilliseconds;
    }
    passes.Add(times);
}
var inProcess = queries.Select((q, i) => (Query: q, Ms: passes.Select(p => p[i]).Order().ElementAt(1), Total: totals[i])).ToList();

// Over HTTP: a warm-up pass with another page size (so that the measured requests are not in the output cache), then
// each query once, timed to the end of the body.
List<(Query Query, double Ms, int Total)>? overHttp = null;
if (args.Length == 2)
{
    using var client = new HttpClient { BaseAddress = new Uri(args[1]), Timeout = TimeSpan.FromSeconds(30) };
    foreach (var query in queries)
        await GetAsync(client, query with { PageSize = query.PageSize + 1 });
    // The sets those searches asked for are read behind them: the timed pass starts once the app says they are
    // (/readyz, searchSetsReading), as it does in-process.
    var reading = Stopwatch.StartNew();
    while (reading.Elapsed < TimeSpan.FromMinutes(1) && (await client.GetStringAsync("/readyz")).Contains("\"searchSetsReading\":true"))
        await Task.Delay(100);
    Console.WriteLine($"over HTTP: the app's sets read {reading.Elapsed.TotalSeconds:N1} s after the warm-up pass");
    overHttp = [];
    foreach (var query in queries)
    {
        var clock = Stopwatch.StartNew();
        var total = await GetAsync(client, query);
        overHttp.Add((query, clock.Elapsed.TotalMilliseconds, total));
    }
}

Console.WriteLine();
Console.WriteLine(overHttp is null
    ? $"{"shape",-22} {"n",3} {"matches",8} | {"in-process p50",14} {"p95",7} {"max",7}"
    : $"{"shape",-22} {"n",3} {"matches",8} | {"in-process p50",14} {"p95",7} {"max",7} | {"http p50",8} {"p95",7} {"p99",7} {"max",7}");
foreach (var shape in queries.Select(q => q.Shape).Distinct())
    Row(shape, inProcess.Where(r => r.Query.Shape == shape).ToList(), overHttp?.Where(r => r.Query.Shape == shape).ToList());
Row("all", inProcess, overHttp);
Console.WriteLine();
Console.WriteLine($"in-process: p50 {P(inProcess, 50):N1} ms, p95 {P(inProcess, 95):N1} ms, p99 {P(inProcess, 99):N1} ms (target on the full archive: p95 < 20 ms)");
if (overHttp is not null)
    Console.WriteLine($"over HTTP:  p50 {P(overHttp, 50):N1} ms, p95 {P(overHttp, 95):N1} ms, p99 {P(overHttp, 99):N1} ms (target on the full archive: p99 < 50 ms)");
// Every query's figures, for a closer look: SEARCH_LATENCY_EACH=path writes them as tab-separated lines.
if (Environment.GetEnvironmentVariable("SEARCH_LATENCY_EACH") is { Length: > 0 } each)
    File.WriteAllLines(each, inProcess.Select((r, i) => $"{r.Query.Shape}\t{r.Query}\t{r.Total}\t{r.Ms:F2}" + (overHttp is null ? "" : $"\t{overHttp[i].Ms:F2}")));
Console.WriteLine("slowest in-process: " + string.Join("; ", inProcess.OrderByDescending(r => r.Ms).Take(5).Select(r => $"{r.Query} {r.Ms:N1} ms")));
return 0;

async Task<int> SearchAsync(Query query)
{
    // As the web's SearchQueries does for the page and the API: one context per request, filters by slug.
    await using var db = new ArchiveDbContext(options);
    var filter = new SearchFilter(query.Topic, query.Author, query.Status, query.Lang, query.Kind);
    var results = await QuoteSearch.RunAsync(db, SearchQuery.Parse(query.Q), filter, (query.Page - 1) * query.PageSize, query.PageSize,
        rankingLimit: rankingLimit, commonWords: commonWords);
    return results.Total;
}

static async Task<int> GetAsync(HttpClient client, Query query)
{
    using var response = await client.GetAsync(query.Url);
    response.EnsureSuccessStatusCode();
    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    return json.RootElement.GetProperty("total").GetInt32();
}

static double P(IReadOnlyList<(Query, double Ms, int)> rows, int percentile)
{
    // Nearest rank.
    var sorted = rows.Select(r => r.Ms).Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

static void Row(string shape, List<(Query, double Ms, int Total)> local, List<(Query, double Ms, int Total)>? http)
{
    var matches = local.Select(r => r.Total).Order().ElementAt(local.Count / 2);
    var line = $"{shape,-22} {local.Count,3} {matches,8} | {P(local, 50),14:N1} {P(local, 95),7:N1} {local.Max(r => r.Ms),7:N1}";
    if (http is not null)
        line += $" | {P(http, 50),8:N1} {P(http, 95),7:N1} {P(http, 99),7:N1} {http.Max(r => r.Ms),7:N1}";
    Console.WriteLine(line);
}

// The 206 queries. Words are common English words (the generated corpus draws from them too), so the same list
// means something on a real archive; the rare ones are made-up name tokens and words seldom quoted.
static List<Query> Queries(string topAuthor, string midAuthor, string bigTopic)
{
    string[] common = ["love", "time", "life", "world", "heart", "truth", "peace", "war", "man", "day", "night", "god", "death", "hope", "power", "art", "the", "and", "is", "of"];
    var list = new List<Query>();
    void Add(string shape, IEnumerable<string> qs) => list.AddRange(qs.Select(q => new Query(shape, q)));
    Add("common word", common);
    Add("rare word", ["river42", "stone7", "sea13", "king99", "door5", "voice61", "winter3", "glory88", "fire20", "book77",
        "zyzzyva", "quixotic", "serendipity", "petrichor", "sesquipedalian", "defenestration", "ineffable", "halcyon", "ephemeral", "1999"]);
    Add("two words", ["love war", "time heart", "truth light", "peace mind", "soul day", "friend god", "nature power", "art death",
        "hope fear", "freedom beauty", "child mother", "word dream", "reason faith", "history music", "science money"]);
    Add("phrase", ["\"love is\"", "\"the world\"", "\"peace and war\"", "\"time is money\"", "\"of the\"", "\"in the night\"", "\"a new day\"",
        "\"truth and light\"", "\"the heart of\"", "\"great king\"", "\"old city\"", "\"dark sea\"", "\"without hope\"", "\"the people\"", "\"always never\""]);
    Add("prefix 3+ letters", ["lov*", "wis*", "tru*", "bea*", "fre*", "philos*", "hist*", "mem*", "sil*", "jus*", "dre*", "gen*", "str*", "mor*", "eve*"]);
    Add("prefix 2 letters", ["lo*", "wa*", "ti*", "he*", "pe*", "tr*", "mo*", "wi*", "st*", "be*", "fa*", "gr*", "ri*", "so*", "da*"]);
    Add("prefix 1 letter", ["a*", "b*", "c*", "d*", "e*", "f*", "g*", "h*", "l*", "m*", "p*", "s*", "t*", "w*", "r*"]);
    Add("exclusion", ["love -war", "time -life", "peace -war -death", "truth -lie", "god -death", "heart -mind", "the -and", "light -dark",
        "world -people", "hope -fear", "art -science", "night -day", "king -queen", "mother -father", "lo* -love"]);
    Add("exclusion only", ["-love", "-war", "-the", "-\"cold war\"", "-a*"]);
    Add("many terms", [
        "love time life world heart truth", "the and is of a to in on", "peace war man day night god death hope",
        "love is the only thing that we can carry with us when we go", "power art the and is of love time life world heart truth peace war man day",
        "freedom beauty child mother father word dream reason faith history music science money justice silence glory",
        string.Join(' ', common.Concat(common.Select(w => w + "s"))), "lo* ti* li* wo* he* tr* pe* wa*", "a* b* c* d* e* f* g* h*",
        "\"love is\" \"the world\" \"in the\" \"of the\" war -peace", "wisdom river city stone fire sea earth sky king people memory story",
        "the the the the the the the the the the", "great small old new true false dark bright quiet loud strong weak",
        "always never often seldom every great small old new true false dark bright quiet loud strong weak gentle cruel wise foolish simple strange",
        "is are was were has have makes gives takes finds keeps loses knows loves fears seeks holds"]);
    Add("OR and operators", ["love OR war", "love | war", "love AND war", "NEAR(love war)", "love NOT war", "title:love", "^love", "love + war", "(love war)", "love~war"]);
    list.AddRange(common.Take(5).Select(w => new Query("filter: author", w, Author: topAuthor))
        .Append(new Query("filter: author", "the", Author: midAuthor)).Append(new Query("filter: author", "a*", Author: topAuthor))
        // Two common words (since 2026-12-04, when the generated dump's attributions first named authors).
        .Append(new Query("filter: author", "love heart", Author: topAuthor)).Append(new Query("filter: author", "love heart", Author: midAuthor)));
    list.AddRange(new[] { "love", "war", "the", "lo*" }.Select(w => new Query("filter: topic", w, Topic: bigTopic)));
    // Words that few quotes hold together, within one topic or author: each of its quotes asked of the index by rowid
    // would cost a walk of the words' entries.
    list.AddRange(new[] { "\"peace and war\"", "great small old new true false dark bright quiet loud strong weak" }
        .SelectMany(q => new[] { new Query("filter: few matches", q, Topic: bigTopic), new Query("filter: few matches", q, Author: topAuthor) }));
    list.AddRange(new[] { "love", "the", "t*" }.Select(w => new Query("filter: status", w, Status: "disputed")));
    list.AddRange(new[] { "love", "the", "wa*" }.Select(w => new Query("filter: lang, kind", w, Lang: "en", Kind: "Film")));
    list.AddRange(new[] { "peace", "heart", "w*" }.Select(w => new Query("filter: lang, kind", w, Lang: "en", Kind: "Person")));
    list.AddRange(new (string, int, int)[] { ("love", 50, 20), ("the", 1000, 100), ("time", 200, 100), ("lo*", 100, 100), ("peace", 10, 100),
        ("a*", 500, 20), ("war -peace", 300, 20), ("\"of the\"", 100, 50), ("god", 999, 100), ("man", 2, 20) }
        .Select(p => new Query("deep page", p.Item1, Page: p.Item2, PageSize: p.Item3)));
    Add("other scripts", ["α*", "αβ*", "ж*", "жи*", "क*", "कख*", "ا*", "אב*", "ωψχ", "любовь"]);
    return list;
}

sealed record Query(string Shape, string Q, string? Author = null, string? Topic = null, string? Status = null, string? Lang = null,
    string? Kind = null, int Page = 1, int PageSize = 20)
{
    public string Url => "/api/search?q=" + Uri.EscapeDataString(Q) + Param("author", Author) + Param("topic", Topic) + Param("status", Status)
        + Param("lang", Lang) + Param("kind", Kind) + $"&page={Page}&pageSize={PageSize}".Replace("&page=1&", "&", StringComparison.Ordinal);

    private static string Param(string name, string? value) => value is null ? "" : $"&{name}={Uri.EscapeDataString(value)}";

    public override string ToString() => Q + (Author ?? Topic ?? Status ?? Kind) switch { null => "", var f => $" [{f}]" } + (Page > 1 ? $" page {Page}" : "");
}
