using System.Text;

namespace QuoteArchive.Bench.Corpus;

public enum TopicFormat { PageText, Wikitext }

/// <summary>Writes generated topics as content files: page text (<c>*.txt</c>, shared/FORMAT.md) or wikitext (<c>*.wiki</c>).</summary>
public static class TopicFiles
{
    /// <summary>Every page text says so where a reader sees it: as the topic's description.</summary>
    public const string PageTextMark = "Generated benchmark text, not quotations";
    public const string WikitextMark = "<!-- GENERATED BENCHMARK TEXT: random words, not quotations. Never put it in content/. -->";

    public static string Extension(TopicFormat format) => format == TopicFormat.PageText ? ".txt" : ".wiki";

    /// <summary>Writes <paramref name="count"/> topics into <paramref name="folder"/>; returns their quotes. The bytes depend only on the arguments.</summary>
    public static int Write(string folder, int count, int seed, TopicFormat format)
    {
        Directory.CreateDirectory(folder);
        var quotes = 0;
        foreach (var topic in TopicGenerator.Generate(count, seed))
        {
            var text = format == TopicFormat.PageText ? PageText(topic) : Wikitext(topic);
            File.WriteAllText(Path.Combine(folder, topic.Title + Extension(format)), text, new UTF8Encoding(false));
            quotes += topic.QuoteCount;
        }
        return quotes;
    }

    public static string PageText(GeneratedTopic topic)
    {
        var page = new StringBuilder();
        page.Append($"{topic.Title}\n\n{PageTextMark}\n\n{topic.Lead}\n");
        if (topic.Featured is { } featured)
            page.Append($"\n{featured.Text} ~ {featured.Author}\n");
        foreach (var section in topic.Sections)
        {
            if (section.Heading is not null)
                page.Append($"\n{section.Heading}\n");
            var bullets = false;
            foreach (var item in section.Items)
            {
                switch (item)
                {
                    case BulletQuote quote:
                        // A blank line before the first bullet of a run; bullets follow each other, as in the samples.
                        page.Append(bullets ? "" : "\n").Append("  • ").Append(string.Join("\n    ", quote.Lines)).Append('\n');
                        foreach (var (depth, line) in quote.Attribution)
                            page.Append(' ', depth * 2).Append("• ").Append(line).Append('\n');
                        break;
                    case ListItem listItem:
                        page.Append(bullets ? "" : "\n").Append($"  • {listItem.Link}{listItem.After}\n");
                        break;
                    case Caption caption:
                        page.Append($"\n{caption.Text} ~ {caption.Author}\n");
                        break;
                    case Dialogue dialogue:
                        page.Append('\n');
                        foreach (var (speaker, line) in dialogue.Lines)
                            page.Append($"{speaker}: {line}\n");
                        break;
                }
                bullets = item is BulletQuote or ListItem;
            }
            if (section.WikipediaBox)
                page.Append("Wikipedia has an article about:\n");
        }
        return page.ToString();
    }

    public static string Wikitext(GeneratedTopic topic)
    {
        var page = new StringBuilder();
        page.Append($"{WikitextMark}\n'''{topic.Title}'''{topic.Lead[topic.Title.Length..]}\n");
        var images = 0;
        if (topic.Featured is { } featured)
            page.Append($"[[File:Generated {++images}.jpg|thumb|right|{featured.Text} ~ [[{featured.Author}]] ]]\n");
        foreach (var section in topic.Sections)
        {
            if (section.Heading is not null)
                page.Append(section.IsSubheading ? $"\n=== {section.Heading} ===\n" : $"\n== {section.Heading} ==\n");
            foreach (var item in section.Items)
            {
                switch (item)
                {
                    case BulletQuote quote:
                        page.Append("* ").Append(string.Join("<br />", quote.Lines)).Append('\n');
                        foreach (var (depth, line) in quote.Attribution)
                            page.Append('*', depth).Append(' ').Append(line).Append('\n');
                        break;
                    case ListItem { After: null } listItem:
                        page.Append($"* [[{listItem.Link}]]\n");
                        break;
                    case ListItem castMember:
                        page.Append($"* [[w:{castMember.Link}|{castMember.Link}]]{castMember.After}\n");
                        break;
                    case Caption caption:
                        page.Append($"[[File:Generated {++images}.jpg|thumb|right|{caption.Text} ~ [[{caption.Author}]] ]]\n");
                        break;
                    case Dialogue dialogue:
                        foreach (var (speaker, line) in dialogue.Lines)
                            page.Append($":'''{speaker}''': {line}\n");
                        page.Append("----\n");
                        break;
                }
            }
            if (section.WikipediaBox)
                page.Append("{{Wikipedia}}\n");
        }
        page.Append('\n');
        foreach (var category in topic.Categories)
            page.Append($"[[Category:{category}]]\n");
        return page.ToString();
    }
}
