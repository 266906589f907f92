using System.Runtime.Versioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>The options of the contexts that read a file are built once for it; a replaced archive's are not reused.</summary>
[Collection(DeployCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class ArchiveContextOptionsTests
{
    [Fact]
    public async Task RequestsOfOneFileShareTheirContextsOptionsAndANewFileGetsItsOwn()
    {
        using var folder = new TemporaryFolder();
        var path = DeployArchive.CreateMarked(Path.Combine(folder.Path, "archive.db"), "aaaaaaaaaaaaaaaa", "markerone");
        var next = DeployArchive.CreateMarked(Path.Combine(folder.Path, "next", "archive.db"), "bbbbbbbbbbbbbbbb", "markertwo");
        await using var app = new DeployApp(path);

        var first = ContextOptions(app);
        var second = ContextOptions(app);
        File.Move(next, path, overwrite: true);
        app.Archive.Refresh();
        var replaced = ContextOptions(app);

        Assert.Same(first.Options, second.Options);
        Assert.NotSame(first.Options, replaced.Options);
        Assert.Contains("markerone", first.Text, StringComparison.Ordinal);
        Assert.Contains("markertwo", replaced.Text, StringComparison.Ordinal);
    }

    // A request's context: its options, and what it reads of the file its request leased.
    private static (DbContextOptions<ArchiveDbContext> Options, string Text) ContextOptions(DeployApp app)
    {
        using var request = app.Services.CreateScope();
        var db = request.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        Assert.Equal(request.ServiceProvider.GetRequiredService<ArchiveLease>().Generation!.ConnectionString, db.ConnectionString);
        var text = db.Quotes.OrderBy(q => q.Id).Select(q => q.Text).First();
        var options = request.ServiceProvider.GetRequiredService<DbContextOptions<ArchiveDbContext>>();
        // EF's other name for them, the request's too.
        Assert.Same(options, request.ServiceProvider.GetRequiredService<DbContextOptions>());
        return (options, text);
    }
}
