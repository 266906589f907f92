using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace QuoteArchive.Storage;

public sealed class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : DbContext(options)
{
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Quote> Quotes => Set<Quote>();
    public DbSet<AttributionLine> AttributionLines => Set<AttributionLine>();
    public DbSet<DialogueLine> DialogueLines => Set<DialogueLine>();
    public DbSet<Paragraph> Paragraphs => Set<Paragraph>();
    public DbSet<SectionLink> SectionLinks => Set<SectionLink>();
    public DbSet<ListItem> ListItems => Set<ListItem>();
    public DbSet<SisterLink> SisterLinks => Set<SisterLink>();
    public DbSet<ArchiveBuild> Builds => Set<ArchiveBuild>();
    public DbSet<ImportDiagnostic> Diagnostics => Set<ImportDiagnostic>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<TopicCategory> Categories => Set<TopicCategory>();
    public DbSet<LanguageLink> LanguageLinks => Set<LanguageLink>();
    public DbSet<QuoteNote> QuoteNotes => Set<QuoteNote>();
    public DbSet<Redirect> Redirects => Set<Redirect>();
    public DbSet<ManifestFile> Manifest => Set<ManifestFile>();
    public DbSet<QuoteIdHistory> QuoteIdHistory => Set<QuoteIdHistory>();

    /// <summary>
    /// The connection string this context reads with, as made or as <see cref="UseConnectionString"/> set it: unlike
    /// <c>Database.GetConnectionString()</c>, known without starting EF's services for the context, which a request that
    /// reads with a data reader alone never needs.
    /// </summary>
    public string? ConnectionString { get; private set; } = RelationalOptionsExtension.Extract(options).ConnectionString;

    /// <summary>
    /// Reads with another connection string than the one it was made with: in place of <c>Database.SetConnectionString</c>,
    /// which <see cref="ConnectionString"/> would not know of.
    /// </summary>
    public void UseConnectionString(string connectionString)
    {
        Database.SetConnectionString(connectionString);
        ConnectionString = connectionString;
    }

    /// <summary>How the web app opens an archive: read-only, so a replica can never change it.</summary>
    public static string ReadOnlyConnectionString(string databasePath) =>
        new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();

    // Every index of the archive is one named below (the quotes' key is made an index, ArchiveSchema.CreateScript):
    // EF Core would also index each foreign key, and that of Quotes.SectionId (12 bytes a quote) serves no query, a
    // topic's quotes being read by topic.
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) =>
        configuration.Conventions.Remove<ForeignKeyIndexConvention>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Topic>(topic =>
        {
            topic.HasIndex(t => t.Slug).IsUnique();
            topic.HasIndex(t => new { t.Letter, t.SortKey });
            topic.HasMany(t => t.Lead).WithOne().HasForeignKey(p => p.TopicId);
            topic.HasMany(t => t.Sections).WithOne(s => s.Topic).HasForeignKey(s => s.TopicId);
            topic.HasMany(t => t.SisterLinks).WithOne().HasForeignKey(l => l.TopicId);
            topic.HasMany(t => t.Categories).WithOne(c => c.Topic).HasForeignKey(c => c.TopicId);
            topic.HasMany(t => t.LanguageLinks).WithOne().HasForeignKey(l => l.TopicId);
            topic.Property(t => t.Kind).HasConversion<string>();
        });
        model.Entity<Redirect>(redirect =>
        {
            redirect.HasKey(r => r.Slug);
            redirect.HasOne(r => r.Topic).WithMany().HasForeignKey(r => r.TopicId);
            redirect.HasIndex(r => r.TopicId);
        });
        model.Entity<ManifestFile>().HasKey(f => f.Path);
        model.Entity<TopicCategory>().HasIndex(c => new { c.Slug, c.TopicId });
        model.Entity<TopicCategory>().HasIndex(c => new { c.TopicId, c.Position });
        model.Entity<LanguageLink>().HasIndex(l => new { l.TopicId, l.Position });
        model.Entity<QuoteNote>().HasIndex(n => new { n.QuoteId, n.Position });
        model.Entity<Section>(section =>
        {
            section.HasIndex(s => new { s.TopicId, s.Position });
            section.HasMany(s => s.Notes).WithOne().HasForeignKey(p => p.SectionId);
            section.HasMany(s => s.Links).WithOne().HasForeignKey(l => l.SectionId);
            section.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SectionId);
            section.HasMany(s => s.Quotes).WithOne(q => q.Section).HasForeignKey(q => q.SectionId);
        });
        model.Entity<SectionLink>().HasIndex(l => l.SectionId);
        model.Entity<ListItem>().HasIndex(i => i.SectionId);
        model.Entity<SisterLink>().HasIndex(l => l.TopicId);
        model.Entity<Quote>(quote =>
        {
            quote.HasKey(q => q.Id);
            quote.HasIndex(q => new { q.TopicId, q.Position });
            // Most quotes of a dump have no author the index knows (six in ten of the generated one): their rows
            // would be most of the index, and no query looks for a quote without one.
            quote.HasIndex(q => q.AuthorId).HasFilter("\"AuthorId\" IS NOT NULL");
            quote.HasOne(q => q.Topic).WithMany().HasForeignKey(q => q.TopicId).OnDelete(DeleteBehavior.NoAction);
            quote.HasMany(q => q.Attribution).WithOne().HasForeignKey(a => a.QuoteId);
            quote.HasMany(q => q.DialogueLines).WithOne().HasForeignKey(d => d.QuoteId);
            quote.HasMany(q => q.Notes).WithOne().HasForeignKey(n => n.QuoteId);
        });
        model.Entity<QuoteIdHistory>(history =>
        {
            history.ToTable("QuoteIdHistory");
            history.HasKey(h => h.OldId);
        });
        model.Entity<AttributionLine>().HasIndex(a => new { a.QuoteId, a.Position });
        model.Entity<DialogueLine>().HasIndex(d => new { d.QuoteId, d.Position });
        model.Entity<Paragraph>().HasIndex(p => new { p.TopicId, p.Position });
        model.Entity<Paragraph>().HasIndex(p => new { p.SectionId, p.Position });
    }
}
