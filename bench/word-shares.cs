#:project ../src/QuoteArchive.Storage/QuoteArchive.Storage.csproj
#:property TreatWarningsAsErrors=true
#:property PublishAot=false
// Word shares: how the words of an archive's quotes are spread, to set a generated corpus beside real pages. For each
// archive: quotes, words, distinct words, the share of all words taken by the 1st, 2nd, 5th … most common word, and
// how many words are each in more than 10 %, 4 % and 1 % of the quotes (a search for one of them reads that share of
// the index). Words as the search index splits them: letters and digits, lower case.
//   dotnet run -c Release bench/word-shares.cs -- <archive.db> [more archives]
// The real samples: import ../shared/samples/*.txt into an archive first (bench/README.md, "The corpus generator").
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

if (args.Length == 0 || args.Any(a => !File.Exists(a)))
{
    Console.Error.WriteLine("usage: dotnet run -c Release bench/word-shares.cs -- <archive.db> [more archives]");
    return 2;
}
int[] ranks = [1, 2, 5, 10, 50, 100, 1000, 10000];
Console.WriteLine($"{"archive",-40} {"quotes",9} {"words",11} {"distinct",9} | " + string.Join(" ", ranks.Select(r => $"{"#" + r,7}"))
                  + $" | {">10%",5} {">4%",5} {">1%",5}");
foreach (var path in args)
{
    using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT Text FROM Quotes";
    var words = new Dictionary<string, long>(StringComparer.Ordinal);
    var quotesHolding = new Dictionary<string, long>(StringComparer.Ordinal);
    long quotes = 0, total = 0;
    var inQuote = new HashSet<string>(StringComparer.Ordinal);
    using (var reader = command.ExecuteReader())
        while (reader.Read())
        {
            quotes++;
            inQuote.Clear();
            foreach (var word in Words(reader.GetString(0)))
            {
                total++;
                words[word] = words.GetValueOrDefault(word) + 1;
                if (inQuote.Add(word))
                    quotesHolding[word] = quotesHolding.GetValueOrDefault(word) + 1;
            }
        }
    var byCount = words.Values.OrderDescending().ToArray();
    string Share(int rank) => rank <= byCount.Length ? (100.0 * byCount[rank - 1] / total).ToString("F3", CultureInfo.InvariantCulture) + "%" : "—";
    int Above(double share) => quotesHolding.Values.Count(n => n > share * quotes);
    Console.WriteLine($"{Path.GetFileName(path),-40} {quotes,9:N0} {total,11:N0} {words.Count,9:N0} | " + string.Join(" ", ranks.Select(r => $"{Share(r),7}"))
                      + $" | {Above(0.10),5} {Above(0.04),5} {Above(0.01),5}");
}
return 0;

static IEnumerable<string> Words(string text)
{
    var word = new StringBuilder();
    foreach (var rune in (text + " ").EnumerateRunes())
    {
        if (Rune.IsLetterOrDigit(rune))
        {
            word.Append(Rune.ToLowerInvariant(rune).ToString());
            continue;
        }
        if (word.Length > 0)
            yield return word.ToString();
        word.Clear();
    }
}
