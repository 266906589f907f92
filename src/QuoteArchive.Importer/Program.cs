using QuoteArchive.Importer;

var defaults = new ImportLimits();
var usage = $$"""
    usage: QuoteArchive.Importer [options] <content-folder> <archive.db>
           QuoteArchive.Importer --check [options] <content-folder>
      Imports every .txt, .md, .wiki and .xml (MediaWiki export) file under the folder into a new archive, swapped in whole when done.
      --check                  parse and report without writing anything
      --language CODE          language of topics outside a language-code folder (default: en)
      --source-base-url URL    where page-text topics came from; {lang} stands for the topic's language
                               (default: https://{lang}.wikiquote.org/wiki/)
    limits: a file (or a page of an export) over one is reported as an error and skipped
      --max-file-size BYTES    one page file, or one page's text in an export (default: {{defaults.MaxFileBytes}}; an export streams)
      --max-line-length N      characters of one line (default: {{defaults.MaxLineLength}})
      --max-list-depth N       levels of a list, the quote being level 1 (default: {{defaults.MaxListDepth}})
      --max-front-matter-size BYTES    a Markdown page's YAML front matter (default: {{defaults.MaxFrontMatterBytes}})
      --max-front-matter-depth N       collections nested in front matter (default: {{defaults.MaxFrontMatterDepth}})
      --max-quotes-per-topic N         (default: {{defaults.MaxQuotesPerTopic}})
    exit status: 0 imported, 1 a file had an error, 2 bad usage
    """;

if (!ImporterArguments.TryParse(args, out var arguments, out var problem))
{
    Console.Error.WriteLine(problem is null ? usage : $"error: {problem}\n{usage}");
    return 2;
}
if (!Directory.Exists(arguments.ContentFolder))
{
    Console.Error.WriteLine($"{arguments.ContentFolder}: error: no such content folder");
    return 2;
}

var builder = new ArchiveBuilder(arguments.Options);
void Report(Diagnostic diagnostic) => Console.Error.WriteLine(Path.Combine(arguments.ContentFolder, diagnostic.ToString()));
var summary = arguments.ArchivePath is null
    ? builder.Check(arguments.ContentFolder, Report)
    : builder.Build(arguments.ContentFolder, arguments.ArchivePath, Report);
Console.WriteLine(arguments.ArchivePath is null ? $"checked: {summary}" : summary.ToString());
if (summary.UnknownTemplateReport() is { } unknownTemplates)
    Console.Error.WriteLine(unknownTemplates);
return summary.Errors > 0 ? 1 : 0;
