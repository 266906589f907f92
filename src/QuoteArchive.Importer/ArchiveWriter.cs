using System.Globalization;
using Microsoft.Data.Sqlite;
using QuoteArchive.Importer.Files;
using QuoteArchive.Importer.Topics;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

/// <summary>
/// Writes topics into an archive with the schema of EF Core's model, with one prepared insert per table:
/// an archive the size of English Wikiquote is millions of rows, and change tracking would cost minutes.
/// </summary>
internal sealed class ArchiveWriter(SqliteConnection connection, ImportOptions options, BackgroundSearchIndex? search = null) : IDisposable
{
    private readonly PreparedInsert topics = new(connection, "Topics",
        "Id", "Slug", "Title", "SortKey", "Letter", "Description", "Language", "SourceUrl", "SourcePath", "License", "Kind", "PageId", "RevisionId", "RevisionTimestamp");
    private readonly PreparedInsert categories = new(connection, "Categories", "TopicId", "Position", "Name", "Slug");
    private readonly PreparedInsert languageLinks = new(connection, "LanguageLinks", "TopicId", "Position", "Language", "Title");
    private readonly PreparedInsert notes = new(connection, "QuoteNotes", "QuoteId", "Position", "Text", "Html", "Line");
    private readonly PreparedInsert paragraphs = new(connection, "Paragraphs",
        "TopicId", "SectionId", "Position", "Text", "Html", "Line");
    private readonly PreparedInsert sections = new(connection, "Sections",
        "Id", "TopicId", "Position", "Heading", "Anchor", "Level", "IsList", "Line");
    private readonly PreparedInsert links = new(connection, "SectionLinks",
        "SectionId", "Position", "Label", "Url", "Line");
    private readonly PreparedInsert items = new(connection, "ListItems",
        "SectionId", "Position", "Depth", "Text", "Html", "Line");
    private readonly PreparedInsert quotes = new(connection, "Quotes",
        "Id", "TopicId", "SectionId", "Position", "Kind", "Status", "IsFeatured", "Text", "Html", "Author", "Work", "Year", "AuthorId", "Line");
    private readonly PreparedInsert attribution = new(connection, "AttributionLines",
        "QuoteId", "Position", "Depth", "Text", "Html", "Line");
    private readonly PreparedInsert dialogue = new(connection, "DialogueLines",
        "QuoteId", "Position", "Speaker", "PlayedBy", "Text", "Line");
    private readonly PreparedInsert sisters = new(connection, "SisterLinks",
        "TopicId", "Position", "Project", "Article", "Url", "Line");
    private readonly PreparedInsert manifest = new(connection, "Manifest", "Path", "Size", "LastWriteUtc");
    private readonly PreparedInsert idHistory = new(connection, "QuoteIdHistory", "OldId", "NewId", "TopicSlug", "TopicTitle");

    // How EF Core's SQLite provider stores a DateTimeOffset and a DateTime, so that queries read what is written here.
    private const string Timestamp = "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz";
    private const string DateTimeText = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private readonly Dictionary<string, int> topicIds = new(StringComparer.Ordinal);
    private int nextTopicId = 1, nextSectionId = 1;

    private readonly List<RowWithDeferredLinks> rowsWithDeferredLinks = [];

    /// <summary>The rows written so far whose HTML holds links to topics not written before them, in order.</summary>
    public IReadOnlyList<RowWithDeferredLinks> RowsWithDeferredLinks => rowsWithDeferredLinks;

    /// <summary>The slugs of the topics written so far.</summary>
    public IEnumerable<string> TopicSlugs => topicIds.Keys;

    public bool HasTopic(string slug) => topicIds.ContainsKey(slug);

    /// <summary>The person pages written so far: the author index starts with them.</summary>
    public PersonAuthors Persons { get; } = new();

    /// <summary>The quotes written without an author or a person but with a name their page could not confirm, by row.</summary>
    public List<(long RowId, AttributionParser.Fields Fields)> Unsure { get; } = [];

    /// <summary>The id of every quote written so far.</summary>
    public WrittenQuoteIds WrittenIds { get; } = new();

    /// <summary>The author each quote was written with: the author index starts from them.</summary>
    public WrittenAuthors Authors { get; } = new();

    /// <summary>Which attribution lines each quote was written with.</summary>
    public AttributionRows AttributionRows { get; } = new();

    private PreparedInsert[] All => [topics, categories, languageLinks, paragraphs, sections, links, items, quotes, attribution, dialogue, notes, sisters, manifest, idHistory];

    /// <summary>Every column each table's insert writes, by table: a test holds them against the EF model.</summary>
    public IEnumerable<(string Table, IReadOnlyList<string> Columns)> Inserts => All.Select(i => (i.Table, i.Columns));

    public void Dispose()
    {
        foreach (var insert in All)
            insert.Dispose();
    }

    /// <summary>Writes the topic; false (and nothing written) when its slug is taken.</summary>
    public bool TryAdd(ParsedTopic topic)
    {
        if (!topicIds.TryAdd(topic.Slug, nextTopicId))
            return false;

        var topicId = nextTopicId++;
        var personId = Persons.Add(topic, topicId);
        var revision = topic.Revision;
        var sortKey = SortKeys.ForTitle(topic.Title);
        topics.Run(topicId, topic.Slug, topic.Title, sortKey, SortKeys.LetterOf(sortKey), topic.Description, topic.Language, topic.SourceUrl, topic.SourcePath, topic.License,
            topic.Kind.ToString(), revision?.PageId, revision?.RevisionId, revision?.Timestamp.ToString(Timestamp, CultureInfo.InvariantCulture));
        foreach (var (category, position) in topic.Categories.Select((c, i) => (c, i)))
            categories.Run(topicId, position, category, Slugs.FromTitle(category));
        foreach (var (link, position) in topic.LanguageLinks.Select((l, i) => (l, i)))
            languageLinks.Run(topicId, position, link.Language, link.Title);
        foreach (var (paragraph, position) in topic.Lead.Select((p, i) => (p, i)))
        {
            var html = Linked(topic, Markup(paragraph.Text, paragraph.Html), out var deferred);
            paragraphs.Run(topicId, ColumnValue.Null, position, paragraph.Text, html, paragraph.Line);
            NoteDeferred(paragraphs, topic, deferred);
        }
        foreach (var (link, position) in topic.SisterLinks.Select((l, i) => (l, i)))
            sisters.Run(topicId, position, link.Project, link.Article, link.Url, link.Line);

        foreach (var (section, sectionPosition) in topic.Sections.Select((s, i) => (s, i)))
        {
            var sectionId = nextSectionId++;
            sections.Run(sectionId, topicId, sectionPosition, section.Heading, section.Anchor, section.Level, section.IsList, section.Line);
            foreach (var (note, position) in section.Notes.Select((n, i) => (n, i)))
            {
                var html = Linked(topic, Markup(note.Text, note.Html), out var deferred);
                paragraphs.Run(ColumnValue.Null, sectionId, position, note.Text, html, note.Line);
                NoteDeferred(paragraphs, topic, deferred);
            }
            foreach (var (link, position) in section.Links.Select((l, i) => (l, i)))
                links.Run(sectionId, position, link.Label, link.Url, link.Line);
            foreach (var (item, position) in section.Items.Select((it, i) => (it, i)))
            {
                var html = Linked(topic, Markup(item.Text, item.Html), out var deferred);
                items.Run(sectionId, position, item.Depth, item.Text, html, item.Line);
                NoteDeferred(items, topic, deferred);
            }
            foreach (var (quote, position) in section.Quotes.Select((q, i) => (q, i)))
                AddQuote(topic, topicId, sectionId, quote, position, PersonAuthors.AuthorOf(quote.Status, personId));
        }
        return true;
    }

    /// <summary>
    /// Writes each redirect whose target is a topic of the archive (and whose own title is none) as another title of it;
    /// reports the others and counts them as skipped, by why. A redirect to another redirect leads where that one does
    /// (the dump's double redirects, which MediaWiki leaves to its editors to mend); one to a part of its target
    /// (<c>Love#Proverbs</c>) keeps the section's anchor, its own or the first of the chain.
    /// </summary>
    /// <returns>how many were written</returns>
    public int AddRedirects(IReadOnlyList<ParsedRedirect> redirects, Action<Diagnostic> report, Action<string> skip)
    {
        using var insert = new PreparedInsert(connection, "Redirects", "Slug", "Title", "TopicId", "Anchor");
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var redirect in redirects)
            targets.TryAdd(PageSlug(redirect.Title), redirect.Target);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var redirect in redirects)
        {
            var slug = Slugs.FromTitle(redirect.Title);
            var (target, anchor) = Followed(redirect.Target, targets);
            if (topicIds.ContainsKey(slug) || !written.Add(slug))
            {
                report(new(redirect.Position, Severity.Warning, $"redirect '{redirect.Title}': a topic or another redirect has this title; skipped"));
                skip("redirect of a title taken");
            }
            else if (!topicIds.TryGetValue(target, out var topicId))
            {
                report(new(redirect.Position, Severity.Warning, $"redirect '{redirect.Title}' names '{redirect.Target}', which is no topic of this archive; skipped"));
                skip("redirect to no topic");
            }
            else
            {
                insert.Run(slug, redirect.Title, topicId, anchor);
                count++;
            }
        }
        return count;
    }

    private const int MaxRedirectChain = 5;

    // A redirect may point at a part of its target ("Love#Quotes"): the page is what it names, and MediaWiki capitalises
    // a title's first letter ([[love#Proverbs]] names Love).
    private static string PageSlug(string title) => Slugs.WithCapitalFirstLetter(Slugs.FromTitle(title.Split('#')[0]));

    /// <summary>The topic's slug a redirect's target leads to through at most <see cref="MaxRedirectChain"/> redirects, and the first section anchor on the way.</summary>
    private (string Slug, string? Anchor) Followed(string target, Dictionary<string, string> targets)
    {
        string? anchor = null;
        for (var step = 0; ; step++)
        {
            anchor ??= Anchors.OfLinkFragment(target) is { Length: > 1 } fragment ? fragment[1..] : null;
            var slug = PageSlug(target);
            if (topicIds.ContainsKey(slug) || step == MaxRedirectChain || !targets.TryGetValue(slug, out var next))
                return (slug, anchor);
            target = next;
        }
    }

    public void AddManifest(IEnumerable<ContentEntry> entries)
    {
        foreach (var entry in entries)
            manifest.Run(entry.RelativePath, entry.Size, entry.LastWriteUtc.ToString(DateTimeText, CultureInfo.InvariantCulture));
    }

    public void AddIdHistory(string oldId, string? newId, string topicSlug, string topicTitle) => idHistory.Run(oldId, newId, topicSlug, topicTitle);

    public void AddDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        using var insert = new PreparedInsert(connection, "Diagnostics", "File", "Line", "Column", "Severity", "Message");
        foreach (var d in diagnostics)
            insert.Run(d.Position.File, d.Position.Line, d.Position.Column, d.Severity.ToString().ToLowerInvariant(), d.Message);
    }

    public void AddBuild(ArchiveBuild build)
    {
        using var insert = new PreparedInsert(connection, "Builds", "Id", "BuildId", "BuiltAt", "Topics", "Sections", "Quotes", "Warnings", "Errors", "ImportOptions");
        insert.Run(1, build.BuildId, build.BuiltAt.ToString(Timestamp, CultureInfo.InvariantCulture),
            build.Topics, build.Sections, build.Quotes, build.Warnings, build.Errors, build.ImportOptions);
    }

    /// <summary>
    /// The markup stored beside a text: none when it is the text itself, as it is for most quotes of page text and
    /// wikitext (the web encodes such a text, and breaks its lines, as it would have been rendered): a second copy of
    /// every plain quote would be an eighth of the archive.
    /// </summary>
    private static string? Markup(string text, string? html) =>
        html is not null && string.Equals(html, text, StringComparison.Ordinal) && text.AsSpan().IndexOfAny(MarkupCharacters) < 0 ? null : html;

    // What the web encodes or breaks when it renders a text without markup: a text holding one keeps its own markup.
    private static readonly System.Buffers.SearchValues<char> MarkupCharacters = System.Buffers.SearchValues.Create("<>&\n");

    // A row's links to topics not written yet point at the wiki (InternalLinks): the rows that hold one are noted as
    // they are written, so that they are not looked for among millions of rows once every topic is.
    private string? Linked(ParsedTopic topic, string? html, out DeferredLink[]? deferred)
    {
        deferred = null;
        return html is null ? null : InternalLinks.PointAtWiki(html, topic.Language, options, HasTopic, out deferred);
    }

    private void NoteDeferred(PreparedInsert insert, ParsedTopic topic, DeferredLink[]? deferred)
    {
        if (deferred is not null)
            rowsWithDeferredLinks.Add(new(insert.Table, insert.LastRowId, topic.Language, deferred));
    }

    private void AddQuote(ParsedTopic topic, int topicId, int sectionId, ParsedQuote quote, int position, int? authorId)
    {
        // FORMAT.md: ids are "lengthened only where two quotes would collide". The longer id is more of the same hash
        // of the quote's own topic, text and occurrence, so it does not depend on any other quote.
        var id = quote.Id;
        var quoteHtml = Linked(topic, Markup(quote.Text, quote.Html), out var quoteDeferred);
        for (var length = id.Length; !WrittenIds.Add(id); length += 2)
        {
            if (length >= QuoteIds.MaxLength)
                throw new InvalidOperationException($"quote id {quote.Id} collides at every length: the hash is broken");
            id = QuoteIds.Create(topic.Slug, quote.Text, quote.Occurrence, length + 2);
        }
        quotes.Run(id, topicId, sectionId, position, (int)quote.Kind, (int)quote.Status, quote.IsFeatured,
            quote.Text, quoteHtml, quote.Author, quote.Work, quote.Year, authorId, quote.Line);
        var quoteRowId = quotes.LastRowId;
        NoteDeferred(quotes, topic, quoteDeferred);
        Authors.Add(quoteRowId, quote.Author, authorId);
        // A quote on a person's page is by the person, whatever name its line gives.
        if (authorId is null && quote is { Author: null, UnsureFields: { } unsure })
            Unsure.Add((quoteRowId, unsure));
        search?.Add(quoteRowId, quote.Text, quote.Attribution, SearchAuthors.Of(quote.Author, authorId, topic.Title), topic.Title);
        foreach (var (line, linePosition) in quote.Attribution.Select((a, i) => (a, i)))
        {
            var html = Linked(topic, Markup(line.Text, line.Html), out var deferred);
            attribution.Run(id, linePosition, line.Depth, line.Text, html, line.Line);
            AttributionRows.LineWritten(attribution.LastRowId);
            NoteDeferred(attribution, topic, deferred);
        }
        AttributionRows.QuoteWritten(quoteRowId);
        foreach (var (line, linePosition) in quote.DialogueLines.Select((d, i) => (d, i)))
            dialogue.Run(id, linePosition, line.Speaker, line.PlayedBy, line.Text, line.Line);
        foreach (var (note, notePosition) in quote.Notes.Select((n, i) => (n, i)))
        {
            var html = Linked(topic, Markup(note.Text, note.Html), out var deferred);
            notes.Run(id, notePosition, note.Text, html, note.Line);
            NoteDeferred(notes, topic, deferred);
        }
    }
}
