using Microsoft.AspNetCore.Http.Timeouts;

namespace QuoteArchive.Web.Hosting;

public static class ServerLimits
{
    /// <summary>
    /// What one request may take: a read-only site receives no bodies and needs no long headers or URLs, and no
    /// answer takes long (<c>Server:RequestTimeout</c>, default 10 s, then 504). Kestrel sends no <c>Server</c> header.
    /// </summary>
    public static WebApplicationBuilder AddServerLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 16 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 50;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        });
        var timeout = builder.Configuration.GetValue("Server:RequestTimeout", TimeSpan.FromSeconds(10));
        builder.Services.AddRequestTimeouts(options => options.DefaultPolicy = new RequestTimeoutPolicy { Timeout = timeout });
        return builder;
    }
}
