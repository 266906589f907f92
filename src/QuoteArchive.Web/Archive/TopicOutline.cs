using Microsoft.Data.Sqlite;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Archive;

/// <summary>
/// Everything of a topic but its quotes (<see cref="TopicQuotes"/>): its header, lead, sister links, categories, other
/// languages, and its sections with their links, notes and list items, read with a data reader in one command. EF's two
/// split queries sent the same nine statements, but preparing and running them through EF was most of a cache miss of
/// a topic of average size (some 35 quotes); read so, the misses of <c>bench/miss-walk.sh</c> went from 197–341 to
/// 459–498 pages/s on the full shape.
/// </summary>
internal static class TopicOutline
{
    // Each collection is read in the order of its owner and position, so that it is grouped in one pass.
    private const string Sql = """
        SELECT Id, Slug, Title, Description, Language, SourceUrl, License, Kind, RevisionId, RevisionTimestamp
        FROM Topics WHERE Slug = $slug;
        SELECT Name, Slug FROM Categories WHERE TopicId = (SELECT Id FROM Topics WHERE Slug = $slug) ORDER BY Position;
        SELECT Language, Title FROM LanguageLinks WHERE TopicId = (SELECT Id FROM Topics WHERE Slug = $slug) ORDER BY Position;
        SELECT Text, Html FROM Paragraphs WHERE TopicId = (SELECT Id FROM Topics WHERE Slug = $slug) ORDER BY Position;
        SELECT Project, Article, Url FROM SisterLinks WHERE TopicId = (SELECT Id FROM Topics WHERE Slug = $slug) ORDER BY Position;
        SELECT Id, Heading, Anchor, Level, IsList FROM Sections WHERE TopicId = (SELECT Id FROM Topics WHERE Slug = $slug)
        ORDER BY Position;
        SELECT l.SectionId, l.Label, l.Url FROM Sections s JOIN SectionLinks l ON l.SectionId = s.Id
        WHERE s.TopicId = (SELECT Id FROM Topics WHERE Slug = $slug) ORDER BY s.Position, l.Position;
        SELECT p.SectionId, p.Text, p.Html, p.Line FROM Sections s JOIN Paragraphs p ON p.SectionId = s.Id
        WHERE s.TopicId = (SELECT Id FROM Topics WHERE Slug = $slug) ORDER BY s.Position, p.Position;
        SELECT i.SectionId, i.Depth, i.Text, i.Html FROM Sections s JOIN ListItems i ON i.SectionId = s.Id
        WHERE s.TopicId = (SELECT Id FROM Topics WHERE Slug = $slug) ORDER BY s.Position, i.Position;
        """;

    /// <summary>The topic of this exact slug with its sections, each without quotes, and the sections' ids in their order.</summary>
    public static async Task<(int Id, TopicView Topic, IReadOnlyList<int> SectionIds)?> ReadAsync(ArchiveStatements statements, string slug,
        CancellationToken cancellationToken)
    {
        var command = statements.Command(Sql);
        command.Parameters.AddWithValue("$slug", slug);
        // Microsoft.Data.Sqlite reads synchronously whatever the method: Read() spares a task per row.
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!reader.Read())
            return null;
        var id = reader.GetInt32(0);
        var license = reader.GetStringOrNull(6);
        var topic = new TopicView
        {
            Slug = reader.GetString(1),
            Title = reader.GetString(2),
            Description = reader.GetStringOrNull(3),
            Language = reader.GetString(4),
            SourceUrl = reader.GetString(5),
            License = license,
            Kind = Enum.Parse<TopicKind>(reader.GetString(7)),
            Revision = reader.GetRevisionOrNull(8, license),
            Lead = [],
            SisterLinks = [],
            Sections = [],
        };
        reader.NextResult();
        var categories = ReadAll(reader, r => new CategoryRef { Name = r.GetString(0), Slug = r.GetString(1) });
        reader.NextResult();
        var languages = ReadAll(reader, r => new LanguageLinkView { Language = r.GetString(0), Title = r.GetString(1), Url = "" });
        reader.NextResult();
        var lead = ReadAll(reader, r => new RichText { Text = r.GetString(0), Html = r.GetStringOrNull(1) });
        reader.NextResult();
        var sisterLinks = ReadAll(reader, r => new SisterLinkView { Project = r.GetString(0), Article = r.GetString(1), Url = r.GetStringOrNull(2) });
        reader.NextResult();
        var sections = ReadAll(reader, r => (Id: r.GetInt32(0), View: new SectionView
        {
            Heading = r.GetStringOrNull(1),
            Anchor = r.GetString(2),
            Level = r.GetInt32(3),
            IsList = r.GetBoolean(4),
            Links = [],
            Quotes = [],
        }));
        reader.NextResult();
        var links = ReadBySection(reader, r => new LinkView { Label = r.GetString(1), Url = r.GetStringOrNull(2) });
        reader.NextResult();
        var notes = ReadBySection(reader, r => new SectionNote(new RichText { Text = r.GetString(1), Html = r.GetStringOrNull(2) }, r.GetInt32(3)));
        reader.NextResult();
        var items = ReadBySection(reader, r => new ListItemView { Depth = r.GetInt32(1), Text = r.GetString(2), Html = r.GetStringOrNull(3) });
        return (id, topic with
        {
            Categories = categories,
            OtherLanguages = languages,
            Lead = lead,
            SisterLinks = sisterLinks,
            Sections = sections.Select(s => s.View with
            {
                Links = links.Of(s.Id),
                NoteParagraphs = notes.Of(s.Id),
                ListItems = items.Of(s.Id),
            }).ToList(),
        }, sections.Select(s => s.Id).ToList());
    }

    private static List<T> ReadAll<T>(SqliteDataReader reader, Func<SqliteDataReader, T> row)
    {
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(row(reader));
        return rows;
    }

    // Rows whose first column is their section's id.
    private static RowsBySection<T> ReadBySection<T>(SqliteDataReader reader, Func<SqliteDataReader, T> row)
    {
        var rows = new Dictionary<int, List<T>>();
        while (reader.Read())
        {
            var sectionId = reader.GetInt32(0);
            if (!rows.TryGetValue(sectionId, out var list))
                rows[sectionId] = list = [];
            list.Add(row(reader));
        }
        return new RowsBySection<T>(rows);
    }

    private readonly record struct RowsBySection<T>(Dictionary<int, List<T>> Rows)
    {
        public IReadOnlyList<T> Of(int sectionId) => Rows.TryGetValue(sectionId, out var list) ? list : [];
    }
}
