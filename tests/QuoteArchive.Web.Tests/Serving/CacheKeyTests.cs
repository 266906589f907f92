using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QuoteArchive.Web.Hosting;

namespace QuoteArchive.Web.Tests.Serving;

/// <summary>An output-cache entry per query key a page reads, and none for the parameters it ignores.</summary>
[Collection(nameof(ArchiveApp))]
public sealed class CacheKeyTests(ArchiveApp app)
{
    [Theory]
    [InlineData("/wiki/Love")]
    [InlineData("/")]
    [InlineData("/authors")]
    [InlineData("/api/topics/Love")]
    [InlineData("/api/topics?letter=L")]
    [InlineData("/api/openapi/v1.json")]
    public async Task UnknownParametersAreAnsweredFromTheSameCacheEntry(string path)
    {
        var separator = path.Contains('?') ? "&" : "?";
        var (first, _) = await app.GetCountingCommandsAsync($"{path}{separator}utm_source={CompressionTests.Unique()}");
        var (other, otherCommands) = await app.GetCountingCommandsAsync($"{path}{separator}x={CompressionTests.Unique()}&fbclid=1");
        var (bare, bareCommands) = await app.GetCountingCommandsAsync(path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // Values never seen before, and yet nothing ran: the entry of the page without them answered.
        Assert.Empty(otherCommands);
        Assert.NotNull(other.Headers.Age);
        Assert.Empty(bareCommands);
        Assert.NotNull(bare.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await other.Content.ReadAsStringAsync());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await bare.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, bare.Headers.ETag);
    }

    [Fact]
    public async Task AKeyThePageReadsMakesAnEntryOfItsOwn()
    {
        var path = "/search?q=love+-" + CompressionTests.Unique();

        var (first, firstCommands) = await app.GetCountingCommandsAsync(path);
        var (again, againCommands) = await app.GetCountingCommandsAsync(path + "&utm_source=newsletter");
        var (second, secondCommands) = await app.GetCountingCommandsAsync(path + "&page=2");

        Assert.NotEmpty(firstCommands);
        Assert.Empty(againCommands);
        Assert.NotNull(again.Headers.Age);
        Assert.NotEmpty(secondCommands);
        Assert.Null(second.Headers.Age);
        Assert.NotEqual(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LinksKeepTheKeysThePageReadsAndDropTheOthers()
    {
        var page = await app.GetPageAsync("/search?utm_source=newsletter&pageSize=5&q=love&x=1");
        var next = page.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
        Assert.Equal("/search?q=love&pageSize=5&page=2", next);

        var (api, _) = await app.GetCountingCommandsAsync("/api/search?utm_source=newsletter&q=love&pageSize=5");
        Assert.Equal("</api/search?q=love&pageSize=5&page=2>; rel=\"next\"", Assert.Single(api.Headers.GetValues("Link")));
    }

    [Fact]
    public void EveryQueryParameterAnApiEndpointBindsIsAKeyOfItsCacheEntries()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var handlers = endpoints.Where(e => e.Metadata.GetMetadata<MethodInfo>() is not null).ToList();

        Assert.NotEmpty(handlers);
        foreach (var endpoint in handlers)
        {
            var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var fromQuery = endpoint.Metadata.GetMetadata<MethodInfo>()!.GetParameters()
                .Where(p => IsBoundFromText(p.ParameterType) && !route.Contains(p.Name!))
                .Select(p => p.Name!);
            var declared = endpoint.Metadata.GetMetadata<QueryKeysAttribute>()?.Keys.ToArray() ?? [];
            Assert.True(fromQuery.All(declared.Contains), $"{endpoint.RoutePattern.RawText} reads {string.Join(", ", fromQuery)} but declares {string.Join(", ", declared)}");
        }
    }

    // Minimal APIs bind strings and parsable values from the route or the query; services, the context and the
    // cancellation token come from elsewhere.
    private static bool IsBoundFromText(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(string) || t.IsPrimitive || t.IsEnum);
}
