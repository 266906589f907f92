using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Archive;

/// <summary>
/// The options of the contexts that read one archive file, built once. EF builds a context's options anew for every
/// scope it is asked for in (its own defaults, warnings among them, then every configuration), 7.6 % of a permalink's
/// cache miss (bench/miss-profile.sh); the options of an archive file's contexts never change. The file's connection
/// string names it (one per generation where the file is opened through a link of its own): the latest is kept.
/// </summary>
internal sealed class ArchiveContextOptions(IServiceProvider services)
{
    private sealed record Built(string ConnectionString, DbContextOptions<ArchiveDbContext> Options);

    private Built? latest;

    public DbContextOptions<ArchiveDbContext> For(string connectionString)
    {
        var built = Volatile.Read(ref latest);
        if (built is null || built.ConnectionString != connectionString)
            Volatile.Write(ref latest, built = new(connectionString, Build(connectionString)));
        return built.Options;
    }

    // As EF's AddDbContext would for each scope: the application's services, then every configuration of the context
    // (ConfigureDbContext with a singleton's lifetime, tests' interceptors among them), then the file.
    private DbContextOptions<ArchiveDbContext> Build(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<ArchiveDbContext>().UseApplicationServiceProvider(services);
        foreach (var configuration in services.GetServices<IDbContextOptionsConfiguration<ArchiveDbContext>>())
            configuration.Configure(services, builder);
        return builder.UseSqlite(connectionString).Options;
    }
}
