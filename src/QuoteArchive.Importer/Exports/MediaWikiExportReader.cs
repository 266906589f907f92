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
    private char[] textBuffer = new char[1 << 16];

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
                else if (reader.LocalName == "page" && ReadPage(diagnostics) is { } found)
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
        catch (Exception ex) when (ex is IOException || DumpStreams.IsDamagedData(ex))
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

    // The reader stands on a <page>: its fields are read forward only, without a tree of the page. A page's first
    // <title>, <ns>, <id> and <redirect> count, and its last <revision> (a full-history export lists them oldest first).
    private ExportPage? ReadPage(List<Diagnostic> diagnostics)
    {
        var line = Line;
        string? title = null, ns = null, pageId = null, redirectTarget = null;
        var redirect = false;
        RevisionFields? revision = null;
        foreach (var name in ChildElements())
        {
            switch (name)
            {
                case "title": title ??= ElementText(); break;
                case "ns": ns ??= ElementText(); break;
                case "id": pageId ??= ElementText(); break;
                case "redirect" when !redirect:
                    redirect = true;
                    redirectTarget = reader.GetAttribute("title");
                    break;
                case "revision": revision = ReadRevision(line); break;
            }
        }
        title = title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            diagnostics.Add(new(new(relativePath, line), Severity.Warning, "a <page> without a <title>: skipped"));
            return null;
        }
        // Exports before 0.6 give no <ns>: the title's prefix names the namespace.
        var number = int.TryParse(ns, CultureInfo.InvariantCulture, out var n) ? n : NamespaceOf(title);
        return new ExportPage(
            title,
            number,
            long.TryParse(pageId, CultureInfo.InvariantCulture, out var id) ? id : 0,
            long.TryParse(revision?.Id, CultureInfo.InvariantCulture, out var revisionId) ? revisionId : 0,
            DateTimeOffset.TryParse(revision?.Timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp)
                ? timestamp : null,
            revision?.Text ?? "",
            revision?.TextLine ?? line,
            redirectTarget);
    }

    private readonly record struct RevisionFields(string? Id, string? Timestamp, string? Text, int TextLine);

    private RevisionFields ReadRevision(int pageLine)
    {
        string? id = null, timestamp = null, text = null;
        var textLine = pageLine;
        foreach (var name in ChildElements())
        {
            switch (name)
            {
                case "id": id ??= ElementText(); break;
                case "timestamp": timestamp ??= ElementText(); break;
                case "text" when text is null:
                    textLine = Line;
                    text = ElementText();
                    break;
            }
        }
        return new(id, timestamp, text, textLine);
    }

    // The local names of the children of the element the reader stands on, each as the reader reaches it; the caller
    // may read a child's content, and the reader ends on the element's end.
    private IEnumerable<string> ChildElements()
    {
        if (reader.IsEmptyElement)
            yield break;
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
                yield return reader.LocalName;
        }
    }

    // All the text inside the element the reader stands on, as XElement.Value gives it, copied once from the
    // reader's buffer; the reader ends on the element's end.
    private string ElementText()
    {
        if (reader.IsEmptyElement)
            return "";
        var depth = reader.Depth;
        var length = 0;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
                continue;
            for (int read; (read = reader.ReadValueChunk(textBuffer, length, textBuffer.Length - length)) > 0;)
            {
                length += read;
                if (length == textBuffer.Length)
                    Array.Resize(ref textBuffer, textBuffer.Length * 2);
            }
        }
        return new string(textBuffer, 0, length);
    }

    private int NamespaceOf(string title)
    {
        var colon = title.IndexOf(':');
        return colon > 0 && Site.Namespaces.TryGetValue(title[..colon], out var key) ? key : 0;
    }

    // The reader stands on the siteinfo element: load just that element.
    private XElement Load() => XElement.Load(reader.ReadSubtree());

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private int Line => ((IXmlLineInfo)reader).LineNumber;
    private int Column => ((IXmlLineInfo)reader).LinePosition;

    public void Dispose() => reader.Dispose();
}
