using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests.Wikitext;

/// <summary>
/// "Both formats of one page agree: for each sample that exists in both forms, the quotes' texts and ids
/// are the same (ids depend on topic and text, so a site that switches from page text to wikitext keeps its
/// permalinks). Where they cannot agree (a rendering that lost a level), say why in the test." Every sample agrees:
/// levels and speakers that page text loses do not reach a quote's text, and ids depend on the text alone.
/// </summary>
public sealed class BothFormatsAgreeTests
{
    public static TheoryData<string> Samples => WikitextSample.Names();

    [Theory, MemberData(nameof(Samples))]
    public void QuotesHaveTheSameTextsAndIdsInBothFormats(string name)
    {
        var (pageText, _) = SampleSpec.Load(name).Import();
        var (wikitext, _) = WikitextSample.Named(name).Import();

        var fromPageText = Quotes(pageText);
        var fromWikitext = Quotes(wikitext);
        var onlyPageText = fromPageText.Except(fromWikitext).ToList();
        var onlyWikitext = fromWikitext.Except(fromPageText).ToList();

        Assert.Equal(pageText.Slug, wikitext.Slug);
        Assert.True(onlyPageText.Count == 0 && onlyWikitext.Count == 0,
            $"{name}: quotes only in page text:\n  {string.Join("\n  ", onlyPageText)}\nonly in wikitext:\n  {string.Join("\n  ", onlyWikitext)}");
    }

    private static HashSet<(string Id, string Text)> Quotes(ParsedTopic topic) =>
        topic.Quotes.Select(q => (q.Id, Short(QuoteIds.Normalize(q.Text)))).ToHashSet();

    private static string Short(string text) => text.Length <= 60 ? text : text[..60];
}
