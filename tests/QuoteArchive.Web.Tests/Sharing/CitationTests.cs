using System.Text.Json;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Pages.Quotes;

namespace QuoteArchive.Web.Tests.Sharing;

/// <summary>Cite's formats, for a quote whose origin the archive knows and for one it does not.</summary>
public sealed class CitationTests
{
    private const string Permalink = "https://archive.example/q/abcdefgh";
    private static readonly DateOnly Accessed = new(2026, 3, 15);

    // Made-up names and text: what is tested is where each part lands.
    private static readonly QuoteView Known = new()
    {
        Id = "abcdefgh", Text = "A sample sentence with {braces} & 100% of $pecial_chars.", Attribution = [],
        Author = "Sample Author", Work = "A Sample Work", Year = "1887",
        Topic = new TopicRef
        {
            Slug = "Sample_Topic", Title = "Sample Topic", Language = "en", SourceUrl = "https://en.wikiquote.org/wiki/Sample_Topic",
            Revision = new RevisionView { Id = 123456, Timestamp = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), License = "CC BY-SA 4.0" },
        },
        Section = new SectionRef { Anchor = "Quotes" },
    };

    private static readonly QuoteView Unknown = Known with
    {
        Text = "An anonymous sample sentence.", Author = null, Work = null, Year = null,
        Topic = Known.Topic with { Revision = null },
    };

    [Fact]
    public void EveryFormatNamesThePermalinkTheAccessDateTheSourceAndTheRevision()
    {
        var set = Citations.For(Known, Permalink, Accessed);
        Assert.Equal(["text", "mla", "apa", "chicago", "bibtex", "csl-json"], set.Formats.Select(f => f.Format));
        Assert.Equal("2026-03-15", set.Accessed);
        Assert.All(set.Formats, f =>
        {
            Assert.Contains(Permalink, f.Text, StringComparison.Ordinal);
            Assert.Contains("Sample Author", f.Text, StringComparison.Ordinal);
            Assert.Contains("1887", f.Text, StringComparison.Ordinal);
            Assert.Contains("Sample Work", f.Text, StringComparison.Ordinal);
            Assert.Contains("oldid=123456", f.Text, StringComparison.Ordinal);
        });
        Assert.Contains("Accessed 15 Mar. 2026", Format(set, "mla"), StringComparison.Ordinal);
        Assert.Contains("Retrieved March 15, 2026", Format(set, "apa"), StringComparison.Ordinal);
        Assert.Contains("accessed March 15, 2026", Format(set, "chicago"), StringComparison.Ordinal);
        Assert.Contains("(1887)", Format(set, "apa"), StringComparison.Ordinal);
        Assert.Contains("revision 123456 of 2024-05-01", Format(set, "text"), StringComparison.Ordinal);
    }

    [Fact]
    public void BibTeXEscapesItsSpecialCharactersAndBalancesItsBraces()
    {
        var bibtex = Format(Citations.For(Known, Permalink, Accessed), "bibtex");
        Assert.StartsWith("@misc{quotearchive:abcdefgh,", bibtex, StringComparison.Ordinal);
        Assert.Contains(@"\{braces\} \& 100\% of \$pecial\_chars", bibtex, StringComparison.Ordinal);
        Assert.Contains("urldate = {2026-03-15}", bibtex, StringComparison.Ordinal);
        var depth = 0;
        for (var i = 0; i < bibtex.Length; i++)
        {
            if (bibtex[i] == '\\') { i++; continue; }
            depth += bibtex[i] switch { '{' => 1, '}' => -1, _ => 0 };
            Assert.True(depth >= 0, "a brace closes more than it opened");
        }
        Assert.Equal(0, depth);
    }

    [Fact]
    public void CslJsonIsOneItemWithItsUrlAuthorDatesAndAccessDate()
    {
        using var json = JsonDocument.Parse(Format(Citations.For(Known, Permalink, Accessed), "csl-json"));
        var item = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(Permalink, item.GetProperty("URL").GetString());
        Assert.Equal("Sample Author", item.GetProperty("author")[0].GetProperty("literal").GetString());
        Assert.Equal("A Sample Work", item.GetProperty("original-title").GetString());
        Assert.Equal(1887, item.GetProperty("original-date").GetProperty("date-parts")[0][0].GetInt32());
        Assert.Equal([2026, 3, 15], item.GetProperty("accessed").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal([2024, 5, 1], item.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()));
    }

    [Fact]
    public void AQuoteWithoutAuthorWorkOrYearIsCitedWithoutGaps()
    {
        var set = Citations.For(Unknown, Permalink, Accessed);
        Assert.All(set.Formats, f =>
        {
            Assert.Contains(Permalink, f.Text, StringComparison.Ordinal);
            Assert.Contains("2026", f.Text, StringComparison.Ordinal);
            // BibTeX escapes the underscore.
            Assert.Contains("https://en.wikiquote.org/wiki/Sample_Topic", f.Text.Replace("\\_", "_"), StringComparison.Ordinal);
            Assert.DoesNotContain("Sample Author", f.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("revision", f.Text, StringComparison.Ordinal);
            foreach (var gap in new[] { "()", "..", ", ,", " ,", "null" })
                Assert.DoesNotContain(gap, f.Text, StringComparison.Ordinal);
        });
        Assert.Contains("(n.d.)", Format(set, "apa"), StringComparison.Ordinal);
        using var csl = JsonDocument.Parse(Format(set, "csl-json"));
        Assert.False(csl.RootElement[0].TryGetProperty("author", out _));
    }

    private static string Format(CitationSet set, string format) => set.Formats.Single(f => f.Format == format).Text;
}
