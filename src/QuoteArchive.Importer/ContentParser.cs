using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer;

/// <summary>Chooses the parser for a content file by its extension, and completes what every format's topic shares.</summary>
public static class ContentParser
{
    /// <summary>The topic of the file, or null when an error (in <paramref name="diagnostics"/>) makes it unusable.</summary>
    public static ParsedTopic? Parse(ContentFile file, ImportOptions options, List<Diagnostic> diagnostics)
    {
        var topic = Path.GetExtension(file.RelativePath).ToLowerInvariant() switch
        {
            ".md" => MarkdownPageParser.Parse(file, options, diagnostics),
            // A page's wikitext as in the edit box: its title is the file name (content/Mark Twain.wiki).
            ".wiki" => WikitextPageParser.Parse(file, Path.GetFileNameWithoutExtension(file.RelativePath), options, diagnostics),
            _ => PageTextParser.Parse(file, options, diagnostics),
        };
        if (topic is not null)
            Complete(topic);
        return topic;
    }

    /// <summary>The rules that follow from a parsed topic whatever its format: who plays whom, what kind of page it is.</summary>
    public static void Complete(ParsedTopic topic)
    {
        CastList.Apply(topic);
        topic.Kind = TopicKinds.Of(topic);
    }
}
