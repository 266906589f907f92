using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using QuoteArchive.Web.Archive;
using SQLitePCL;

namespace QuoteArchive.Web.Tests;

/// <summary>
/// The SQL every request ran, told apart by a header the test sends: what a response cost the database, and
/// whether its handler ran at all (an answer from the output cache runs no statement). Traced by SQLite itself on every
/// connection EF opens, and on those the app keeps its prepared statements on (PreparedReads), so that the statements
/// of commands the app runs with a data reader count too.
/// </summary>
public sealed class CommandLog(IHttpContextAccessor requests) : DbConnectionInterceptor
{
    public const string RequestHeader = "X-Test-Request";

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Commands = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Trace(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        Trace(connection);
        return Task.CompletedTask;
    }

    private void Trace(DbConnection connection) => Trace((SqliteConnection)connection, requests);

    /// <summary>Traces the connections the app opens itself, which keep their prepared statements (PreparedReads) too.</summary>
    public static void TracePreparedReads() => PreparedReads.Opened = connection => Trace(connection, new HttpContextAccessor());

    // SQLite calls back on the thread that runs the statement, within the request that runs it.
    private static void Trace(SqliteConnection connection, IHttpContextAccessor requests) =>
        raw.sqlite3_trace(connection.Handle, (_, statement) =>
        {
            if (requests.HttpContext?.Request.Headers[RequestHeader].ToString() is { Length: > 0 } request)
                Commands.GetOrAdd(request, _ => new()).Enqueue(statement);
        }, null);

    /// <summary>Sends a request marked so that its commands are logged, and returns them with the response.</summary>
    public static async Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> SendAsync(HttpClient client, string path,
        string? acceptEncoding = null, Action<HttpRequestHeaders>? headers = null)
    {
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(RequestHeader, id);
        if (acceptEncoding is not null)
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        headers?.Invoke(request.Headers);
        var response = await client.SendAsync(request);
        // Read whole, so that every command of the answer has run.
        await response.Content.LoadIntoBufferAsync();
        return (response, Commands.TryRemove(id, out var commands) ? commands.ToList() : []);
    }
}
