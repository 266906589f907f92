using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace QuoteArchive.Importer.Exports;

/// <summary>
/// Reads a MediaWiki XML export (Special:Export, the dumps; export schema 0.4 to 0.11) forward only, one page at a
/// time, so that memory holds one page however long the export. Invalid XML ends the reading with a diagnostic at
/// the line and column where it broke; the pages before it stand.
/// </summary>
public sealed class MediaWikiExportReader : IDisposable
{
    private readonly XmlReader reader;
    private readonly string relativePath;
    private bool started, finished;
    private int pagesRead;

    public MediaWikiExportReader(Stream stream, string relativePath)
    {
        this.relativePath = relativePath;
        reader = XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        });
    }

    public ExportSite Site { get; } = new();

    /// <summary>Every page of the export, in order; a broken export adds its error to <paramref name="diagnostics"/> and stops.</summary>
    public IEnumerable<ExportPage> Pages(List<Diagnostic> diagnostics)
    {
        while (TryReadPage(diagnostics, out var page))
            yield return page;
    }

    private bool TryReadPage(List<Diagnostic> diagnostics, out ExportPage page)
    {
        page = null!;
        if (finished)
            return false;
        try
        {
            if (!started)
                ReadRoot(diagnostics);
            while (!finished && reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1)
                    continue;
                if (reader.LocalName == "siteinfo")
                    ReadSiteInfo(Load());
                else if (reader.LocalName == "page" && ReadPage(Load(), diagnostics) is { } found)
                {
                    page = found;
                    pagesRead++;
                    return true;
                }
            }
        }
        catch (XmlException ex)
        {
            diagnostics.Add(new(new(relativePath, Math.Max(ex.LineNumber, 1), Math.Max(ex.LinePosition, 1)), Severity.Error,
                $"invalid XML, the export is read up to here: {ex.Message}"));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ICSharpCode.SharpZipLib.SharpZipBaseException)
        {
            // The compressed file ends early or is damaged: what was decompressed before stands.
            diagnostics.Add(new(new(relativePath, Math.Max(Line, 1), Math.Max(Column, 1)), Severity.Error,
                $"the compressed data is damaged or cut short (after {pagesRead} pages), the export is read up to here: {ex.Message}"));
        }
        finished = true;
        return false;
    }

    private void ReadRoot(List<Diagnostic> diagnostics)
    {
        started = true;
        reader.MoveToContent();
        if (reader.LocalName != "mediawiki")
        {
            diagnostics.Add(new(new(relativePath, Line, Column), Severity.Error,
                $"not a MediaWiki export: the root element is <{reader.LocalName}>, not <mediawiki>"));
            finished = true;
            return;
        }
        Site.Language = reader.GetAttribute("xml:lang");
    }

    private void ReadSiteInfo(XElement siteInfo)
    {
        Site.BaseUrl = Child(siteInfo, "base")?.Value.Trim();
        foreach (var ns in siteInfo.Elements().Where(e => e.Name.LocalName == "namespaces").Elements())
        {
            if (int.TryParse(ns.Attribute("key")?.Value, CultureInfo.InvariantCulture, out var key) && key != 0 && ns.Value.Trim().Length > 0)
                Site.Namespaces[ns.Value.Trim()] = key;
        }
    }

    private ExportPage? ReadPage(XElement page, List<Diagnostic> diagnostics)
    {
        var line = ((IXmlLineInfo)page).LineNumber;
        var title = Child(page, "title")?.Value.Trim();
        if (string.IsNullOrEmpty(title))
        {
            diagnostics.Add(new(new(relativePath, line), Severity.Warning, "a <page> without a <title>: skipped"));
            return null;
        }
        // Exports before 0.6 give no <ns>: the title's prefix names the namespace.
        var ns = int.TryParse(Child(page, "ns")?.Value, CultureInfo.InvariantCulture, out var n) ? n : NamespaceOf(title);
        // A page's latest revision is its last <revision> (a full-history export lists them oldest first).
        var revision = page.Elements().LastOrDefault(e => e.Name.LocalName == "revision");
        var text = revision is null ? null : Child(revision, "text");
        var textLine = text is null ? line : ((IXmlLineInfo)text).LineNumber;
        return new ExportPage(
            title,
            ns,
            long.TryParse(Child(page, "id")?.Value, CultureInfo.InvariantCulture, out var pageId) ? pageId : 0,
            revision is not null && long.TryParse(Child(revision, "id")?.Value, CultureInfo.InvariantCulture, out var revisionId) ? revisionId : 0,
            revision is not null && DateTimeOffset.TryParse(Child(revision, "timestamp")?.Value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var timestamp) ? timestamp : null,
            text?.Value ?? "",
            textLine,
            Child(page, "redirect")?.Attribute("title")?.Value);
    }

    private int NamespaceOf(string title)
    {
        var colon = title.IndexOf(':');
        return colon > 0 && Site.Namespaces.TryGetValue(title[..colon], out var key) ? key : 0;
    }

    // The reader stands on a page or siteinfo element: load just that element, keeping the export's line numbers.
    private XElement Load() => XElement.Load(reader.ReadSubtree(), LoadOptions.SetLineInfo);

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private int Line => ((IXmlLineInfo)reader).LineNumber;
    private int Column => ((IXmlLineInfo)reader).LinePosition;

    public void Dispose() => reader.Dispose();
}
