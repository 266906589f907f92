using System.Net;

namespace QuoteArchive.Web.Tests;

/// <summary>What a redirect's title must do wherever it was imported from: lead readers, the API and suggestions to its topic.</summary>
internal static class RedirectChecks
{
    /// <param name="title">the redirect's title</param>
    /// <param name="slug">its slug, which <c>/wiki/</c> and <c>/api/topics/</c> answer for</param>
    /// <param name="target">the address of the topic (and section) it leads to</param>
    public static async Task LeadsToItsTopicAsync(ArchiveApp app, string title, string slug, string target)
    {
        using var client = app.Browser();
        using var page = await client.GetAsync($"/wiki/{slug}");
        Assert.Equal((HttpStatusCode.MovedPermanently, target), (page.StatusCode, page.Headers.Location?.OriginalString));
        using var api = await client.GetAsync($"/api/topics/{slug}");
        Assert.Equal((HttpStatusCode.MovedPermanently, target.Split('#')[0].Replace("/wiki/", "/api/topics/", StringComparison.Ordinal)),
            (api.StatusCode, api.Headers.Location?.OriginalString));
        var suggestions = await app.GetJsonAsync($"/api/suggest?q={Uri.EscapeDataString(title)}");
        Assert.Contains(suggestions.EnumerateArray(), s => s.GetProperty("name").GetString() == title && s.GetProperty("url").GetString() == target);
    }
}
