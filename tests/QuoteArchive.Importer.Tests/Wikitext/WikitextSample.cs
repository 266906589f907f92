using System.Xml;
using System.Xml.Linq;

namespace QuoteArchive.Importer.Tests.Wikitext;

/// <summary>
/// A sample page in wikitext (<c>Samples/wikitext/</c>): a raw <c>.wiki</c> file, or the one page of a MediaWiki
/// export, whose <c>&lt;text&gt;</c> is read here (entities decoded as XML decodes them) — the export reader is not
/// this reader's business. Each has the <c>*.expected.json</c> of the same page in page text.
/// </summary>
public sealed record WikitextSample(string Expected, string FileName)
{
    /// <summary>Samples/wikitext/ of the source tree, copied apart (see the project file).</summary>
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "WikitextSamples");

    /// <summary>Samples/README.md's table: every wikitext form of a page that has an expected structure.</summary>
    public static readonly IReadOnlyList<WikitextSample> All =
    [
        new("002_friedrich-nietzsche", "Friedrich Nietzsche.wiki"),
        new("004_cecilia-eusepi", "Cecilia Eusepi.wiki"),
        new("005_love", "005_love.xml"),
        new("006_warmness", "Warmness.wiki"),
        new("008_assamese-proverbs", "Assamese proverbs.wiki"),
        new("009_the-half-of-it", "The Half of It.wiki"),
        new("013_intelligence", "013_intelligence.xml"),
        new("014_le-pacha", "014_le-pacha.xml"),
        new("015_bertolt-brecht", "015_bertolt-brecht.xml"),
    ];

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var sample in All)
            names.Add(sample.Expected);
        return names;
    }

    public static WikitextSample Named(string expected) => All.Single(s => s.Expected == expected);

    public (ParsedTopic Topic, List<Diagnostic> Diagnostics) Import()
    {
        var path = Path.Combine(Folder, FileName);
        var diagnostics = new List<Diagnostic>();
        string text, title, language;
        var firstLine = 1;
        if (FileName.EndsWith(".xml", StringComparison.Ordinal))
        {
            var document = XDocument.Load(path, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
            var export = document.Root!;
            var ns = export.Name.Namespace;
            var page = export.Element(ns + "page")!;
            var textElement = page.Descendants(ns + "text").Single();
            (text, title) = (textElement.Value, page.Element(ns + "title")!.Value);
            language = (string?)export.Attribute(XNamespace.Xml + "lang") ?? "en";
            firstLine = ((IXmlLineInfo)textElement).LineNumber;
        }
        else
        {
            (text, title) = (File.ReadAllText(path), Path.GetFileNameWithoutExtension(FileName));
            language = SampleSpec.Load(Expected).Language;
        }
        var relative = language == "en" ? FileName : $"{language}/{FileName}";
        var file = new ContentFile(relative, language, text.Replace("\r\n", "\n"));
        var topic = WikitextPageParser.Parse(file, title, new ImportOptions(), diagnostics, firstLine);
        Assert.NotNull(topic);
        return (topic, diagnostics);
    }
}
