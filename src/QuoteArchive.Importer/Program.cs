using System.Runtime.InteropServices;
using QuoteArchive.Importer;

var defaults = new ImportLimits();
var usage = $$"""
    usage: QuoteArchive.Importer [options] <content-folder | dump.xml | dump.xml.bz2 | dump.xml.gz> <archive.db>
           QuoteArchive.Importer --check [options] <content-folder | dump>
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
    exit status: 0 imported, 1 a file had an error or the archive could not be written, 2 bad usage (an empty folder too),
                 130 stopped (Ctrl-C, SIGTERM)
    """;

if (!ImporterArguments.TryParse(args, out var arguments, out var problem))
{
    Console.Error.WriteLine(problem is null ? usage : $"error: {problem}\n{usage}");
    return 2;
}
if (!Directory.Exists(arguments.ContentFolder) && !(File.Exists(arguments.ContentFolder) && ArchiveBuilder.ContentFiles(arguments.ContentFolder).Any()))
{
    Console.Error.WriteLine($"{arguments.ContentFolder}: error: no such content folder or dump");
    return 2;
}
// A mistyped or empty folder would otherwise replace a whole archive with an empty one.
if (Directory.Exists(arguments.ContentFolder) && !ArchiveBuilder.ContentFiles(arguments.ContentFolder).Any())
{
    Console.Error.WriteLine($"{arguments.ContentFolder}: error: no content files (.txt, .md, .wiki, .xml, .xml.bz2, .xml.gz) in this folder; nothing was written");
    return 2;
}

SqliteLibrary.Configure();

// A terminal sees one progress line, rewritten in place; a log (stderr redirected) a line every few seconds.
var interactive = !Console.IsErrorRedirected;
// Ctrl-C and SIGTERM stop the import between two pages; the temporary file goes, the previous archive stays.
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };
using var terminated = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopping.Cancel(); });
var builder = new ArchiveBuilder(arguments.Options)
{
    Stopping = stopping.Token,
    ProgressInterval = TimeSpan.FromSeconds(interactive ? 0.5 : 5),
    Progress = progress => Console.Error.Write(interactive ? $"\r{progress}\u001b[K" : $"progress: {progress}\n"),
};
// Diagnostics name files as the user does; one clears the progress line it would otherwise run into.
var root = File.Exists(arguments.ContentFolder) ? Path.GetDirectoryName(arguments.ContentFolder) ?? "" : arguments.ContentFolder;
void Report(Diagnostic diagnostic) => Console.Error.WriteLine((interactive ? "\r\u001b[K" : "") + Path.Combine(root, diagnostic.ToString()));
ImportSummary summary;
try
{
    summary = arguments.ArchivePath is null
        ? builder.Check(arguments.ContentFolder, Report)
        : builder.Build(arguments.ContentFolder, arguments.ArchivePath, Report);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine((interactive ? "\r\u001b[K" : "") + "stopped: nothing was written; the previous archive is as it was");
    return 130;
}
catch (Exception ex) when (arguments.ArchivePath is not null && ArchiveBuilder.IsWriteFailure(ex))
{
    // A folder that cannot be written to, a full disk, an archive that cannot be replaced.
    Console.Error.WriteLine((interactive ? "\r\u001b[K" : "") +
        $"{arguments.ArchivePath}: error: the archive cannot be written there ({ex.Message}); the previous archive is as it was");
    return 1;
}
if (interactive)
    Console.Error.Write("\r\u001b[K");
Console.WriteLine(arguments.ArchivePath is null ? $"checked: {summary}" : summary.ToString());
// bench/import-dump.sh asks what the garbage collector cost: its pauses stop every parsing core.
if (Environment.GetEnvironmentVariable("QUOTEARCHIVE_GC_REPORT") is "1")
    Console.Error.WriteLine($"gc: {GC.CollectionCount(0)} collections of generation 0, {GC.CollectionCount(1)} of 1, {GC.CollectionCount(2)} full; " +
        $"paused {GC.GetTotalPauseDuration().TotalSeconds:F1} s; {GC.GetTotalAllocatedBytes() / 1e9:F1} GB allocated");
if (summary.UnknownTemplateReport() is { } unknownTemplates)
    Console.Error.WriteLine(unknownTemplates);
return summary.Errors > 0 ? 1 : 0;
