using System.Net;
using System.Text.Json;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Tests;

[Collection(nameof(ArchiveApp))]
public sealed class ApiTests(ArchiveApp app)
{
    private Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK) => app.GetJsonAsync(path, expected);

    private static void AssertProperties(JsonElement element, params string[] names) =>
        Assert.Equal(names.Order(StringComparer.Ordinal), element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

    private static readonly string[] QuoteProperties =
        ["id", "url", "kind", "status", "text", "html", "lines", "attribution", "notes", "author", "work", "year", "authorUrl", "topic", "section"];

    // The API describes itself (OpenAPI): every address it answers is there, and the fields of each answer as it is sent.
    [Fact]
    public async Task TheApiDescribesEveryAddressWithTheFieldsItSends()
    {
        var document = await GetJsonAsync("/api/openapi/v1.json");
        var quote = app.Query(db => db.Quotes.OrderBy(q => q.Id).Select(q => new { q.Id, Topic = q.Topic!.Slug }).First());
        var author = (await GetJsonAsync("/api/authors")).GetProperty("authors")[0].GetProperty("slug").GetString()!;
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var paths = document.GetProperty("paths").EnumerateObject().ToList();

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.Equal(["/api/authors", "/api/authors/{slug}", "/api/categories", "/api/categories/{slug}", "/api/quotes/{id}", "/api/random",
            "/api/search", "/api/suggest", "/api/today", "/api/topics", "/api/topics/{slug}"], paths.Select(p => p.Name).Order(StringComparer.Ordinal));
        var checkedAnswers = 0;
        foreach (var path in paths)
        {
            var address = path.Name.Replace("{id}", quote.Id).Replace("{slug}", path.Name.StartsWith("/api/authors/") ? author : quote.Topic)
                + path.Name switch { "/api/search" => "?q=love", "/api/suggest" => "?q=lo", _ => "" };
            using var response = await app.Browser().GetAsync(address);
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            // content/ has no categories (WikiPageTests checks their answers): that address answers its own 404.
            if (path.Name == "/api/categories/{slug}")
            {
                Assert.Equal((HttpStatusCode.NotFound, "Category not found"), (response.StatusCode, answer.RootElement.GetProperty("title").GetString()));
                continue;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var schema = path.Value.GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content")
                .GetProperty("application/json").GetProperty("schema");
            var (sent, described) = schema.TryGetProperty("items", out var items)
                ? (answer.RootElement.EnumerateArray().FirstOrDefault(), items)
                : (answer.RootElement, schema);
            if (sent.ValueKind != JsonValueKind.Object)
                continue;
            var name = described.GetProperty("$ref").GetString()!.Split('/')[^1];
            AssertProperties(sent, [.. schemas.GetProperty(name).GetProperty("properties").EnumerateObject().Select(p => p.Name)]);
            checkedAnswers++;
        }
        Assert.Equal(9, checkedAnswers);
        AssertProperties(schemas.GetProperty("QuoteView").GetProperty("properties"), QuoteProperties);
        // The API writes numbers as numbers, and reads no JSON: no field is described as a number that may be a string.
        Assert.Equal(["integer"], Types(schemas.GetProperty("TopicSummary").GetProperty("properties").GetProperty("quoteCount")));
        foreach (var schema in schemas.EnumerateObject())
            foreach (var property in schema.Value.TryGetProperty("properties", out var properties) ? properties.EnumerateObject() : [])
                Assert.False(Types(property.Value).Contains("integer") && Types(property.Value).Contains("string"),
                    $"{schema.Name}.{property.Name} is described as {property.Value}");
    }

    // A schema's "type": one name, or a list of them (OpenAPI 3.1).
    private static List<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
        : [type.GetString()!];

    // The output cache keeps one description for every host name: it names none.
    [Fact]
    public async Task TheApiDescriptionNamesNoHost()
    {
        foreach (var host in new[] { "a.example", "b.example" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/openapi/v1.json") { Headers = { Host = host } };
            using var response = await app.Browser().SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("a.example", text);
            Assert.DoesNotContain("b.example", text);
        }
    }

    // A short list comes whole unless a page or a page size is asked for; then it is paged like a long one, and the
    // Link headers lead through every entry once, page sizes clamped to 1–100.
    [Theory]
    [InlineData("/api/topics?pageSize=5", "", "slug")]
    [InlineData("/api/authors?pageSize=1000", "authors", "slug")]
    public async Task AShortListIsPagedWhenAPageSizeIsAsked(string start, string property, string key)
    {
        var whole = await GetJsonAsync(start[..start.IndexOf('?')]);
        var expected = (property.Length == 0 ? whole : whole.GetProperty(property)).EnumerateArray().Select(e => e.GetProperty(key).GetString()).ToList();
        var pageSize = Math.Min(int.Parse(start[(start.IndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture), 100);
        Assert.True(expected.Count > pageSize, $"{start}: a list longer than a page");

        var seen = new List<string?>();
        using var client = app.Browser();
        for (string? next = start; next is not null;)
        {
            using var response = await client.GetAsync(next);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var entries = (property.Length == 0 ? json.RootElement : json.RootElement.GetProperty(property)).EnumerateArray().ToList();
            Assert.InRange(entries.Count, 1, pageSize);
            seen.AddRange(entries.Select(e => e.GetProperty(key).GetString()));
            next = LinkHeaders.Next(response);
        }
        Assert.Equal(expected, seen);
    }

    // After a letter's last page comes the next letter: one Link line holds it and the previous page, so that a client
    // reading only a header's first line (Python's urllib, Go's Header.Get) goes on past the letter.
    [Fact]
    public async Task AtALettersLastPageOneLinkLineLeadsToTheNextLetterAndBack()
    {
        var letters = (await GetJsonAsync("/api/authors")).GetProperty("letters").EnumerateArray()
            .Select(l => (Letter: l.GetProperty("letter").GetString()!, Count: l.GetProperty("count").GetInt32())).ToList();
        var index = letters.SkipLast(1).ToList().FindIndex(l => l.Count > 1 && char.IsAsciiLetterUpper(l.Letter[0]));
        Assert.True(index >= 0, "a letter of several authors, with another after it");
        var (letter, count) = letters[index];

        using var response = await app.Browser().GetAsync($"/api/authors?letter={letter}&pageSize=1&page={count}");

        Assert.Equal($"</api/authors?pageSize=1&letter={Uri.EscapeDataString(letters[index + 1].Letter)}>; rel=\"next\", "
            + $"</api/authors?letter={letter}&pageSize=1&page={count - 1}>; rel=\"prev\"", Assert.Single(response.Headers.GetValues("Link")));
    }

    [Fact]
    public async Task ALetterIsFoundInEitherCase()
    {
        var upper = await GetJsonAsync("/api/authors?letter=N");
        var lower = await GetJsonAsync("/api/authors?letter=n");
        Assert.NotEqual(0, upper.GetProperty("authors").GetArrayLength());
        Assert.Equal(upper.GetProperty("authors").ToString(), lower.GetProperty("authors").ToString());
    }

    [Fact]
    public async Task TopicListHasTheSpecifiedShape()
    {
        var topics = await GetJsonAsync("/api/topics");
        Assert.Equal(app.Import.Topics, topics.GetArrayLength());
        foreach (var topic in topics.EnumerateArray())
        {
            AssertProperties(topic, "slug", "title", "description", "language", "url", "quoteCount");
            Assert.Equal("/wiki/" + Slugs.ToUrlPath(topic.GetProperty("slug").GetString()!), topic.GetProperty("url").GetString());
        }
        var seed = topics.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "China–Russia_relations");
        Assert.Equal("bilateral relations between China and Russia", seed.GetProperty("description").GetString());
        Assert.Equal("en", seed.GetProperty("language").GetString());
        Assert.Equal("fr", topics.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "Le_Pacha").GetProperty("language").GetString());
    }

    [Fact]
    public async Task TopicHasTheSpecifiedShape()
    {
        var topic = await GetJsonAsync("/api/topics/China%E2%80%93Russia_relations");
        AssertProperties(topic, "slug", "title", "description", "language", "url", "sourceUrl", "license", "kind", "revision", "lead", "featured", "sisterLinks",
            "categories", "otherLanguages", "sections");
        Assert.Equal("theme", topic.GetProperty("kind").GetString());
        // Page text names no revision, category or other language: those come from wiki source.
        Assert.Equal(JsonValueKind.Null, topic.GetProperty("revision").ValueKind);
        Assert.Equal(0, topic.GetProperty("categories").GetArrayLength());
        Assert.Equal(0, topic.GetProperty("otherLanguages").GetArrayLength());
        Assert.Equal("https://en.wikiquote.org/wiki/China%E2%80%93Russia_relations", topic.GetProperty("sourceUrl").GetString());
        foreach (var lead in topic.GetProperty("lead").EnumerateArray())
        {
            AssertProperties(lead, "text", "html");
            Assert.Equal(JsonValueKind.Null, lead.GetProperty("html").ValueKind);
        }
        AssertProperties(topic.GetProperty("featured"), QuoteProperties);
        foreach (var link in topic.GetProperty("sisterLinks").EnumerateArray())
            AssertProperties(link, "project", "article", "url");
        foreach (var section in topic.GetProperty("sections").EnumerateArray())
        {
            AssertProperties(section, "heading", "anchor", "level", "links", "notes", "items", "quotes");
            Assert.Equal(1, section.GetProperty("level").GetInt32());
            foreach (var link in section.GetProperty("links").EnumerateArray())
                AssertProperties(link, "label", "url");
            Assert.All(section.GetProperty("notes").EnumerateArray(), note => Assert.Equal(JsonValueKind.String, note.ValueKind));
            Assert.All(section.GetProperty("items").EnumerateArray(), item => Assert.Equal(JsonValueKind.String, item.ValueKind));
        }
        var links = topic.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("links").EnumerateArray()).ToList();
        Assert.Contains(links, l => l.GetProperty("label").GetString()!.Contains("Full text") && l.GetProperty("url").ValueKind == JsonValueKind.Null);
    }

    // A script reading search results gets the fields it reads on the quote, with the same values.
    [Fact]
    public async Task ASearchHitHasItsQuotesKindWorkAndYear()
    {
        var search = await GetJsonAsync("/api/search?q=%22At+first+in+the+1950s%22");
        var hit = Assert.Single(search.GetProperty("results").EnumerateArray());
        var quote = await GetJsonAsync("/api/quotes/" + hit.GetProperty("id").GetString());
        foreach (var field in new[] { "kind", "work", "year" })
            Assert.Equal(quote.GetProperty(field).GetString(), hit.GetProperty(field).GetString());
        Assert.Equal("The Cold War: A World History", hit.GetProperty("work").GetString());
        var dialogue = await GetJsonAsync("/api/search?q=oppression&topic=The_Half_of_It");
        Assert.Contains(dialogue.GetProperty("results").EnumerateArray(), r => r.GetProperty("kind").GetString() == "dialogue");
    }

    [Fact]
    public async Task QuoteHasTheSpecifiedShape()
    {
        var topic = await GetJsonAsync("/api/topics/China%E2%80%93Russia_relations");
        var westad = topic.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("quotes").EnumerateArray())
            .Single(q => q.GetProperty("text").GetString()!.StartsWith("At first, in the 1950s", StringComparison.Ordinal));
        var id = westad.GetProperty("id").GetString()!;

        var quote = await GetJsonAsync("/api/quotes/" + id);
        AssertProperties(quote, QuoteProperties);
        Assert.Equal("/q/" + id, quote.GetProperty("url").GetString());
        Assert.Equal("quote", quote.GetProperty("kind").GetString());
        Assert.Equal("about", quote.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, quote.GetProperty("lines").ValueKind);
        Assert.Equal(JsonValueKind.Null, quote.GetProperty("html").ValueKind);
        var attribution = Assert.Single(quote.GetProperty("attribution").EnumerateArray());
        AssertProperties(attribution, "depth", "text", "html");
        Assert.Equal(1, attribution.GetProperty("depth").GetInt32());
        Assert.Equal("Odd Arne Westad, The Cold War: A World History (2017)", attribution.GetProperty("text").GetString());
        Assert.Equal("Odd Arne Westad", quote.GetProperty("author").GetString());
        Assert.Equal("The Cold War: A World History", quote.GetProperty("work").GetString());
        Assert.Equal("2017", quote.GetProperty("year").GetString());
        AssertProperties(quote.GetProperty("topic"), "slug", "title", "language", "sourceUrl", "license");
        Assert.Equal("China–Russia_relations", quote.GetProperty("topic").GetProperty("slug").GetString());
        Assert.Equal("https://en.wikiquote.org/wiki/China%E2%80%93Russia_relations", quote.GetProperty("topic").GetProperty("sourceUrl").GetString());
        AssertProperties(quote.GetProperty("section"), "heading", "anchor");
        Assert.Equal("Quotes_about", quote.GetProperty("section").GetProperty("anchor").GetString());
        Assert.Equal(westad.GetRawText(), quote.GetRawText());
    }

    [Fact]
    public async Task DialogueQuoteListsItsLinesWithSpeakers()
    {
        var topic = await GetJsonAsync("/api/topics/The_Half_of_It");
        var dialogue = topic.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("quotes").EnumerateArray())
            .First(q => q.GetProperty("kind").GetString() == "dialogue" && q.GetProperty("lines").GetArrayLength() > 1);
        foreach (var line in dialogue.GetProperty("lines").EnumerateArray())
            AssertProperties(line, "speaker", "playedBy", "text");
        Assert.Contains(dialogue.GetProperty("lines").EnumerateArray(), l => l.GetProperty("speaker").GetString() == "Paul Munsky");
        // The Cast list says who plays whom: "Daniel Diemer as Paul Munsky".
        Assert.All(dialogue.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("speaker").GetString() == "Paul Munsky"),
            l => Assert.Equal("Daniel Diemer", l.GetProperty("playedBy").GetString()));
    }

    [Fact]
    public async Task TopicJsonAgreesWithTheTopicPage()
    {
        foreach (var summary in (await GetJsonAsync("/api/topics")).EnumerateArray())
        {
            var url = summary.GetProperty("url").GetString()!;
            var topic = await GetJsonAsync("/api/topics/" + url["/wiki/".Length..]);
            var page = await app.GetPageAsync(url);

            Assert.Equal(topic.GetProperty("title").GetString(), page.QuerySelector("article.topic h1")!.TextContent);
            var quotes = topic.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("quotes").EnumerateArray()).ToList();
            if (topic.GetProperty("featured").ValueKind != JsonValueKind.Null)
                quotes.Insert(0, topic.GetProperty("featured"));
            Assert.Equal(summary.GetProperty("quoteCount").GetInt32(), quotes.Count);
            Assert.Equal(quotes.Select(q => "q-" + q.GetProperty("id").GetString()), page.QuerySelectorAll("figure.quote").Select(f => f.Id));
            foreach (var quote in quotes)
            {
                var figure = page.GetElementById("q-" + quote.GetProperty("id").GetString())!;
                Assert.Equal(Html.Squash(quote.GetProperty("text").GetString()!), Html.Squash(figure.QuerySelector("blockquote")!.TextContent));
                Assert.Equal(
                    quote.GetProperty("attribution").EnumerateArray().Select(a => Html.Squash(a.GetProperty("text").GetString()!)),
                    Html.AttributionLines(figure).Select(l => Html.Squash(l.Text)));
            }
            // The JSON keeps a section with nothing to show, which the page leaves out (EmptySectionTests).
            var headings = topic.GetProperty("sections").EnumerateArray()
                .Where(s => s.GetProperty("heading").ValueKind == JsonValueKind.String)
                .Where(s => new[] { "quotes", "links", "notes", "items" }.Any(part => s.GetProperty(part).GetArrayLength() > 0))
                .Select(s => s.GetProperty("anchor").GetString()!);
            Assert.All(headings, anchor => Assert.NotNull(page.GetElementById(anchor)));
        }
    }

    [Fact]
    public async Task TopicJsonAcceptsEverySpellingOfTheSlug()
    {
        var canonical = await GetJsonAsync("/api/topics/China%E2%80%93Russia_relations");
        var spaced = await GetJsonAsync("/api/topics/China%E2%80%93Russia%20relations");
        var small = await GetJsonAsync("/api/topics/china%E2%80%93Russia_relations");
        Assert.Equal(canonical.GetRawText(), spaced.GetRawText());
        Assert.Equal(canonical.GetRawText(), small.GetRawText());
    }

    [Theory]
    [InlineData("/api/topics/No_such_topic")]
    [InlineData("/api/topics/%")]
    [InlineData("/api/topics/..%2f..")]
    [InlineData("/api/quotes/aaaaaaaa")]
    [InlineData("/api/quotes/%F0%9F%98%80")]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/quotes/")] // at once: not a 301 to /api/quotes, which no route answers either
    [InlineData("/Api/Nothing/")]
    public async Task UnknownAddressInTheApiIsAJsonProblem(string path)
    {
        using var response = await app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task LongQuoteIdInTheApiIsAJsonProblem()
    {
        using var response = await app.Browser().GetAsync("/api/quotes/" + new string('a', 3000));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // A script reusing a topic's text learns its licence from the topic, whether or not the archive knows its revision.
    [Theory]
    [InlineData("Love")]
    [InlineData("Friedrich_Nietzsche_(selection)")]
    public async Task ATopicStatesItsLicence(string slug)
    {
        var topic = await app.GetJsonAsync("/api/topics/" + slug);
        Assert.StartsWith("CC BY-SA", topic.GetProperty("license").GetString());
    }
}
