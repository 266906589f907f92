using QuoteArchive.Importer.Exports;
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
    public IEnumerable<ParsedPage> Read(string contentFolder)
    {
        foreach (var path in ArchiveBuilder.ContentFiles(contentFolder))
        {
            var relative = Path.GetRelativePath(contentFolder, path).Replace('\\', '/');
            var pages = Path.GetExtension(path).Equals(".xml", StringComparison.OrdinalIgnoreCase)
                ? ReadExport(path, relative)
                : ReadPageFile(path, relative);
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
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            fileDiagnostics.Add(new(new(relative, 1), Severity.Error, $"cannot read the file: {ex.Message}"));
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
        var file = new ContentFile(relative, language, page.Text.Replace("\r\n", "\n").Replace('\r', '\n'));
        var topic = WikitextPageParser.Parse(file, page.Title, pageOptions, diagnostics, page.TextLine);
        if (topic is null)
            return null;
        if (page.RevisionId > 0)
        {
            topic.Revision = new ParsedRevision(page.PageId, page.RevisionId, page.Timestamp ?? default);
            if (page.Timestamp is { } saved)
                topic.License = WikiRevisions.LicenseAt(saved);
        }
        ContentParser.Complete(topic);
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
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new(new(relative, 1), Severity.Error, $"cannot read the file: {ex.Message}"));
            return null;
        }
        return ContentFile.Decode(relative, bytes, ContentFile.LanguageOf(relative, options.DefaultLanguage), diagnostics);
    }
}
