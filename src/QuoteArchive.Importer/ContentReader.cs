using System.Text;
using QuoteArchive.Importer.Exports;
using QuoteArchive.Importer.Files;
using QuoteArchive.Importer.Topics;
using QuoteArchive.Importer.Wikitext;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

/// <summary>
/// A parsed topic, with the text it came from (what the archive's build id is a hash of), in parts that stand for
/// one text with a NUL between them: a page of an export is not copied into one string with its file and title.
/// </summary>
internal sealed record ParsedPage(ParsedTopic Topic, IReadOnlyList<string> Source);

/// <summary>A redirect page: another title of the page it names.</summary>
internal sealed record ParsedRedirect(string Title, string Target, SourcePosition Position);

/// <summary>
/// Reads the files a walk of the content folder found into parsed topics: one topic per page file, one per article of
/// a MediaWiki export. Diagnostics are reported as each file is read; a file or page with an error yields nothing.
/// </summary>
internal sealed class ContentReader(ImportOptions options, Action<Diagnostic> report, ImportCounts counts)
{
    private readonly List<ParsedRedirect> redirects = [];

    /// <summary>The redirect pages read so far, in content order: other titles of topics, written once every topic is.</summary>
    public IReadOnlyList<ParsedRedirect> Redirects => redirects;

    private readonly List<string> damagedExports = [];

    /// <summary>
    /// The exports that could not be read to their end (cut short, broken XML or compression, unreadable), by path.
    /// </summary>
    public IReadOnlyList<string> DamagedExports => damagedExports;

    private long bytesDone;
    private FileStream? reading;

    /// <summary>The bytes of content read so far (of a compressed dump, the compressed bytes).</summary>
    public long BytesRead => bytesDone + (reading is { } file ? PositionOf(file) : 0);

    /// <summary>The size of every content file: known once <see cref="Read"/> has started.</summary>
    public long TotalBytes { get; private set; }

    /// <summary>The topics of the entries a walk of the content folder found; an entry it skipped is reported.</summary>
    public IEnumerable<ParsedPage> Read(IReadOnlyList<ContentEntry> entries)
    {
        TotalBytes = entries.Where(e => e.Problem is null).Sum(e => e.Size);
        foreach (var entry in entries)
        {
            if (entry.Problem is { } problem)
            {
                Keep(null, [problem]);
                continue;
            }
            var export = DumpStreams.IsExport(entry.RelativePath);
            // A page file is read whole before its topic comes out; an export as its pages come.
            if (!export)
                bytesDone += entry.Size;
            foreach (var page in export ? ReadExport(entry.FullPath, entry.RelativePath) : ReadPageFile(entry.FullPath, entry.RelativePath))
                yield return page;
            if (export)
                bytesDone += entry.Size;
            reading = null;
        }
    }

    private static long PositionOf(FileStream file)
    {
        try
        {
            return file.Position;
        }
        catch (ObjectDisposedException)
        {
            return 0;
        }
    }

    private IEnumerable<ParsedPage> ReadPageFile(string path, string relative)
    {
        var diagnostics = new List<Diagnostic>();
        var file = ReadFile(path, relative, diagnostics);
        ParsedTopic? topic = null;
        var wiki = Path.GetExtension(relative).Equals(".wiki", StringComparison.OrdinalIgnoreCase);
        if (file is not null && wiki && RedirectPage.TryParse(file.Text, out var target))
            redirects.Add(new(ContentParser.WikiTitleOf(relative), target, new(relative, 1)));
        else if (file is not null && wiki && RedirectPage.IsBroken(file.Text))
            diagnostics.Add(BrokenRedirect(new(relative, 1)));
        else if (file is not null)
            topic = ContentParser.Parse(file, options, diagnostics);
        if (Keep(topic, diagnostics))
            yield return new(topic!, [relative, file!.Text]);
    }

    private IEnumerable<ParsedPage> ReadExport(string path, string relative)
    {
        var fileDiagnostics = new List<Diagnostic>();
        Stream? stream = null;
        MediaWikiExportReader export;
        try
        {
            stream = DumpStreams.OpenRead(path, out var file);
            reading = file;
            // Reads the first bytes: a ".bz2" or ".gz" that is no such thing fails here.
            export = new MediaWikiExportReader(stream, relative);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException || DumpStreams.IsDamagedData(ex))
        {
            stream?.Dispose();
            fileDiagnostics.Add(DumpStreams.IsDamagedData(ex)
                ? new(new(relative, 1), Severity.Error, $"the file is not {DumpStreams.Describe(path)} as its name says: {ex.Message}")
                : CannotRead(relative, ex));
            damagedExports.Add(relative);
            Keep(null, fileDiagnostics);
            yield break;
        }
        using (stream)
        using (export)
        {
            // Read in order, parsed on every core, taken back in order: the archive does not depend on thread timing.
            foreach (var read in OrderedParallel.Select(export.Pages(fileDiagnostics), page => ReadExportPage(page, relative, export.Site)))
            {
                if (read.Skipped is { } why)
                    counts.Skip(why);
                if (read.Redirect is { } redirect)
                    redirects.Add(redirect);
                if (read.Topic is null && read.Diagnostics.Count == 0)
                    continue;
                if (Keep(read.Topic, read.Diagnostics))
                    yield return new(read.Topic!, [relative, read.Page.Title, read.Page.Text]);
            }
        }
        // A broken export reports where it broke.
        if (fileDiagnostics.Any(d => d.Severity == Severity.Error))
            damagedExports.Add(relative);
        Keep(null, fileDiagnostics);
    }

    /// <summary>
    /// An article of an export as a topic. Other namespaces (templates, categories, project pages), the wiki's main
    /// page and redirects are no topics: they are counted, and a redirect is kept as another title of its target.
    /// </summary>
    /// <remarks>Runs on any core: what it finds is returned, and counted by the caller in the export's order.</remarks>
    private ExportPageRead ReadExportPage(ExportPage page, string relative, ExportSite site)
    {
        var diagnostics = new List<Diagnostic>();
        if (page.Namespace != 0)
            return new(page, null, diagnostics) { Skipped = $"namespace {page.Namespace}" };
        if (page.RedirectTarget is { } target || RedirectPage.TryParse(page.Text, out target))
            return new(page, null, diagnostics) { Redirect = new(page.Title, target, new(relative, page.TextLine)) };
        if (RedirectPage.IsBroken(page.Text))
            return new(page, null, [BrokenRedirect(new(relative, page.TextLine))]) { Skipped = "broken redirect" };
        if (IsMainPage(page, site))
            return new(page, null, diagnostics) { Skipped = "main page" };
        return new(page, ParseExportPage(page, relative, site, diagnostics), diagnostics);
    }

    private static Diagnostic BrokenRedirect(SourcePosition at) =>
        new(at, Severity.Warning, "a redirect that names no page it can read ('#REDIRECT' without a [[link]]): not a topic, skipped");

    private sealed record ExportPageRead(ExportPage Page, ParsedTopic? Topic, List<Diagnostic> Diagnostics)
    {
        public string? Skipped { get; init; }
        public ParsedRedirect? Redirect { get; init; }
    }

    private ParsedTopic? ParseExportPage(ExportPage page, string relative, ExportSite site, List<Diagnostic> diagnostics)
    {
        // The language of a language-code folder, else the export's own (xml:lang), else the default.
        var language = ContentFile.LanguageOf(relative,
            site.Language is { } exportLanguage && LanguageCodes.IsLanguageCode(exportLanguage) ? exportLanguage : options.DefaultLanguage);
        var pageOptions = site.ArticleBaseUrl is { } articles ? options with { SourceBaseUrl = articles } : options;
        // An export streams whatever its size; each of its pages is held to the size of a page file.
        if (!options.Limits.TryCheckSize(Encoding.UTF8.GetByteCount(page.Text), relative, page.TextLine, diagnostics))
            return null;
        var file = new ContentFile(relative, language, page.Text.Replace("\r\n", "\n").Replace('\r', '\n'));
        var topic = ContentParser.ParseExportPage(file, page.Title, page.TextLine, pageOptions, diagnostics);
        if (topic is null)
            return null;
        if (page.RevisionId > 0)
        {
            topic.Revision = new ParsedRevision(page.PageId, page.RevisionId, page.Timestamp ?? default);
            if (page.Timestamp is { } saved)
                topic.License = WikiRevisions.LicenseAt(saved);
        }
        return topic;
    }

    /// <summary>The main page is an article by namespace, but a portal, not a topic: <c>&lt;base&gt;</c> names it.</summary>
    private static bool IsMainPage(ExportPage page, ExportSite site) =>
        site.MainPage is { } main ? string.Equals(page.Title, main, StringComparison.Ordinal) : WellKnownMainPages.Contains(page.Title);

    // For exports without <siteinfo> (Special:Export of single pages): the main pages of the English and French wikis.
    private static readonly HashSet<string> WellKnownMainPages = new(StringComparer.Ordinal) { "Main Page", "Accueil" };

    /// <summary>Reports the diagnostics; true when the topic is usable (parsed, and no error).</summary>
    private bool Keep(ParsedTopic? topic, List<Diagnostic> diagnostics)
    {
        if (topic is { UnreachedLines: > 0 })
        {
            diagnostics.Add(new(new(topic.SourcePath, 1), Severity.Warning,
                $"{topic.UnreachedLines} non-blank lines of '{topic.Title}' reached no part of the topic"));
        }
        foreach (var diagnostic in diagnostics)
            counts.Report(diagnostic, report);
        return topic is not null && diagnostics.All(d => d.Severity != Severity.Error);
    }

    private ContentFile? ReadFile(string path, string relative, List<Diagnostic> diagnostics)
    {
        byte[] bytes;
        using (var stream = Open(path, relative, diagnostics))
        {
            // The size of the file opened, not of the one listed: a file that grew in between is still held to the limit.
            if (stream is null || !options.Limits.TryCheckSize(stream.Length, relative, 1, diagnostics))
                return null;
            try
            {
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(CannotRead(relative, ex));
                return null;
            }
        }
        return ContentFile.Decode(relative, bytes, ContentFile.LanguageOf(relative, options.DefaultLanguage), diagnostics);
    }

    /// <summary>The file opened for reading; null (with that file's error) when it cannot be: the other files import.</summary>
    private static FileStream? Open(string path, string relative, List<Diagnostic> diagnostics)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(CannotRead(relative, ex));
            return null;
        }
    }

    private static Diagnostic CannotRead(string relative, Exception ex) => new(new(relative, 1), Severity.Error, $"cannot read the file: {ex.Message}");
}
