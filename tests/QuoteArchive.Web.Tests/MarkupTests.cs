using Microsoft.AspNetCore.Html;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Tests;

public sealed class MarkupTests
{
    private static string Write(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void PageTextIsEncodedWithItsLineBreaksKept() =>
        Assert.Equal("Roses &amp; &lt;b&gt;violets&lt;/b&gt;<br>are blue", Write(ArchiveMarkup.Render("Roses & <b>violets</b>\nare blue", null)));

    [Fact]
    public void MarkdownHtmlMadeAtImportIsWrittenAsItIs() =>
        Assert.Equal("Roses <em>red</em>", Write(ArchiveMarkup.Render("Roses red", "Roses <em>red</em>")));

    [Fact]
    public void InlineHtmlBecomesAParagraphButABlockStaysWhole()
    {
        Assert.Equal("<p>a<br>b</p>", Write(ArchiveMarkup.RenderParagraph("a\nb", null)));
        Assert.Equal("<p>a <em>b</em></p>", Write(ArchiveMarkup.RenderParagraph("a b", "a <em>b</em>")));
        Assert.Equal("<p>a <em>b</em></p>\n", Write(ArchiveMarkup.RenderParagraph("a b", "<p>a <em>b</em></p>\n")));
    }

    [Theory]
    [InlineData("fa", "rtl")]
    [InlineData("ar", "rtl")]
    [InlineData("he", "rtl")]
    [InlineData("ur", "rtl")]
    [InlineData("yi", "rtl")]
    [InlineData("az-Arab", "rtl")]
    [InlineData("en", "ltr")]
    [InlineData("fr", "ltr")]
    [InlineData("as", "ltr")]
    [InlineData("zh-Hant", "ltr")]
    public void RightToLeftLanguagesAreWrittenRightToLeft(string language, string direction) =>
        Assert.Equal(direction, ArchiveMarkup.Direction(language));

    [Theory]
    [InlineData("https://en.wikiquote.org/wiki/Love", "https://en.wikiquote.org/w/index.php?title=Love&action=history")]
    [InlineData("https://fr.wikiquote.org/wiki/Le_Pacha", "https://fr.wikiquote.org/w/index.php?title=Le_Pacha&action=history")]
    [InlineData("https://en.wikiquote.org/wiki/China%E2%80%93Russia_relations",
        "https://en.wikiquote.org/w/index.php?title=China%E2%80%93Russia_relations&action=history")]
    [InlineData("https://example.org/statement", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("", null)]
    public void HistoryOfAWikiPageIsDerivedFromItsAddress(string source, string? history) =>
        Assert.Equal(history, WikiRevisions.HistoryUrl(source));

    [Theory]
    [InlineData("https://example.org/a", true)]
    [InlineData("mailto:someone@example.org", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,<script>", false)]
    [InlineData("/relative", false)]
    [InlineData(null, false)]
    public void OnlyWebAndMailLinksAreLinked(string? url, bool linked) =>
        Assert.Equal(linked, ArchiveMarkup.SafeUrl(url) is not null);

    [Fact]
    public void NestingFollowsTheDepthOfEachLine()
    {
        var nested = ArchiveMarkup.Nest([(1, "a"), (2, "b"), (3, "c"), (2, "d"), (1, "e")], l => l.Item1);
        Assert.Equal(["a", "e"], nested.Select(n => n.Value.Item2));
        Assert.Equal(["b", "d"], nested[0].Children.Select(n => n.Value.Item2));
        Assert.Equal("c", Assert.Single(nested[0].Children[0].Children).Value.Item2);
    }
}
