using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuoteArchive.Importer;
using QuoteArchive.Storage;
using Serilog.Core;
using Serilog.Events;

namespace QuoteArchive.Web.Tests;

/// <summary>
/// The web app over an archive imported once from <c>Content/</c> (the seed and the samples) into a temporary
/// file. The site is read-only, so the tests that share it cannot disturb each other.
/// </summary>
public class ArchiveApp : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "quotearchive-web-" + Guid.NewGuid().ToString("N"));
    private readonly string content;

    public ArchiveApp() : this(ContentPath)
    {
    }

    /// <param name="earlierContent">Imported first into the same file, as a re-import finds the archive it replaces.</param>
    protected ArchiveApp(string content, string? earlierContent = null)
    {
        this.content = content;
        Directory.CreateDirectory(folder);
        if (earlierContent is not null)
            new ArchiveBuilder(new ImportOptions()).Build(earlierContent, DatabasePath, _ => { });
        var diagnostics = new List<Diagnostic>();
        Import = new ArchiveBuilder(new ImportOptions()).Build(content, DatabasePath, diagnostics.Add);
        ImportDiagnostics = diagnostics;
    }

    public static string ContentPath => Path.Combine(AppContext.BaseDirectory, "Content");

    public string DatabasePath => Path.Combine(folder, "archive.db");

    public ImportSummary Import { get; }

    public IReadOnlyList<Diagnostic> ImportDiagnostics { get; }

    /// <summary>Every log event the app wrote.</summary>
    public LogCollector RequestLog { get; } = new();

    /// <summary>The app's clock (the quote of the day follows it): the real time until a test sets a date.</summary>
    public Search.TestClock Clock { get; } = new();

    /// <summary>The app's source of random picks: <see cref="Random.Shared"/> until a test seeds it.</summary>
    public Search.TestRandom Random { get; } = new();

    /// <summary>A client that shows redirects instead of following them.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// GETs a path as <see cref="Browser"/> does, and returns the SQL commands that answering it ran. A host of its own
    /// (the output cache keys on the host) makes a request no other test has made.
    /// </summary>
    public Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> GetCountingCommandsAsync(string path, string? acceptEncoding = null,
        string? host = null) =>
        CommandLog.SendAsync(Browser(), path, acceptEncoding, headers => headers.Host = host);

    /// <summary>Runs a query against the archive the app serves, through the app's own context.</summary>
    public T Query<T>(Func<ArchiveDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>());
    }

    /// <summary>The address with <c>{id}</c> standing for a quote of the archive (the first by id).</summary>
    public string WithQuoteId(string address) => address.Replace("{id}", Query(db => db.Quotes.OrderBy(q => q.Id).First().Id));

    /// <summary>GETs a page, checks its status and parses it as a browser would.</summary>
    public async Task<IDocument> GetPageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = Browser();
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == expected, $"GET {path}: {(int)response.StatusCode}, expected {(int)expected}");
        return await ParseAsync(await response.Content.ReadAsStringAsync(), path);
    }

    /// <summary>GETs JSON, checks its status and returns the parsed document.</summary>
    public async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Browser().GetAsync(path);
        Assert.True(response.StatusCode == expected, $"GET {path}: {(int)response.StatusCode}, expected {(int)expected}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    public static Task<IDocument> ParseAsync(string html, string path) =>
        BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html).Address("http://localhost" + path));

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Program.cs reads configuration as it starts: settings must be in before it runs.
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Archive:DatabasePath"] = DatabasePath,
            ["Archive:ContentPath"] = content,
            ["Archive:ImportOnStart"] = "false",
            // The tests here send hundreds of searches at once from one address; RateLimitingTests limits them.
            ["RateLimiting:Enabled"] = "false",
        }));
        // Program.cs reads sinks from the services too (ReadFrom.Services): the request log lands here.
        CommandLog.TracePreparedReads();
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(RequestLog).AddSingleton<TimeProvider>(Clock).AddSingleton<Random>(Random)
            .AddHttpContextAccessor()
            .ConfigureDbContext<ArchiveDbContext>((provider, db) => db.AddInterceptors(new CommandLog(provider.GetRequiredService<IHttpContextAccessor>())),
                ServiceLifetime.Singleton));
        return base.CreateHost(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

public sealed class LogCollector : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> events = new();

    public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);

    /// <summary>Every event's rendered message, in order.</summary>
    public IReadOnlyList<string> Messages() => events.Select(e => e.RenderMessage()).ToList();

    /// <summary>The request-log line of the last request to <paramref name="path"/>.</summary>
    public LogEvent? LastRequest(string path) =>
        events.LastOrDefault(e => e.Properties.TryGetValue("RequestPath", out var value) && value is ScalarValue { Value: string p } && p == path);
}

[CollectionDefinition(nameof(ArchiveApp))]
public sealed class ArchiveCollection : ICollectionFixture<ArchiveApp>;

/// <summary>The web app over wiki sources (<c>WikiContent/</c>): categories, other languages, revisions, notes.</summary>
public sealed class WikiArchiveApp() : ArchiveApp(Path.Combine(AppContext.BaseDirectory, "WikiContent"));

// Not beside the other collections: a host started here rebinds the process-wide Serilog logger their log tests read.
[CollectionDefinition(nameof(WikiArchiveApp), DisableParallelization = true)]
public sealed class WikiArchiveCollection : ICollectionFixture<WikiArchiveApp>;
