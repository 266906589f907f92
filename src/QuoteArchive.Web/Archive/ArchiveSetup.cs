using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QuoteArchive.Importer;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Archive;

public static class ArchiveSetup
{
    /// <summary>
    /// Binds <see cref="ArchiveOptions"/> and opens the archive read-only, without tracking; registers its day
    /// (<see cref="ArchiveClock"/>) and the source of random picks, which tests replace to choose a date or a seed.
    /// </summary>
    public static IServiceCollection AddArchive(this IServiceCollection services, IConfiguration configuration)
    {
        // Before the first connection: an import at start (a whole dump, it may be) runs a tenth faster with it.
        SqliteLibrary.Configure();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ArchiveClock>();
        services.TryAddSingleton(Random.Shared);
        services.Configure<ArchiveOptions>(configuration.GetSection("Archive"));
        services.PostConfigure<ArchiveOptions>(BundledArchive.UseWhenNoContent);
        services.AddSingleton<CurrentArchive>();
        services.AddScoped<ArchiveLease>();
        services.AddHostedService<ArchiveWatcher>();
        // The context's configurations are singletons: ArchiveContextOptions builds options from them once per file.
        services.AddDbContext<ArchiveDbContext>(db => db.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking),
            optionsLifetime: ServiceLifetime.Singleton);
        // Each scope reads the generation it leased, with the options of its file's contexts; without one (no archive)
        // pages never get this far, but a context made anyway fails on the missing file rather than creating it.
        services.AddSingleton<ArchiveContextOptions>();
        services.Replace(ServiceDescriptor.Scoped(provider => provider.GetRequiredService<ArchiveContextOptions>().For(
            provider.GetRequiredService<ArchiveLease>().Generation?.ConnectionString
            ?? ArchiveDbContext.ReadOnlyConnectionString(provider.GetRequiredService<CurrentArchive>().Path))));
        services.Replace(ServiceDescriptor.Scoped<DbContextOptions>(provider => provider.GetRequiredService<DbContextOptions<ArchiveDbContext>>()));
        return services;
    }

    /// <summary>
    /// Imports the content folder when the archive file is missing, when the folder differs from the archive's manifest
    /// (a file added, changed, renamed or deleted), or when the archive was built with another schema or other import
    /// options.
    /// Runs before the server listens, so it never serves a half-built archive; then opens the archive and warms up
    /// its first queries in the background.
    /// </summary>
    /// <returns>false when a stop signal (SIGTERM, Ctrl-C) came during the import: the app is to exit, not serve</returns>
    public static bool ImportArchiveIfStale(this WebApplication app)
    {
        // The host listens for stop signals only once it runs; until then they would not stop a long import (a
        // container stopped during it was killed after its grace period, its temporary files left behind).
        using var stopping = new CancellationTokenSource();
        using var terminated = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stopping.Cancel(); });
        using var interrupted = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stopping.Cancel(); });
        try
        {
            Import(app, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            app.Logger.LogWarning("Stopped during the import at start: nothing was written, the archive that was there is as it was");
            return false;
        }
        catch (Exception ex) when (ArchiveBuilder.IsWriteFailure(ex))
        {
            // A folder the app may not write to, a full disk: the archive that is there (if any) is served as it is.
            app.Logger.LogError("The import into {DatabasePath} could not be written ({Message}); serving the archive that is there",
                app.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value.DatabasePath, ex.Message);
        }
        app.Services.GetRequiredService<CurrentArchive>().Refresh(beforeDeferredCheck: app.WarmUpFirstQueries);
        return true;
    }

    private static void Import(WebApplication app, CancellationToken stopping)
    {
        var options = app.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("QuoteArchive.Import");
        // Relative paths are relative to the working directory, which `dotnet run` sets to the project's folder.
        if (!File.Exists(options.DatabasePath) && !Directory.Exists(options.ContentPath))
            logger.LogError("No archive at {DatabasePath} and no content folder at {ContentPath} to build it from: every page will fail",
                Path.GetFullPath(options.DatabasePath), Path.GetFullPath(options.ContentPath));
        // No content files: nothing to import, and an empty folder must not replace an archive (the image's bundled one).
        if (!options.ImportOnStart || !Directory.Exists(options.ContentPath) || !ArchiveBuilder.ContentFiles(options.ContentPath).Any())
            return;
        var importOptions = new ImportOptions { DefaultLanguage = options.DefaultLanguage };
        if (options.SourceBaseUrl is { Length: > 0 } sourceBaseUrl)
            importOptions = importOptions with { SourceBaseUrl = sourceBaseUrl };
        if (importOptions.Problem() is { } problem)
        {
            logger.LogError("Archive settings: {Problem}; the content folder is not imported", problem);
            return;
        }
        // A long import (a whole wiki's dump) says how far it has come every few seconds.
        var builder = new ArchiveBuilder(importOptions)
        {
            Stopping = stopping,
            Progress = progress => logger.LogInformation("Import progress: {Progress}", progress.ToString()),
            ProgressInterval = TimeSpan.FromSeconds(5),
        };
        if (builder.IsUpToDate(options.ContentPath, options.DatabasePath))
            return;
        using var importLock = ImportLock.TryTake(options.DatabasePath, options.ImportLockTimeout);
        if (importLock is null)
        {
            logger.LogWarning("Another process has been importing into {DatabasePath} for {Timeout}; serving the archive that is there",
                options.DatabasePath, options.ImportLockTimeout);
            return;
        }
        // The other process may have just built it.
        if (builder.IsUpToDate(options.ContentPath, options.DatabasePath))
            return;

        logger.LogInformation("Importing {ContentPath} into {DatabasePath}", options.ContentPath, options.DatabasePath);
        var summary = builder.Build(options.ContentPath, options.DatabasePath, diagnostic =>
        {
            if (diagnostic.Severity == Severity.Error)
                logger.LogError("{Diagnostic}", diagnostic.ToString());
            else
                logger.LogWarning("{Diagnostic}", diagnostic.ToString());
        });
        logger.LogInformation("Import: {Summary}", summary.ToString());
        if (summary.UnknownTemplateReport() is { } unknownTemplates)
            logger.LogInformation("Import: {UnknownTemplates}", unknownTemplates);
    }
}
