using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer.Wikitext;

/// <summary>What the constructs of one page share while it is read: the topic's page-wide lists, named references, diagnostics.</summary>
internal sealed class PageContext(ContentFile file, ParsedTopic topic, List<Diagnostic> diagnostics)
{
    public ContentFile File { get; } = file;
    public ParsedTopic Topic { get; } = topic;
    public string Language => Topic.Language;

    /// <summary>MediaWiki: <c>&lt;ref name="x"&gt;text&lt;/ref&gt;</c> once, then <c>&lt;ref name="x" /&gt;</c> repeats the same text.</summary>
    public Dictionary<string, Piece> NamedRefs { get; } = new(StringComparer.Ordinal);

    private int linkNumber;

    private readonly HashSet<(string Project, string Article)> sisterLinks = [];

    /// <summary>A page may name its Wikipedia article twice (<c>{{Wikipedia}}</c> at the top and under External links): one link shows.</summary>
    public bool IsNewSisterLink(string project, string article) => sisterLinks.Add((project, Storage.Slugs.FromTitle(article)));

    /// <summary>MediaWiki numbers the external links that have no label, [1], [2] … in page order.</summary>
    public int NextLinkNumber() => ++linkNumber;

    // A page renders a piece for every line, link and template argument it holds: the sinks they render to are kept
    // for the page's next pieces, one for each level of nesting, rather than made for each (bench/README.md, "Import
    // of a dump").
    private readonly Stack<InlineSink> sinks = [];

    public InlineSink RentSink(List<RefNote> notes) => (sinks.TryPop(out var sink) ? sink : new InlineSink()).Reset(notes);

    public void ReturnSink(InlineSink sink) => sinks.Push(sink);

    public void Report(int line, int column, Severity severity, string message) =>
        diagnostics.Add(new(new(File.RelativePath, line, column), severity, message));

    public void CountUnknownTemplate(string name) =>
        Topic.UnknownTemplates[name] = Topic.UnknownTemplates.GetValueOrDefault(name) + 1;
}
