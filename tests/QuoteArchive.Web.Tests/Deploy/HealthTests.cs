using System.Net;
using System.Text.Json;

namespace QuoteArchive.Web.Tests.Deploy;

[Collection(DeployCollection.Name)]
public sealed class HealthTests
{
    [Fact]
    public async Task HealthzAnswersWhileTheProcessRunsAndIsNeverCached()
    {
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path));

        var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await ReadJsonAsync(response)).GetProperty("status").GetString());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task ReadyzIsHealthyWhenTheArchiveHoldsTopics()
    {
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path, topics: 3));

        var response = await app.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var data = body.GetProperty("checks").GetProperty("archive").GetProperty("data");
        Assert.Equal(3, data.GetProperty("topics").GetInt32());
        Assert.Equal(DeployArchive.BuildId, data.GetProperty("buildId").GetString());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ReadyzIsDegradedAndListsTheImportErrorsWhileServing()
    {
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path, 1, "no title line", "bullet with no quote above it"));

        var response = await app.CreateClient().GetAsync("/readyz");

        // Degraded still answers 200: the replica serves what imported.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var archive = body.GetProperty("checks").GetProperty("archive");
        Assert.Contains("2 error(s)", archive.GetProperty("description").GetString());
        var diagnostics = archive.GetProperty("data").GetProperty("diagnostics").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.Equal(["broken.txt:1:1: error: no title line", "broken.txt:2:1: error: bullet with no quote above it"], diagnostics);
    }

    [Fact]
    public async Task ReadyzFailsWhenTheArchiveHoldsNoTopics()
    {
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(DeployArchive.Create(folder.Path, topics: 0, "every file failed"));

        var response = await app.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var archive = (await ReadJsonAsync(response)).GetProperty("checks").GetProperty("archive");
        Assert.Equal("The archive holds no topics.", archive.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task ReadyzFailsWhenTheArchiveFileIsMissing()
    {
        using var folder = new TemporaryFolder();
        await using var app = new DeployApp(Path.Combine(folder.Path, "missing.db"));

        var response = await app.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var archive = (await ReadJsonAsync(response)).GetProperty("checks").GetProperty("archive");
        Assert.Equal("missing", archive.GetProperty("reason").GetString());
        Assert.False(File.Exists(Path.Combine(folder.Path, "missing.db")), "a read-only open must not create the file");
    }

    internal static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
