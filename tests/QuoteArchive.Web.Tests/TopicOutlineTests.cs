using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Tests;

/// <summary>
/// A topic page reads everything of its topic but the quotes with a data reader, in one command. Every topic must come
/// out as EF reads it through the model's relationships: each collection its owner's own and in its order.
/// </summary>
internal static class TopicOutlineChecks
{
    public static async Task AssertEveryTopicIsAsEfReadsItAsync(ArchiveApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        await db.Database.OpenConnectionAsync();
        // One command for every topic, its statements prepared once, as the pages read them.
        using var statements = ArchiveStatements.On((SqliteConnection)db.Database.GetDbConnection());
        var compared = 0;
        foreach (var slug in await db.Topics.Select(t => t.Slug).ToListAsync())
        {
            var read = await TopicOutline.ReadAsync(statements, slug, CancellationToken.None);
            Assert.NotNull(read);
            var (id, topic, sectionIds) = read.Value;
            var expected = await ThroughEfAsync(db, slug);
            Assert.Equal(expected.Id, id);
            Assert.Equal(expected.SectionIds, sectionIds);
            Assert.Equal(Describe(expected.Topic), Describe(topic));
            compared++;
        }
        Assert.True(compared > 0);
        Assert.Null(await TopicOutline.ReadAsync(statements, "Not_in_this_archive", CancellationToken.None));
    }

    // The reference: the model's navigations, as the pages read them before the data reader.
    private static async Task<(int Id, TopicView Topic, List<int> SectionIds)> ThroughEfAsync(ArchiveDbContext db, string slug)
    {
        var topic = await db.Topics.Where(t => t.Slug == slug)
            .Include(t => t.Categories).Include(t => t.LanguageLinks).Include(t => t.Lead).Include(t => t.SisterLinks)
            .AsSplitQuery().SingleAsync();
        var sections = await db.Sections.Where(s => s.TopicId == topic.Id).OrderBy(s => s.Position)
            .Include(s => s.Links).Include(s => s.Notes).Include(s => s.Items).AsSplitQuery().ToListAsync();
        var view = new TopicView
        {
            Slug = topic.Slug,
            Title = topic.Title,
            Description = topic.Description,
            Language = topic.Language,
            SourceUrl = topic.SourceUrl,
            License = topic.License,
            Kind = topic.Kind,
            Revision = topic.RevisionId is { } revision
                ? new RevisionView { Id = revision, Timestamp = topic.RevisionTimestamp ?? default, License = topic.License ?? "CC BY-SA" }
                : null,
            Categories = topic.Categories.OrderBy(c => c.Position).Select(c => new CategoryRef { Name = c.Name, Slug = c.Slug }).ToList(),
            OtherLanguages = topic.LanguageLinks.OrderBy(l => l.Position)
                .Select(l => new LanguageLinkView { Language = l.Language, Title = l.Title, Url = "" }).ToList(),
            Lead = topic.Lead.OrderBy(p => p.Position).Select(p => new RichText { Text = p.Text, Html = p.Html }).ToList(),
            SisterLinks = topic.SisterLinks.OrderBy(l => l.Position)
                .Select(l => new SisterLinkView { Project = l.Project, Article = l.Article, Url = l.Url }).ToList(),
            Sections = sections.Select(s => new SectionView
            {
                Heading = s.Heading,
                Anchor = s.Anchor,
                Level = s.Level,
                IsList = s.IsList,
                Links = s.Links.OrderBy(l => l.Position).Select(l => new LinkView { Label = l.Label, Url = l.Url }).ToList(),
                NoteParagraphs = s.Notes.OrderBy(p => p.Position).Select(p => new SectionNote(new RichText { Text = p.Text, Html = p.Html }, p.Line)).ToList(),
                ListItems = s.Items.OrderBy(i => i.Position).Select(i => new ListItemView { Depth = i.Depth, Text = i.Text, Html = i.Html }).ToList(),
                Quotes = [],
            }).ToList(),
        };
        return (topic.Id, view, sections.Select(s => s.Id).ToList());
    }

    // Everything a page or the API shows of a topic, the [JsonIgnore]d members too.
    private static string Describe(TopicView topic) => JsonSerializer.Serialize(new
    {
        Topic = topic,
        topic.License,
        Sections = topic.Sections.Select(s => new { s.IsList, s.NoteParagraphs, s.ListItems }),
    });
}

[Collection(nameof(ArchiveApp))]
public sealed class TopicOutlineTests(ArchiveApp app)
{
    [Fact]
    public Task EveryTopicIsAsEfReadsIt() => TopicOutlineChecks.AssertEveryTopicIsAsEfReadsItAsync(app);
}

/// <summary>Wiki pages bring what page text lacks: categories, other languages, revisions, sister links.</summary>
[Collection(nameof(WikiArchiveApp))]
public sealed class WikiTopicOutlineTests(WikiArchiveApp app)
{
    [Fact]
    public async Task EveryWikiTopicIsAsEfReadsIt()
    {
        var kinds = app.Query(db => (Categories: db.Categories.Count(), Languages: db.LanguageLinks.Count(), Revisions: db.Topics.Count(t => t.RevisionId != null),
            Sister: db.SisterLinks.Count(), Items: db.ListItems.Count(), Links: db.SectionLinks.Count()));
        Assert.True(kinds is { Categories: > 0, Languages: > 0, Revisions: > 0, Sister: > 0 }, $"the wiki samples no longer have every kind of row: {kinds}");
        await TopicOutlineChecks.AssertEveryTopicIsAsEfReadsItAsync(app);
    }
}
