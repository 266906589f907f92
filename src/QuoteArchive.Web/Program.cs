using QuoteArchive.Web.Api;
using QuoteArchive.Web.Archive;
using QuoteArchive.Web.Caching;
using QuoteArchive.Web.Discovery;
using QuoteArchive.Web.Health;
using QuoteArchive.Web.Hosting;
using QuoteArchive.Web.Pages.Quotes;
using Serilog;

// The container's HEALTHCHECK: probe a running instance and exit 0/1, without starting a host.
if (args.Contains(HealthCheckCommand.Argument)) return await HealthCheckCommand.RunAsync(args);

// Two-stage start-up: a bootstrap logger until configuration is read.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddSerilog((services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration, LogConfiguration.SerilogAssemblies)
        .ReadFrom.Services(services));

    // Static assets and their compressed copies from the build output in every environment (without it `dotnet run` in
    // Production serves empty CSS and JS); a no-op once published.
    builder.WebHost.UseStaticWebAssets();

    // Limits on every request (size, headers, time, rate per client); no Server header.
    builder.AddServerLimits();
    builder.Services.AddArchiveRateLimiting(builder.Configuration);

    // The archive, read-only and switched whole when its file changes, and its day; pages, API and health checks over it, cached whole.
    builder.Services.AddArchive(builder.Configuration);
    builder.Services.AddRazorPages();
    builder.Services.AddArchiveHealthChecks(builder.Configuration);
    builder.Services.AddArchiveApi();
    builder.Services.AddJsonCors();
    builder.Services.AddPublicAddress(builder.Configuration);
    builder.Services.AddArchiveOutputCache(builder.Configuration);
    builder.Services.AddArchiveCompression();

    var app = builder.Build();

    // Build or refresh the archive, then open it, before serving anything; stopped during the import, exit.
    if (!app.ImportArchiveIfStale())
        return 0;

    // One log line per request, security headers, a Host that a URL can hold, CORS for the JSON addresses, GET and HEAD
    // only, one spelling of each address, 503 while no archive is open, the rate limit, ETags for shared caches, the
    // output cache storing compressed answers (a hit needs no time limit: the limit is on rendering) and helpful 404
    // pages (cached under the address asked for).
    app.UseArchiveRequestLogging();
    app.UseSecurityHeaders();
    app.UseUsableHost();
    app.UseJsonCors();
    app.UseReadOnlyMethods();
    app.UseCanonicalPaths();
    app.UseCurrentArchive();
    app.UseRateLimiter();
    app.UseArchiveCaching();
    app.UseOutputCache();
    app.UseRequestTimeouts();
    app.UseResponseCompression();
    app.UseStatusCodePagesWithReExecute("/not-found");

    // Fingerprinted static assets, the pages and a quote's other forms, /healthz and /readyz, the JSON API, feed and sitemaps.
    app.MapStaticAssets();
    app.MapRazorPages().WithStaticAssets();
    app.MapArchiveHealth();
    app.MapSearchApi();
    app.MapArchiveApi();
    app.MapQuoteFormats();
    app.MapDiscovery();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "QuoteArchive stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
