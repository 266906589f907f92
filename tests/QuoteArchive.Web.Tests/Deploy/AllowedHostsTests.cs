using System.Net;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>
/// <c>AllowedHosts</c>, as the self-hosting page advises: pages answer under the site's names only, so made-up
/// <c>Host</c> headers cannot fill the output cache (which keys on the host) with copies of them.
/// </summary>
[Collection(DeployCollection.Name)]
public sealed class AllowedHostsTests
{
    [Fact]
    public async Task OnlyTheSitesOwnHostNamesAreAnswered()
    {
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path), ("AllowedHosts", "quotes.example.org;localhost"));
        var client = app.CreateClient();

        using var own = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "quotes.example.org" } };
        using var madeUp = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "cache-buster-1.example" } };

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(own)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(madeUp)).StatusCode);
    }
}
