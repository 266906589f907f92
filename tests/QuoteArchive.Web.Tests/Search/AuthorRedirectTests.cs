using System.Net;
using Microsoft.Data.Sqlite;

namespace QuoteArchive.Web.Tests.Search;

/// <summary>
/// The app over an export in which the wiki says two names are one author's: a redirect to a person page, and one to
/// a topic whose title attributions give too. Names and sentences are made up: what is tested is how they are joined.
/// </summary>
public sealed class AuthorRedirectApp() : ArchiveApp(Write())
{
    public const string ByTheRedirect = "A sample sentence attributed to the redirect's title.";
    public const string OnThePersonPage = "A sample sentence on the person page itself.";
    public const string ByTheShortName = "A sample sentence attributed to the short name.";
    public const string ByTheFullName = "A sample sentence attributed to the full name.";
    public const string ByTheTopicsOtherTitle = "A sample sentence attributed to another title of a topic that is nobody.";

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "quotearchive-author-redirects-" + Guid.NewGuid().ToString("N"));

    private static string Write()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "export.xml"), $$"""
            <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
              <siteinfo><sitename>Wikiquote</sitename><base>https://en.wikiquote.org/wiki/Main_Page</base></siteinfo>
              <page><title>Jane Example</title><ns>0</ns><id>1</id><revision><id>11</id><timestamp>2024-01-01T00:00:00Z</timestamp>
                <text xml:space="preserve">'''Jane Example''' (1 January 1900 – 2 February 1980) was a made-up writer.
            == Quotes ==
            * {{OnThePersonPage}}
            ** ''Sample Book'' (1950)</text></revision></page>
              <page><title>J. Example</title><ns>0</ns><id>2</id><redirect title="Jane Example" />
                <revision><id>12</id><timestamp>2024-01-01T00:00:00Z</timestamp><text xml:space="preserve">#REDIRECT [[Jane Example]]</text></revision></page>
              <page><title>Samuel Other</title><ns>0</ns><id>3</id><revision><id>13</id><timestamp>2024-01-01T00:00:00Z</timestamp>
                <text xml:space="preserve">A page that lists nobody's quotes.
            == Quotes ==
            * A sample sentence that no attribution follows.</text></revision></page>
              <page><title>Sam Other</title><ns>0</ns><id>4</id><redirect title="Samuel Other" />
                <revision><id>14</id><timestamp>2024-01-01T00:00:00Z</timestamp><text xml:space="preserve">#REDIRECT [[Samuel Other]]</text></revision></page>
              <page><title>Sample topic</title><ns>0</ns><id>5</id><revision><id>15</id><timestamp>2024-01-01T00:00:00Z</timestamp>
                <text xml:space="preserve">== Quotes ==
            * {{ByTheRedirect}}
            ** J. Example, ''Sample Letters'' (1960)
            * {{ByTheShortName}}
            ** Sam Other, ''Sample Essays'' (1970)
            * {{ByTheFullName}}
            ** Samuel Other, ''Sample Poems'' (1971)
            * {{ByTheTopicsOtherTitle}}
            ** Sample Place, ''Sample Notes'' (1972)</text></revision></page>
              <page><title>Sample Place</title><ns>0</ns><id>6</id><redirect title="Sample topic" />
                <revision><id>16</id><timestamp>2024-01-01T00:00:00Z</timestamp><text xml:space="preserve">#REDIRECT [[Sample topic]]</text></revision></page>
            </mediawiki>
            """);
        return Folder;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }
}

// Apart from the other collections: its host rebinds the process-wide logger, as WikiArchiveApp's does.
[CollectionDefinition(nameof(AuthorRedirectApp), DisableParallelization = true)]
public sealed class AuthorRedirectCollection : ICollectionFixture<AuthorRedirectApp>;

[Collection(nameof(AuthorRedirectApp))]
public sealed class AuthorRedirectTests(AuthorRedirectApp app)
{
    [Fact]
    public async Task ANameThatRedirectsToAPersonPageIsThatPersonsQuote()
    {
        var author = await app.GetJsonAsync("/api/authors/Jane_Example");

        Assert.Equal("Jane Example", author.GetProperty("name").GetString());
        Assert.Equal([AuthorRedirectApp.ByTheRedirect, AuthorRedirectApp.OnThePersonPage], QuoteTexts(author).Order());
    }

    [Fact]
    public async Task ANameThatRedirectsToATopicOtherAttributionsNameJoinsThem()
    {
        var author = await app.GetJsonAsync("/api/authors/Samuel_Other");

        Assert.Equal([AuthorRedirectApp.ByTheFullName, AuthorRedirectApp.ByTheShortName], QuoteTexts(author).Order());
    }

    [Fact]
    public async Task TheRedirectsTitlesAreNoAuthorsOfTheirOwnButLeadToTheAuthor()
    {
        var names = (await app.GetJsonAsync("/api/authors")).GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.DoesNotContain("J. Example", names);
        Assert.DoesNotContain("Sam Other", names);

        using var page = await app.Browser().GetAsync("/authors/J._Example?page=1");
        Assert.Equal((HttpStatusCode.MovedPermanently, "/authors/Jane_Example?page=1"), (page.StatusCode, page.Headers.Location?.OriginalString));
        using var api = await app.Browser().GetAsync("/api/authors/Sam_Other");
        Assert.Equal((HttpStatusCode.MovedPermanently, "/api/authors/Samuel_Other"), (api.StatusCode, api.Headers.Location?.OriginalString));
        var search = await app.GetJsonAsync("/api/search?q=sample&author=J.%20Example");
        Assert.Contains(search.GetProperty("results").EnumerateArray(), r => r.GetProperty("text").GetString() == AuthorRedirectApp.ByTheRedirect);
    }

    [Fact]
    public async Task AnExportsRedirectAnswersWithItsTopicForReadersTheApiAndSuggestions()
    {
        await RedirectChecks.LeadsToItsTopicAsync(app, "Sam Other", "Sam_Other", "/wiki/Samuel_Other");
        await RedirectChecks.LeadsToItsTopicAsync(app, "J. Example", "J._Example", "/wiki/Jane_Example");
    }

    [Fact]
    public async Task ARedirectToATopicThatIsNobodysLeavesTheNameAsItIs()
    {
        var author = await app.GetJsonAsync("/api/authors/Sample_Place");
        Assert.Equal("Sample Place", author.GetProperty("name").GetString());
        Assert.Equal([AuthorRedirectApp.ByTheTopicsOtherTitle], QuoteTexts(author));
    }

    [Fact]
    public async Task TheSearchIndexNamesTheAuthorAsTheArchiveDoes()
    {
        var found = await app.GetJsonAsync("/api/search?q=Jane");
        Assert.Contains(found.GetProperty("results").EnumerateArray(), r => r.GetProperty("text").GetString() == AuthorRedirectApp.ByTheRedirect);

        // The external-content index agrees with the rows it indexes (FTS5 checks every entry against QuotesFtsContent;
        // the check is an INSERT, which changes nothing).
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "INSERT INTO QuotesFts(QuotesFts, rank) VALUES('integrity-check', 1)";
        check.ExecuteNonQuery();

        // The word list counts each word's quotes as the index holds them now ("jane": the person page's quote and
        // the one its other title was given, two quotes, where the index built apart had one).
        check.CommandText = """
            CREATE VIRTUAL TABLE temp.Words USING fts5vocab(main, QuotesFts, row);
            SELECT (SELECT count(*) FROM (SELECT term, doc FROM temp.Words WHERE doc >= 2 EXCEPT SELECT Term, Quotes FROM SearchTerms))
                + (SELECT count(*) FROM (SELECT Term, Quotes FROM SearchTerms EXCEPT SELECT term, doc FROM temp.Words WHERE doc >= 2));
            """;
        Assert.Equal(0L, (long)check.ExecuteScalar()!);
        check.CommandText = "SELECT Quotes FROM SearchTerms WHERE Term = 'jane'";
        Assert.Equal(2L, (long)check.ExecuteScalar()!);
    }

    private static IEnumerable<string?> QuoteTexts(System.Text.Json.JsonElement author) =>
        author.GetProperty("topics").EnumerateArray().SelectMany(t => t.GetProperty("quotes").EnumerateArray()).Select(q => q.GetProperty("text").GetString());
}
