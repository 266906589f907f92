using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

/// <summary>Samples/README.md "What to assert", over every sample page and the seed.</summary>
public sealed class SampleTests
{
    public static TheoryData<string> Samples => SampleSpec.Names();

    [Theory, MemberData(nameof(Samples))]
    public void EveryExpectedHeadingStartsASectionInOrder(string name)
    {
        var spec = SampleSpec.Load(name);
        var (topic, _) = spec.Import();
        HeadingSections(spec, topic);
    }

    [Theory, MemberData(nameof(Samples))]
    public void EveryExpectedQuoteIsImportedUnderItsHeadingWithItsAttribution(string name)
    {
        var spec = SampleSpec.Load(name);
        var (topic, _) = spec.Import();
        var failures = Differences(spec, topic);
        Assert.True(failures.Count == 0, $"{name}: {failures.Count} differences\n  " + string.Join("\n  ", failures));
    }

    [Theory, MemberData(nameof(Samples))]
    public void NoOtherLineBecomesAQuote(string name)
    {
        // A line the page shows as no quote (a source line under a quote written as a paragraph, a list item) is none
        // here either: each expected heading's sections hold its quotes and no more.
        var spec = SampleSpec.Load(name);
        var (topic, _) = spec.Import();
        var starts = HeadingSections(spec, topic);
        for (var k = 0; k < spec.Sections.Count; k++)
        {
            var from = k == 0 ? 0 : starts[k - 1];
            var to = k < starts.Count ? starts[k] : topic.Sections.Count;
            var found = topic.Sections.Take(to).Skip(from).SelectMany(s => s.Quotes).Select(q => SampleText.Collapse(q.Text)).ToList();
            var expected = spec.Sections[k].Quotes.Select(q => q.First40).Concat(spec.Sections[k].Captions)
                .Concat(spec.Featured is var (featured, _) ? [featured] : []).ToList();
            // A caption's 40 characters run on past a short quote into its "~ author".
            var extra = found.Where(text => !expected.Any(first40 => text.StartsWith(first40, StringComparison.Ordinal)
                                                                     || (text + " ~ ").StartsWith(first40, StringComparison.Ordinal)
                                                                     || first40.StartsWith(text + " ~ ", StringComparison.Ordinal))).ToList();
            Assert.True(extra.Count == 0, $"{name}, under '{spec.Sections[k].Heading ?? "(lead)"}': {string.Join(" | ", extra)}");
        }
    }

    /// <summary>README "What to assert" for quotes and list items: what differs between the expected structure and the topic.</summary>
    internal static List<string> Differences(SampleSpec spec, ParsedTopic topic)
    {
        var starts = HeadingSections(spec, topic);
        var used = new HashSet<ParsedQuote>(ReferenceEqualityComparer.Instance);
        var failures = new List<string>();
        Assert.Equal(spec.Headings, spec.Sections.Skip(1).Select(s => s.Heading!));

        for (var k = 0; k < spec.Sections.Count; k++)
        {
            var expected = spec.Sections[k];
            // README: a renderer "may show bold pseudo-headings as bare lines too": the sections an importer finds
            // between one expected heading and the next all stand under the first.
            var from = k == 0 ? 0 : starts[k - 1];
            var to = k < starts.Count ? starts[k] : topic.Sections.Count;
            var under = topic.Sections.Take(to).Skip(from).ToList();
            foreach (var quote in expected.Quotes)
            {
                // The same text can stand twice (an image caption repeats a quote): the one with the expected attribution wins.
                var candidates = under.SelectMany(s => s.Quotes)
                    .Where(q => !used.Contains(q) && SampleText.Collapse(q.Text).StartsWith(quote.First40, StringComparison.Ordinal)).ToList();
                var found = candidates.FirstOrDefault(q => q.Attribution.Select(a => (a.Depth, SampleText.Collapse(a.Text))).SequenceEqual(quote.Attribution))
                            ?? candidates.FirstOrDefault();
                if (found is null)
                {
                    failures.Add($"quote '{quote.First40}' expected under '{expected.Heading ?? "(lead)"}'; found: {WhereIs(topic, quote.First40)}");
                    continue;
                }
                used.Add(found);
                var attribution = found.Attribution.Select(a => (a.Depth, SampleText.Collapse(a.Text))).ToList();
                if (!attribution.SequenceEqual(quote.Attribution))
                    failures.Add($"quote '{quote.First40}': attribution expected\n      {Show(quote.Attribution)}\n    found\n      {Show(attribution)}");
                if (quote.Kind == "dialogue")
                {
                    var lines = found.DialogueLines.Select(d => SampleText.Collapse($"{d.Speaker}: {d.Text}")).ToList();
                    if (found.Kind != QuoteKind.Dialogue || lines.Count != quote.Lines.Count
                        || lines.Zip(quote.Lines).Any(pair => !pair.First.StartsWith(pair.Second, StringComparison.Ordinal)))
                        failures.Add($"dialogue '{quote.First40}': lines expected\n      {string.Join("\n      ", quote.Lines)}\n    found ({found.Kind})\n      {string.Join("\n      ", lines)}");
                }
            }
            // README: "non-quote items are not imported as quotes": they are items of a list section.
            if (!expected.QuoteSection)
                foreach (var item in expected.OtherItems.Select(SampleText.Collapse))
                {
                    // other_items texts are cut to 40 characters.
                    if (topic.Sections.SelectMany(s => s.Quotes).Any(q => SampleText.Collapse(q.Text).StartsWith(item, StringComparison.Ordinal)))
                        failures.Add($"list item '{item}' of '{expected.Heading}' was imported as a quote");
                    if (!topic.Sections.Where(s => s.IsList).SelectMany(s => s.Items).Any(i => SampleText.Collapse(i.Text).StartsWith(item, StringComparison.Ordinal)))
                        failures.Add($"list item '{item}' of '{expected.Heading}' is not an item of a list section");
                }
        }
        return failures;
    }

    [Theory, MemberData(nameof(Samples))]
    public void TitleDescriptionFeaturedQuoteLinksAndSisterLinksAreAsExpected(string name)
    {
        var spec = SampleSpec.Load(name);
        var (topic, _) = spec.Import();
        var starts = HeadingSections(spec, topic);

        Assert.Equal((spec.Title, spec.Description, spec.Language), (topic.Title, topic.Description, topic.Language));
        if (spec.Featured is var (first40, attribution))
        {
            var featured = Assert.Single(topic.Sections.SelectMany(s => s.Quotes), q => q.IsFeatured);
            Assert.StartsWith(first40, SampleText.Collapse(featured.Text), StringComparison.Ordinal);
            Assert.Equal(attribution, Assert.Single(featured.Attribution).Text);
        }
        if (spec.SisterLinks is not null)
            Assert.Equal(spec.SisterLinks, topic.SisterLinks.Select(l => (l.Project, l.Article)));
        for (var k = 1; k < spec.Sections.Count; k++)
            if (spec.Sections[k].Links is { } labels)
                Assert.Equal(labels, topic.Sections[starts[k - 1]].Links.Select(l => l.Label));
    }

    /// <summary>Where each expected heading starts a section, in order; fails with the headings found.</summary>
    internal static List<int> HeadingSections(SampleSpec spec, ParsedTopic topic)
    {
        var found = topic.Sections.Select(s => s.Heading is null ? null : SampleText.Collapse(s.Heading)).ToList();
        var starts = new List<int>();
        var at = 0;
        foreach (var heading in spec.Headings)
        {
            var index = found.FindIndex(at, h => h == SampleText.Collapse(heading));
            Assert.True(index >= 0,
                $"{spec.Name}: heading '{heading}' expected after section {at}; sections found:\n  {string.Join("\n  ", found.Select((h, i) => $"{i}: {h ?? "(unnamed)"}"))}");
            starts.Add(index);
            at = index + 1;
        }
        return starts;
    }

    private static string WhereIs(ParsedTopic topic, string first40)
    {
        bool Match(string text) => SampleText.Collapse(text).StartsWith(first40, StringComparison.Ordinal);
        foreach (var section in topic.Sections)
        {
            var heading = section.Heading ?? "(unnamed)";
            if (section.Quotes.Any(q => Match(q.Text)))
                return $"a quote under '{heading}'";
            if (section.Quotes.SelectMany(q => q.Attribution).Any(a => Match(a.Text)))
                return $"an attribution line under '{heading}'";
            if (section.Notes.Any(n => Match(n.Text)))
                return $"a note of '{heading}'";
            if (section.Items.Any(i => Match(i.Text)))
                return $"a list item of '{heading}'";
        }
        return topic.Lead.Any(p => Match(p.Text)) ? "a lead paragraph" : "nowhere";
    }

    private static string Show(IEnumerable<(int Depth, string Text)> lines) =>
        string.Join("\n      ", lines.Select(l => $"{l.Depth}: {l.Text}").DefaultIfEmpty("(none)"));
}
