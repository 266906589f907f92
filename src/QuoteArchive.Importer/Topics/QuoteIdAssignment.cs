using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Topics;

public static class QuoteIdAssignment
{
    /// <summary>
    /// FORMAT.md: the id "depends only on the topic slug and the quote's normalised text … not on its position";
    /// a repeat of the same text in the topic is told apart by its occurrence, with a warning.
    /// Collisions with other topics' ids are the archive's to resolve: ArchiveWriter lengthens the later one.
    /// </summary>
    public static void Assign(ParsedTopic topic, List<Diagnostic> diagnostics)
    {
        var occurrences = new Dictionary<string, (int Count, int FirstLine)>(StringComparer.Ordinal);
        foreach (var quote in topic.Quotes)
        {
            var normalized = QuoteIds.Normalize(quote.Text);
            var (seen, firstLine) = occurrences.GetValueOrDefault(normalized, (0, quote.Line));
            quote.Occurrence = seen + 1;
            occurrences[normalized] = (quote.Occurrence, firstLine);
            if (quote.Occurrence > 1)
            {
                diagnostics.Add(new(new(topic.SourcePath, quote.Line), Severity.Warning,
                    $"the same quote text appears {quote.Occurrence} times in this page (first on line {firstLine})"));
            }
            quote.Id = QuoteIds.Create(topic.Slug, quote.Text, quote.Occurrence);
        }
    }
}
