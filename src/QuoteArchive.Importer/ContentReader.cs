using System.Text;
using QuoteArchive.Importer.Exports;
using QuoteArchive.Importer.Files;
using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

/// <summary>A parsed topic, with the text it came from (what the archive's build id is a hash of).</summary>
internal sealed record ParsedPage(ParsedTopic Topic, string Source);

/// <summary>
/// Reads a content folder file by file into parsed topics: one topic per page file, one per article of a MediaWiki
/// export. Diagnostics are reported as each file is read; a file or page with an error yields nothing.
/// </summary>
internal sealed class ContentReader(ImportOptions options, Action<Diagnostic> report, ImportCounts counts)
{
    /// <summary>The topics of the entries a walk of the content folder found; an entry it skipped is reported.</summary>
    public IEnumerable<ParsedPage> Read(IEnumerable<ContentEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Problem is { } problem)
            {
                Keep(null, [problem]);
                continue;
            }
            var pages = Path.GetExtension(entry.RelativePath).Equals(".xml", StringComparison.OrdinalIgnoreCase)
                ? ReadExport(entry.FullPath, entry.RelativePath)
                : ReadPageFile(entry.FullPath, entry.RelativePath);
            foreach (var page in pages)
                yield return page;
        }
    }

    private IEnumerable<ParsedPage> ReadPageFile(string path, string relative)
    {
        var diagnostics = new List<Diagnostic>();
        var file = ReadFile(path, relative, diagnostics);
        ParsedTopic? topic = null;
        if (file is not null && Path.GetExtension(relative).Equals(".wiki", StringComparison.OrdinalIgnoreCase)
            && WikiRedirect.TryParse(file.Text, out _))
            counts.Skip("redirect");
        else if (file is not null)
            topic = ContentParser.Parse(file, options, diagnostics);
        if (Keep(topic, diagnostics))
            yield return new(topic!, relative + "\0" + file!.Text);
    }

    private IEnumerable<ParsedPage> ReadExport(string path, string relative)
    {
        var fileDiagnostics = new List<Diagnostic>();
        if (Open(path, relative, fileDiagnostics) is not { } stream)
        {
            Keep(null, fileDiagnostics);
            yield break;
        }
        using (stream)
        using (var export = new MediaWikiExportReader(stream, relative))
        {
            foreach (var page in export.Pages(fileDiagnostics))
            {
                // FORMAT of exports: articles are namespace 0; templates, categories, project pages are not topics,
                // nor is the wiki's main page, nor a redirect (it names another page).
                if (page.Namespace != 0)
                    counts.Skip($"namespace {page.Namespace}");
                else if (page.RedirectTarget is not null || WikiRedirect.TryParse(page.Text, out _))
                    counts.Skip("redirect");
                else if (IsMainPage(page, export.Site))
                    counts.Skip("main page");
                else
                {
                    var diagnostics = new List<Diagnostic>();
                    var topic = ReadExportPage(page, relative, export.Site, diagnostics);
                    if (Keep(topic, diagnostics))
                        yield return new(topic!, relative + "\0" + page.Title + "\0" + page.Text);
                }
            }
        }
        // A broken export reports where it broke; the pages before it stand.
        Keep(null, fileDiagnostics);
    }

    private ParsedTopic? ReadExportPage(ExportPage page, string relative, ExportSite site, List<Diagnostic> diagnostics)
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
