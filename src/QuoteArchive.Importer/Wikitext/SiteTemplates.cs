using System.Text.RegularExpressions;

namespace QuoteArchive.Importer.Wikitext;

/// <summary>
/// The templates that link a page's subject on another site, as the External links of film, actor and writer pages
/// list them (<c>* {{IMDb title|id=0111161|title=…}}</c>): the title or name, linked to the site's page of that
/// identifier. An identifier of a shape the site does not use links nothing; the words still show.
/// </summary>
internal static partial class SiteTemplates
{
    public static void Register()
    {
        TemplateTable.Add(TemplateRole.Inline, "Title at IMDb, linked to imdb.com/title/tt…", c => Site(c, "IMDb", "https://www.imdb.com/title/tt{0}/", Digits(c, "tt"), Title(c)), "IMDb title");
        TemplateTable.Add(TemplateRole.Inline, "Name at IMDb, linked to imdb.com/name/nm…", c => Site(c, "IMDb", "https://www.imdb.com/name/nm{0}/", Digits(c, "nm"), Name(c), italic: false), "IMDb name");
        TemplateTable.Add(TemplateRole.Inline, "Title at Rotten Tomatoes, linked to rottentomatoes.com/m/…", c => Site(c, "Rotten Tomatoes", "https://www.rottentomatoes.com/m/{0}", Slug(c, "m/"), Title(c)), "Rotten Tomatoes");
        TemplateTable.Add(TemplateRole.Inline, "Title at Metacritic, linked to metacritic.com/movie/…", c => Site(c, "Metacritic", "https://www.metacritic.com/movie/{0}", Slug(c, "movie/"), Title(c)), "Metacritic film");
        TemplateTable.Add(TemplateRole.Inline, "Works by Name at Project Gutenberg, linked to the author's page (a number) or a search (a name)", Gutenberg, "gutenberg author");
    }

    /// <param name="italic">a film's title, as a work's title shows; a person's name does not</param>
    private static Piece Site(TemplateCall c, string site, string address, string? id, Piece label, bool italic = true)
    {
        var result = new PieceBuilder();
        if (id is null)
            result.Add("", label, "", italic);
        else
            result.Link(string.Format(System.Globalization.CultureInfo.InvariantCulture, address, id), label, italic);
        return result.Add(" at " + site).Add(" ", c.Get("description", "3")).Build();
    }

    private static Piece Title(TemplateCall c) => c.Get("title", "2") is { IsEmpty: false } title ? title : Piece.Plain(c.Page.Topic.Title);

    private static Piece Name(TemplateCall c) => c.Get("name", "2") is { IsEmpty: false } name ? name : Piece.Plain(c.Page.Topic.Title);

    /// <summary>IMDb's number, written with or without its prefix (<c>0111161</c>, <c>tt0111161</c>).</summary>
    private static string? Digits(TemplateCall c, string prefix)
    {
        var id = c.Text("id", "1").Trim();
        if (id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            id = id[prefix.Length..];
        return id.Length is > 0 and <= 12 && id.All(char.IsAsciiDigit) ? id : null;
    }

    /// <summary>The site's name of the page, written with or without the path before it (<c>some_film</c>, <c>m/some_film</c>).</summary>
    private static string? Slug(TemplateCall c, string path)
    {
        var id = c.Text("id", "1").Trim();
        if (id.StartsWith(path, StringComparison.OrdinalIgnoreCase))
            id = id[path.Length..];
        return SiteSlug().IsMatch(id) ? id : null;
    }

    private static Piece Gutenberg(TemplateCall c)
    {
        var name = c.Get("name", "1");
        var id = c.Text("id").Trim();
        var address = id.Length is > 0 and <= 12 && id.All(char.IsAsciiDigit) ? $"https://www.gutenberg.org/ebooks/author/{id}"
            : id.Length is > 0 and <= 200 ? "https://www.gutenberg.org/ebooks/search/?query=" + Uri.EscapeDataString(id.Replace('+', ' ').Replace('_', ' '))
            : null;
        var label = new PieceBuilder().Add("Works by ").Add(name.IsEmpty ? Piece.Plain(c.Page.Topic.Title) : name).Add(" at Project Gutenberg").Build();
        return address is null ? label : new PieceBuilder().Link(address, label).Build();
    }

    // Rotten Tomatoes' and Metacritic's page names: words joined by '_' or '-', in their own alphabet.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_\-]{0,199}$")]
    private static partial Regex SiteSlug();
}
