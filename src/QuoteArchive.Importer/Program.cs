using QuoteArchive.Importer;

const string Usage = """
    usage: QuoteArchive.Importer <content-folder> <archive.db>
           QuoteArchive.Importer --check <content-folder>
      Imports every .txt and .md file under the folder into a new archive, swapped in whole when done.
      --check   parse and report without writing anything
    exit status: 0 imported, 1 a file had an error, 2 bad usage
    """;

var check = args.Contains("--check");
var paths = args.Where(a => a != "--check").ToArray();
if (paths.Length != (check ? 1 : 2) || paths.Any(p => p.StartsWith("--", StringComparison.Ordinal)))
{
    Console.Error.WriteLine(Usage);
    return 2;
}
if (!Directory.Exists(paths[0]))
{
    Console.Error.WriteLine($"{paths[0]}: error: no such content folder");
    return 2;
}

var builder = new ArchiveBuilder(new ImportOptions());
void Report(Diagnostic diagnostic) => Console.Error.WriteLine(Path.Combine(paths[0], diagnostic.ToString()));
var summary = check ? builder.Check(paths[0], Report) : builder.Build(paths[0], paths[1], Report);
Console.WriteLine(check ? $"checked: {summary}" : summary.ToString());
return summary.Errors > 0 ? 1 : 0;
