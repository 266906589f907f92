using AngleSharp.Dom;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Pages.Topics;

namespace QuoteArchive.Web.Tests;

/// <summary>
/// A section with nothing to show (an "External links" whose links all went to the Elsewhere box) shows no heading,
/// no "Back to contents" and no entry in the contents; the archive keeps it. A heading over parts with content stays.
/// </summary>
[Collection(nameof(ArchiveApp))]
public sealed class EmptySectionTests(ArchiveApp app)
{
    [Theory]
    [InlineData("Love")]
    [InlineData("The_Half_of_It")]
    [InlineData("Cecilia_Eusepi")]
    public async Task AnEmptyExternalLinksSectionIsNeitherShownNorInTheContents(string slug)
    {
        var sections = app.Query(db => db.Sections.Where(s => s.Topic!.Slug == slug && s.Heading != null).Select(s => new
        {
            Heading = s.Heading!,
            s.Anchor,
            HasContent = s.Quotes.Any() || s.Notes.Any() || s.Items.Any() || s.Links.Any(),
        }).ToList());
        Assert.Contains(sections, s => s.Heading == "External links" && !s.HasContent);
        var page = await app.GetPageAsync("/wiki/" + slug);

        var headings = Headings(page);
        var contents = page.QuerySelectorAll("nav.toc a").Select(a => Uri.UnescapeDataString(a.GetAttribute("href")![1..])).ToList();
        Assert.DoesNotContain("External links", headings.Values);
        Assert.DoesNotContain(contents, anchor => sections.Single(s => s.Anchor == anchor).Heading == "External links");
        foreach (var section in sections.Where(s => s.HasContent))
        {
            Assert.Equal(section.Heading, headings.GetValueOrDefault(section.Anchor));
            Assert.Contains(section.Anchor, contents);
        }
        // The page's last part, before the Elsewhere box, is no heading with a way back alone.
        Assert.Contains(page.QuerySelectorAll("section.section").Last().Children, c => c.LocalName[0] != 'h' && !c.ClassList.Contains("to-contents"));
    }

    [Theory]
    // Markdown: "### Human, All Too Human (1878)" has nothing of its own, "#### Helen Zimmern translation" under it has a quote.
    [InlineData("Friedrich_Nietzsche_(selection)", "Human, All Too Human (1878)")]
    // Page text keeps no heading levels: a play's heading with nothing under it may head its scenes, which follow.
    [InlineData("Bertolt_Brecht", "La Vie de Galilée, 1938")]
    public async Task AnEmptyHeadingOverPartsWithContentStays(string slug, string heading)
    {
        var page = await app.GetPageAsync("/wiki/" + slug);

        Assert.Contains(heading, Headings(page).Values);
        Assert.Contains(heading, page.QuerySelectorAll("nav.toc a").Select(a => a.TextContent));
    }

    [Fact]
    public void OnAPageWithLevelsAnEmptySectionGoesUnlessAPartUnderItHasContent()
    {
        var outline = ShownSections.Outline(
        [
            Section("Season 1", 1), Section("Episode 1", 2, quotes: 1), Section("Episode 2", 2), Section("Scene 1", 3),
            Section("Season 2", 1), Section("Episode 1", 2),
            Section("Cast", 1, quotes: 1),
        ]);

        Assert.Equal(["Season 1 (Episode 1)", "Cast ()"],
            outline.Select(n => $"{n.Value.Heading} ({string.Join(", ", n.Children.Select(c => c.Value.Heading))})"));
    }

    [Fact]
    public void OnAPageWithoutLevelsOnlyTheEmptySectionsAfterTheLastWithContentGo()
    {
        var outline = ShownSections.Outline(
        [
            Section(null, 1), Section("A", 1, quotes: 1), Section("Q", 1), Section("R", 1, quotes: 1), Section("External links", 1),
        ]);

        Assert.Equal(["A", "Q", "R"], outline.Select(n => n.Value.Heading));
    }

    private static Dictionary<string, string> Headings(IDocument page) =>
        page.QuerySelectorAll("section.section > :is(h2, h3, h4, h5, h6)").ToDictionary(h => h.Id!, h => h.TextContent);

    private static SectionView Section(string? heading, int level, int quotes = 0) => new()
    {
        Heading = heading,
        Anchor = heading ?? "",
        Level = level,
        Links = [],
        Quotes = Enumerable.Range(0, quotes).Select(i => new QuoteView
        {
            Id = $"{heading}-{i}",
            Text = "A quote.",
            Attribution = [],
            Topic = new TopicRef { Slug = "T", Title = "T" },
            Section = new SectionRef { Heading = heading, Anchor = heading ?? "" },
        }).ToList(),
    };
}
