namespace QuoteArchive.Importer.Topics;

/// <summary>
/// A page that lists other pages: a disambiguation page (<c>{{disambig}}</c>, <c>{{homonymie}}</c>,
/// <c>__DISAMBIG__</c>: "<c>* [[Mercury (planet)]], the planet</c>") or an index titled "List of …" ("List of people by
/// name, A": "<c>* [[Albert Einstein]] (1879–1955), physicist</c>"). Its bullets are links, never quotes: no permalink,
/// search or random quote may show "Mercury (planet), the planet". Its sections become list sections, each bullet an item
/// (the lines under it one deeper, a reference in it a note of the section); the topic stays, a page of links only.
/// </summary>
public static class PagesOfLinks
{
    private static readonly string[] IndexTitles = ["List of ", "Lists of ", "Liste de ", "Liste des ", "Listes de ", "Liste d'", "Liste d’"];

    public static bool IsPageOfLinks(ParsedTopic topic) =>
        topic.IsDisambiguation || IndexTitles.Any(start => topic.Title.StartsWith(start, StringComparison.OrdinalIgnoreCase));

    public static void ListTheirLinks(ParsedTopic topic)
    {
        if (!IsPageOfLinks(topic))
            return;
        for (var i = 0; i < topic.Sections.Count; i++)
        {
            var section = topic.Sections[i];
            if (section.Quotes.Count == 0)
                continue;
            var items = new List<ParsedListItem>(section.Items);
            var notes = new List<ParsedParagraph>();
            foreach (var quote in section.Quotes)
            {
                items.Add(new ParsedListItem { Depth = 1, Text = quote.Text, Html = quote.Html, Line = quote.Line });
                items.AddRange(quote.Attribution.Select(a => new ParsedListItem { Depth = a.Depth + 1, Text = a.Text, Html = a.Html, Line = a.Line }));
                notes.AddRange(quote.Notes);
            }
            var sectionNotes = new List<ParsedParagraph>(section.Notes);
            ParsedParagraph.InsertInLineOrder(sectionNotes, notes.OrderBy(n => n.Line).ToList());
            topic.Sections[i] = new ParsedSection
            {
                Heading = section.Heading, Anchor = section.Anchor, Level = section.Level, IsList = true, Line = section.Line,
                Links = section.Links, Notes = sectionNotes, Items = [.. items.OrderBy(item => item.Line)],
            };
        }
    }
}
