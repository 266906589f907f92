using Markdig.Syntax;
using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Markdown;

internal sealed partial class PageReader
{
    /// <summary>FORMAT.md: "<c>title</c> is required (else the first <c>#</c> heading, else the file name)".</summary>
    private (string Title, HeadingBlock? Heading) TitleOf(FrontMatter frontMatter, MarkdownDocument document)
    {
        var firstHeading = document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        var headingText = firstHeading?.Inline is null ? "" : InlineRenderer.PlainText(firstHeading.Inline);
        if (frontMatter["title"] is { } title)
        {
            // A page may repeat its title as a "# Title" line; that line is the title, not a section.
            return (title.Value, headingText == title.Value ? firstHeading : null);
        }
        if (headingText.Length > 0)
            return (headingText, firstHeading);

        var fromName = Path.GetFileNameWithoutExtension(file.RelativePath);
        diagnostics.Add(new(new(file.RelativePath, 1), Severity.Warning,
            $"no title in the front matter and no '#' heading: the file name '{fromName}' is the title"));
        return (fromName, null);
    }

    /// <summary>FORMAT.md: "Front matter (YAML between <c>---</c> lines) gives the topic fields".</summary>
    private ParsedTopic BuildTopic(FrontMatter frontMatter, string title)
    {
        var slug = Slugs.FromTitle(title);
        var language = file.Language;
        if (frontMatter["language"] is { } lang)
        {
            if (LanguageCodes.IsLanguageCode(lang.Value))
                language = lang.Value;
            else
                Warn(lang, $"'{lang.Value}' is not a language code such as 'en' or 'fr': the language stays '{language}'");
        }

        var sourceUrl = options.SourceUrlFor(language, slug);
        if (frontMatter["source"] is { } source)
        {
            if (LinkPolicy.IsAllowed(source.Value) && !source.Value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                sourceUrl = source.Value;
            else
                Warn(source, $"source '{source.Value}' is not an http(s) address: the source is {sourceUrl}");
        }

        var topic = new ParsedTopic
        {
            Slug = slug,
            Title = title,
            Description = frontMatter["description"]?.Value,
            Language = language,
            SourceUrl = sourceUrl,
            SourcePath = file.RelativePath,
            License = frontMatter["license"]?.Value,
            Lead = lead,
            Sections = sections,
        };
        if (frontMatter["wikipedia"] is { } wikipedia)
        {
            topic.SisterLinks.Add(new ParsedSisterLink
            {
                Project = "Wikipedia",
                Article = wikipedia.Value,
                Url = SisterProjects.UrlFor("Wikipedia", language, wikipedia.Value),
                Line = wikipedia.Line,
            });
        }
        return topic;
    }
}
