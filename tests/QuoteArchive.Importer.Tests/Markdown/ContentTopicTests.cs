using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests.Markdown;

/// <summary>
/// The hand-written Markdown topics in <c>content/</c> must be true: every quotation, attribution line, heading and
/// note is copied from a page-text file of the same folder (the real Wikiquote pages), and every link goes to the
/// Wikiquote or Wikipedia page of the topic.
/// </summary>
public sealed partial class ContentTopicTests
{
    public static TheoryData<string> Topics()
    {
        var topics = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(NothingIsLostTests.ContentFolder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                topics.Add(Path.GetRelativePath(NothingIsLostTests.ContentFolder, path));
        }
        return topics;
    }

    [Fact]
    public void ContentHasAtLeastTwoMarkdownTopics() => Assert.True(Topics().Count >= 2);

    [Theory]
    [MemberData(nameof(Topics))]
    public void MarkdownTopicImportsWithoutDiagnostics(string page)
    {
        var (topic, diagnostics) = MarkdownImport.Parse(page, File.ReadAllBytes(Path.Combine(NothingIsLostTests.ContentFolder, page)));

        Assert.Empty(diagnostics);
        Assert.NotNull(topic);
        Assert.NotNull(topic.Description);
        Assert.NotNull(topic.License);
        Assert.Single(topic.SisterLinks);
        Assert.Single(topic.Sections.SelectMany(s => s.Quotes), q => q.IsFeatured);
        Assert.Contains(topic.Sections, s => s.Level > 1);
        Assert.Contains(topic.Sections, s => s.IsList && s.Items.Count > 0);
        Assert.Contains(topic.Sections, s => s.Links.Count > 0);
        Assert.Contains(topic.Sections.SelectMany(s => s.Quotes), q => q.Attribution.Count > 0);
        Assert.Contains(topic.Lead, p => p.Html!.Contains("<em>", StringComparison.Ordinal) && p.Html.Contains("<code>", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Topics))]
    public void MarkdownTopicQuotesOnlyItsSources(string page)
    {
        var (topic, _) = MarkdownImport.Parse(page, File.ReadAllBytes(Path.Combine(NothingIsLostTests.ContentFolder, page)));
        var sources = string.Join('\n', Directory.EnumerateFiles(NothingIsLostTests.ContentFolder, "*.txt", SearchOption.AllDirectories)
            .Select(path => Collapse(Bullet().Replace(File.ReadAllText(path), ""))));

        var claims = topic!.Sections.SelectMany(s => s.Quotes).SelectMany(q => q.Attribution.Select(a => a.Text).Prepend(q.Text))
            .Concat(topic.Sections.Where(s => !s.IsList).SelectMany(s => s.Notes.Select(n => n.Text)))
            .Concat(topic.Sections.Where(s => !s.IsList).Select(s => s.Heading).OfType<string>());
        foreach (var claim in claims)
            Assert.True(sources.Contains(Collapse(claim), StringComparison.Ordinal), $"{page}: not in any page-text source: {claim}");

        var wikiquote = topic.SourceUrl;
        var wikipedia = topic.SisterLinks.Single().Url!;
        Assert.Matches("^https://en\\.wikiquote\\.org/wiki/", wikiquote);
        string[] allowed = [wikiquote, wikipedia, Uri.UnescapeDataString(wikipedia)];
        var links = topic.Sections.SelectMany(s => s.Links.Select(l => l.Url!))
            .Concat(AllHtml(topic).SelectMany(Hrefs));
        foreach (var link in links)
            Assert.True(allowed.Contains(link.Split('#')[0]), $"{page}: link to {link} is neither the topic's Wikiquote nor its Wikipedia page");
    }

    private static IEnumerable<string> AllHtml(ParsedTopic topic) =>
        topic.Lead.Select(p => p.Html)
            .Concat(topic.Sections.SelectMany(s => s.Notes.Select(n => n.Html).Concat(s.Items.Select(i => i.Html))))
            .Concat(topic.Sections.SelectMany(s => s.Quotes).SelectMany(q => q.Attribution.Select(a => a.Html).Prepend(q.Html)))
            .OfType<string>();

    private static IEnumerable<string> Hrefs(string html) =>
        new HtmlParser().ParseDocument($"<body>{html}").QuerySelectorAll("a[href]").Select(a => Uri.UnescapeDataString(a.GetAttribute("href")!));

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^\s*•\s", RegexOptions.Multiline)]
    private static partial Regex Bullet();
}
