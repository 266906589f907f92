using System.Globalization;
using Microsoft.Data.Sqlite;
using QuoteArchive.Storage;

namespace QuoteArchive.Importer;

/// <summary>
/// Writes topics into an archive whose schema EF Core created, with one prepared insert per table:
/// an archive the size of English Wikiquote is millions of rows, and change tracking would cost minutes.
/// </summary>
internal sealed class ArchiveWriter(SqliteConnection connection, SqliteTransaction transaction)
{
    private const int SqliteConstraint = 19;

    private readonly PreparedInsert topics = new(connection, transaction, "Topics",
        "Id", "Slug", "Title", "Description", "Language", "SourceUrl", "SourcePath", "License");
    private readonly PreparedInsert paragraphs = new(connection, transaction, "Paragraphs",
        "TopicId", "SectionId", "Position", "Text", "Html", "Line");
    private readonly PreparedInsert sections = new(connection, transaction, "Sections",
        "Id", "TopicId", "Position", "Heading", "Anchor", "Level", "IsList", "Line");
    private readonly PreparedInsert links = new(connection, transaction, "SectionLinks",
        "SectionId", "Position", "Label", "Url", "Line");
    private readonly PreparedInsert items = new(connection, transaction, "ListItems",
        "SectionId", "Position", "Depth", "Text", "Html", "Line");
    private readonly PreparedInsert quotes = new(connection, transaction, "Quotes",
        "Id", "TopicId", "SectionId", "Position", "Kind", "Status", "IsFeatured", "Text", "Html", "Author", "Work", "Year", "Line");
    private readonly PreparedInsert attribution = new(connection, transaction, "AttributionLines",
        "QuoteId", "Position", "Depth", "Text", "Html", "Line");
    private readonly PreparedInsert dialogue = new(connection, transaction, "DialogueLines",
        "QuoteId", "Position", "Speaker", "Text", "Line");
    private readonly PreparedInsert sisters = new(connection, transaction, "SisterLinks",
        "TopicId", "Position", "Project", "Article", "Url", "Line");

    private int nextTopicId = 1, nextSectionId = 1;

    /// <summary>Writes the topic; false (and nothing written) when its slug is taken.</summary>
    public bool TryAdd(Topic topic)
    {
        if (SlugExists(topic.Slug))
            return false;

        topic.Id = nextTopicId++;
        topics.Run(topic.Id, topic.Slug, topic.Title, topic.Description, topic.Language, topic.SourceUrl, topic.SourcePath, topic.License);
        foreach (var (paragraph, position) in topic.Lead.Select((p, i) => (p, i)))
            paragraphs.Run(topic.Id, null, position, paragraph.Text, paragraph.Html, paragraph.Line);
        foreach (var (link, position) in topic.SisterLinks.Select((l, i) => (l, i)))
            sisters.Run(topic.Id, position, link.Project, link.Article, link.Url, link.Line);

        foreach (var (section, sectionPosition) in topic.Sections.Select((s, i) => (s, i)))
        {
            section.Id = nextSectionId++;
            sections.Run(section.Id, topic.Id, sectionPosition, section.Heading, section.Anchor, section.Level, section.IsList, section.Line);
            foreach (var (note, position) in section.Notes.Select((n, i) => (n, i)))
                paragraphs.Run(null, section.Id, position, note.Text, note.Html, note.Line);
            foreach (var (link, position) in section.Links.Select((l, i) => (l, i)))
                links.Run(section.Id, position, link.Label, link.Url, link.Line);
            foreach (var (item, position) in section.Items.Select((it, i) => (it, i)))
                items.Run(section.Id, position, item.Depth, item.Text, item.Html, item.Line);
            foreach (var (quote, position) in section.Quotes.Select((q, i) => (q, i)))
                AddQuote(topic, section, quote, position);
        }
        return true;
    }

    public void AddDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var insert = new PreparedInsert(connection, transaction, "Diagnostics", "File", "Line", "Column", "Severity", "Message");
        foreach (var d in diagnostics)
            insert.Run(d.Position.File, d.Position.Line, d.Position.Column, d.Severity.ToString().ToLowerInvariant(), d.Message);
    }

    public void AddBuild(ArchiveBuild build) =>
        new PreparedInsert(connection, transaction, "Builds", "Id", "BuildId", "BuiltAt", "Topics", "Sections", "Quotes", "Warnings", "Errors")
            .Run(1, build.BuildId, build.BuiltAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
                build.Topics, build.Sections, build.Quotes, build.Warnings, build.Errors);

    private void AddQuote(Topic topic, Section section, Quote quote, int position)
    {
        quote.TopicId = topic.Id;
        quote.SectionId = section.Id;
        // FORMAT.md: ids are "lengthened only where two quotes would collide"; the primary key finds the collision.
        for (var length = quote.Id.Length; ; length += 2)
        {
            try
            {
                quotes.Run(quote.Id, topic.Id, section.Id, position, quote.Kind.ToString(), quote.Status.ToString(), quote.IsFeatured,
                    quote.Text, quote.Html, quote.Author, quote.Work, quote.Year, quote.Line);
                break;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint && length < QuoteIds.MaxLength)
            {
                quote.Id = QuoteIds.Create(topic.Slug, quote.Text, length: length + 2);
            }
        }
        foreach (var (line, linePosition) in quote.Attribution.Select((a, i) => (a, i)))
            attribution.Run(quote.Id, linePosition, line.Depth, line.Text, line.Html, line.Line);
        foreach (var (line, linePosition) in quote.DialogueLines.Select((d, i) => (d, i)))
            dialogue.Run(quote.Id, linePosition, line.Speaker, line.Text, line.Line);
    }

    private bool SlugExists(string slug)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1 FROM Topics WHERE Slug = $slug";
        command.Parameters.AddWithValue("$slug", slug);
        return command.ExecuteScalar() is not null;
    }
}

/// <summary>An INSERT prepared once and run with new values for each row.</summary>
internal sealed class PreparedInsert
{
    private readonly SqliteCommand command;

    public PreparedInsert(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Length; i++)
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        command.Prepare();
    }

    public void Run(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }
}
