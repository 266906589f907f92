#:sdk Microsoft.NET.Sdk.Web
#:property TreatWarningsAsErrors=true
#:property PublishAot=false
#:property InvariantGlobalization=true
#:property EnableDefaultContentItems=false
// The least ASP.NET Core can do to send the app's cached pages: bench/serve-floor.sh starts this twice beside the app
// and nginx, over the very answers the app gave (headers and body, identity and br), held in memory.
//   serve-floor <site folder> <url> kestrel        Kestrel and one request delegate, nothing else
//   serve-floor <site folder> <url> output-cache   routing, one endpoint and ASP.NET Core's output cache in front of it
// The site folder holds, for each page, `<n>.path` (the address), `<n>.headers` (the app's answer headers, as curl
// -D wrote them) and `<n>.identity` and `<n>.br` (its bodies). Only GET; an address not in the folder is a 404.
using System.Collections.Frozen;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

if (args.Length != 3 || !Directory.Exists(args[0]) || args[2] is not ("kestrel" or "output-cache"))
{
    Console.Error.WriteLine("usage: serve-floor <site folder> <url> kestrel|output-cache");
    return 2;
}

var pages = Directory.GetFiles(args[0], "*.path")
    .Select(file => Path.ChangeExtension(file, null))
    .ToFrozenDictionary(stem => File.ReadAllText(stem + ".path").Trim(), Answer.Read, StringComparer.Ordinal);

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(args[1]).ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
var withOutputCache = args[2] == "output-cache";
if (withOutputCache)
    builder.Services.AddOutputCache(cache => cache.AddBasePolicy(policy => policy.SetVaryByHeader("Accept-Encoding")));
var app = builder.Build();

if (withOutputCache)
{
    app.UseOutputCache();
    app.MapGet("/{**path}", (HttpContext context) => Send(context)).CacheOutput();
}
else
{
    app.Run(Send);
}
app.Run();
return 0;

Task Send(HttpContext context)
{
    var path = context.Request.Path.Value + context.Request.QueryString.Value;
    if (!pages.TryGetValue(path, out var page))
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
    var br = context.Request.Headers.AcceptEncoding.ToString().Contains("br", StringComparison.Ordinal);
    var response = context.Response;
    foreach (var (name, value) in page.Headers)
        response.Headers[name] = value;
    if (br)
        response.Headers.ContentEncoding = "br";
    var body = br ? page.Br : page.Identity;
    response.ContentLength = body.Length;
    return response.BodyWriter.WriteAsync(body).AsTask();
}

sealed record Answer(KeyValuePair<string, StringValues>[] Headers, byte[] Identity, byte[] Br)
{
    // The app's headers but those Kestrel writes itself (date, length) and the encoding, which follows the request.
    private static readonly string[] Skipped = ["date", "content-length", "content-encoding", "transfer-encoding"];

    public static Answer Read(string stem) => new(
        File.ReadAllLines(stem + ".headers")
            .Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && !Skipped.Contains(parts[0].Trim().ToLowerInvariant()))
            .Select(parts => KeyValuePair.Create(parts[0].Trim(), new StringValues(parts[1].Trim())))
            .ToArray(),
        File.ReadAllBytes(stem + ".identity"),
        File.ReadAllBytes(stem + ".br"));
}
