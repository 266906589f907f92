using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Topics;

/// <summary>Where a sister link of a topic points.</summary>
public static class SisterProjects
{
    /// <summary>
    /// The link of an article on its project, where the project's address is derivable from the article name:
    /// FORMAT.md: "a Wikipedia sister link points to <c>https://en.wikipedia.org/wiki/&lt;article with _&gt;</c>".
    /// Commons (gallery or category?), Wikiversity and the French multi-project box are not: null.
    /// </summary>
    /// <param name="authorPage">Wikisource's author box ("original works written by or about") links the Author: page.</param>
    public static string? UrlFor(string project, string language, string article, bool authorPage = false)
    {
        var path = Slugs.ToUrlPath(Slugs.FromTitle(article));
        return project switch
        {
            "Wikipedia" => $"https://{language}.wikipedia.org/wiki/{path}",
            "Wiktionary" => $"https://{language}.wiktionary.org/wiki/{path}",
            "Wikisource" => $"https://{language}.wikisource.org/wiki/{(authorPage ? "Author:" : "")}{path}",
            _ => null,
        };
    }

    /// <summary>
    /// A page on Wikimedia Commons, where wikitext names which (<c>{{commons|Paris}}</c> a gallery,
    /// <c>{{commonscat|Paris}}</c> or <c>Category:Paris</c> a category); page text does not say (<see cref="UrlFor"/>).
    /// </summary>
    public static string CommonsUrl(string page, bool category = false)
    {
        var named = category && !page.StartsWith("Category:", StringComparison.OrdinalIgnoreCase) ? "Category:" + page : page;
        return $"https://commons.wikimedia.org/wiki/{Slugs.ToUrlPath(Slugs.FromTitle(named))}";
    }
}
