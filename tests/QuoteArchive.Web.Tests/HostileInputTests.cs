using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace QuoteArchive.Web.Tests;

/// <summary>What scanners and curious people send: no path and no query string may make the site answer 500.</summary>
[Collection(nameof(ArchiveApp))]
public sealed class HostileInputTests(ArchiveApp app)
{
    // Where an input goes: a path segment, or the value of a parameter of the route.
    private static readonly string[] Routes =
    [
        "/{0}", "/wiki/{0}", "/q/{0}", "/search?q={0}", "/search?q=love&page={0}&pageSize={0}", "/search?q=love&lang={0}&kind={0}&status={0}",
        "/search?q=love&topic={0}&author={0}", "/authors?letter={0}&page={0}", "/authors/{0}", "/authors/{0}?page={0}", "/categories",
        "/categories/{0}", "/random?minLength={0}&maxLength={0}", "/random?lang={0}&topic={0}&author={0}", "/api/topics?{0}",
        "/api/topics/{0}", "/api/quotes/{0}", "/api/categories?{0}", "/api/categories/{0}", "/api/search?q={0}&page={0}&pageSize={0}",
        "/api/search?q=love&lang={0}&status={0}&kind={0}", "/api/suggest?q={0}", "/api/authors?letter={0}&pageSize={0}",
        "/api/authors/{0}", "/api/random?minLength={0}&maxLength={0}&lang={0}", "/api/random?topic={0}&author={0}", "/api/today?{0}",
        "/api/{0}", "/healthz?{0}", "/readyz?{0}", "/not-found?{0}", "/?{0}",
    ];

    // Raw, as they would stand in the request line: percent-escapes are decoded by the server as it would.
    private static readonly string[] InputList =
    [
        "", "%20", "..", "../..", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", "..\\..\\windows\\win.ini", "%5C..%5C..", "/etc/passwd",
        "....//....//", "%252e%252e%252f", "file:///etc/passwd", "C:%5Cboot.ini", new string('a', 5000), new string('%', 3000),
        string.Concat(Enumerable.Repeat("%C3%A9", 2000)), string.Concat(Enumerable.Repeat("x/", 1000)), "%", "%%", "%zz", "%1", "%G0",
        "%C3%28", "%A0%A1", "%E2%82%28", "%F0%28%8C%BC", "%F8%A1%A1%A1%A1", "%FF%FE", "%C0%AF", "%ED%A0%80", "%ED%BF%BF", "%ED%A0%80%ED%B0%80x",
        "%00", "a%00b", "%0D%0ASet-Cookie:%20x=1", "%0A", "%0D", "%09", "%1B%5B31m", "%7F", "%E2%80%AE", "%EF%BB%BF", "%E2%80%8B",
        "0", "-1", "-2147483648", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "99999999999999999999999999",
        "1e309", "NaN", "Infinity", "-0", "0x7fffffff", "1.5", "%2B1", "%EF%BC%91", "%D9%A3", "%E2%85%A0",
        "'", "%22", "'%20OR%201=1--", "1;DROP%20TABLE%20Quotes", "%27);%20SELECT%20*%20FROM%20Topics;--", "UNION%20SELECT%20NULL",
        "*", "a*", "*a", "**", "%22*", "-", "--", "-*", "NEAR(a%20b)", "NEAR(", "a%20NOT%20b", "OR", "AND", "text:love", "%7Btext%7D:love",
        "%5E", "(", ")", "%22%22%22", "%22unbalanced", "bm25(QuotesFts)", "rank", "$match", "@p0", "?", "%3F%3F", "&", "%26%26", "=",
        "a=b=c", "%23", "%3Cscript%3Ealert(1)%3C/script%3E", "%22%3E%3Csvg%20onload=alert(1)%3E", "javascript:alert(1)", "data:text/html,x",
        "%F0%9F%98%80", "%F0%9F%91%A8%E2%80%8D%F0%9F%91%A9%E2%80%8D%F0%9F%91%A7", "%E0%AF%B5", "%CC%81", "%CC%81*", "ab*", "%E6%97%A5*",
        "Test_topic_1", "Love", "love", "LOVE", "_", "__", "%20_%20", "%2F", "%2F%2F", "//", "///", "%5C", "~", "%7E", ".", ".%2E", "...",
        "%u0041", "%uD800", "&#x41;", "&amp;", "a%2Cb", "a;b", "a|b", "%60", "$%7BIFS%7D", "%24(id)",
    ];

    public static TheoryData<string> Inputs => new(InputList);

    public static TheoryData<string> Unpaired => new("\uD800", "x\uDC00y", "\uDBFF", "\0", "a\0b", "\r\nX-Injected: 1", "\u202E", new string('\uFFFF', 10));

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task NoRouteAnswers500(string input)
    {
        Assert.True(InputList.Length >= 100, $"{InputList.Length} inputs");
        var failures = new List<string>();
        foreach (var route in Routes)
        {
            var status = await SendRawAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, input));
            if (status >= 500)
                failures.Add($"{route} with {Shorten(input)}: {status}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Unpaired))]
    public async Task NoRouteAnswers500ToStringsNoUrlCanSpell(string input)
    {
        // Unpaired surrogates, NUL and CR LF, put straight into the decoded path and query as a lenient server might.
        var failures = new List<string>();
        foreach (var route in Routes)
        {
            var target = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, input);
            var query = target.IndexOf('?');
            var path = query < 0 ? target : target[..query];
            var response = await app.Server.SendAsync(context =>
            {
                context.Request.Method = HttpMethods.Get;
                context.Request.Path = new PathString(path);
                if (query >= 0)
                    context.Request.QueryString = new QueryString(target[query..]);
            });
            await DrainAsync(response);
            if (response.Response.StatusCode >= 500)
                failures.Add($"{route}: {response.Response.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void TheWebProcessCannotWriteTheArchive()
    {
        // Through the app's own context and connection: the archive is opened read-only.
        var error = Assert.Throws<SqliteException>(() => app.Query(db => db.Database.ExecuteSqlRaw("CREATE TABLE Scribble (Text TEXT)")));
        Assert.Equal(8, error.SqliteErrorCode); // SQLITE_READONLY
        var delete = Assert.Throws<SqliteException>(() => app.Query(db => db.Database.ExecuteSqlRaw("DELETE FROM Quotes")));
        Assert.Equal(8, delete.SqliteErrorCode);
        Assert.True(app.Query(db => db.Quotes.Any()));
    }

    // The raw target as a server takes it apart: path and query split at the first '?', the path decoded
    // (an invalid escape stays as it is), the query left raw for the query parser.
    private async Task<int> SendRawAsync(string target)
    {
        var query = target.IndexOf('?');
        var rawPath = query < 0 ? target : target[..query];
        var response = await app.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = new PathString(Uri.UnescapeDataString(rawPath));
            if (query >= 0)
                context.Request.QueryString = new QueryString(target[query..]);
        });
        await DrainAsync(response);
        return response.Response.StatusCode;
    }

    // Read every answer to its end as a client does: the test server hands the context back as the response starts,
    // and an answer nobody reads stalls until the request timeout cuts it short.
    private static async Task DrainAsync(HttpContext response) => await response.Response.Body.CopyToAsync(Stream.Null);

    private static string Shorten(string input) => input.Length <= 40 ? input : input[..40] + "…";
}
