using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QuoteArchive.Web.Tests;

/// <summary>
/// The SQL every request ran, told apart by a header the test sends: what a response cost the database, and
/// whether its handler ran at all (an answer from the output cache runs no command).
/// </summary>
public sealed class CommandLog(IHttpContextAccessor requests) : DbCommandInterceptor
{
    public const string RequestHeader = "X-Test-Request";

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Commands = new();

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (requests.HttpContext?.Request.Headers[RequestHeader].ToString() is { Length: > 0 } request)
            Commands.GetOrAdd(request, _ => new()).Enqueue(result.CommandText);
        return result;
    }

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
