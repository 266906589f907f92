using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer.Wikitext;

/// <summary>What a template is to the page, beyond the text it renders to.</summary>
internal enum TemplateRole
{
    /// <summary>Text in the line it stands in.</summary>
    Inline,
    /// <summary>Markup that carries no text (<c>italic title</c>, <c>DEFAULTSORT</c>, maintenance tags): a line of it reaches nothing and loses nothing.</summary>
    Markup,
    /// <summary>A box linking the topic on a sister project (<c>Wikipedia</c>, <c>Commons</c>…): a sister link of the topic.</summary>
    Sister,
    /// <summary>FORMAT.md quote status from the disputed/misattributed templates: quotes between begin and end take that status.</summary>
    DisputedBegin, DisputedEnd, MisattributedBegin, MisattributedEnd,
    /// <summary>fr.wikiquote's <c>{{citation|…}}</c>: a line holding one quote (its <c>précisions</c> an attribution line).</summary>
    Quote,
    /// <summary>fr.wikiquote's <c>{{Réf Livre|…}}</c> and kin on the line under a quote: an attribution line of it.</summary>
    Source,
}

/// <param name="Renders">what the template shows, for the documentation of the table</param>
internal sealed record TemplateRule(TemplateRole Role, string Renders, Func<TemplateCall, Piece> Render);

/// <summary>
/// The templates Wikiquote uses most, each with its rendering. Names compare without case, underscores as spaces, as
/// MediaWiki compares them (it only folds the first letter; pages use both spellings). Some names mean different
/// templates on different wikis (<c>citation</c> is a source on en.wikiquote, a quote on fr.wikiquote): those are
/// kept per language. A template not in the table is counted on the topic (<see cref="ParsedTopic.UnknownTemplates"/>)
/// and shows the visible text of its parameters where it stands, so nothing it held is lost.
/// </summary>
internal static class TemplateTable
{
    private static readonly Dictionary<string, TemplateRule> Any = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<(string Language, string Name), TemplateRule> PerLanguage = new(LanguageNameComparer.Instance);
    // Templates known by the shape of their names, "…" standing for any text: "Infobox…" (Infobox person, Infobox film).
    private static readonly List<(string? Language, string Pattern, TemplateRule Rule)> Families = [];

    static TemplateTable()
    {
        EnglishTemplates.Register();
        SiteTemplates.Register();
        FrenchTemplates.Register();
    }

    /// <summary>Every template of the table with its rendering, for the documentation: (language or "*", name, role, renders).</summary>
    public static IEnumerable<(string Language, string Name, TemplateRole Role, string Renders)> Entries =>
        Any.Select(e => ("*", e.Key, e.Value.Role, e.Value.Renders))
            .Concat(PerLanguage.Select(e => (e.Key.Language, e.Key.Name, e.Value.Role, e.Value.Renders)))
            .Concat(Families.Select(f => (f.Language ?? "*", f.Pattern, f.Rule.Role, f.Rule.Renders)))
            .OrderBy(e => e.Item2, StringComparer.OrdinalIgnoreCase);

    public static void Add(TemplateRole role, string renders, Func<TemplateCall, Piece> render, params string[] names)
    {
        foreach (var name in names)
            Any[name] = new TemplateRule(role, renders, render);
    }

    public static void AddFor(string language, TemplateRole role, string renders, Func<TemplateCall, Piece> render, params string[] names)
    {
        foreach (var name in names)
            PerLanguage[(language, name)] = new TemplateRule(role, renders, render);
    }

    /// <summary>A family of templates, every name of the shape <paramref name="pattern"/> ("Infobox…", "…-stub"); on one wiki's pages, or on all (null).</summary>
    public static void AddFamily(string? language, TemplateRole role, string renders, Func<TemplateCall, Piece> render, string pattern) =>
        Families.Add((language, pattern, new TemplateRule(role, renders, render)));

    /// <summary>The rule of a template: its language's, else every wiki's, else its family's by the shape of its name.</summary>
    public static TemplateRule? Find(string name, string language) =>
        PerLanguage.TryGetValue((language, name), out var rule) || Any.TryGetValue(name, out rule) ? rule
        : Families.FirstOrDefault(f => (f.Language is null || f.Language.Equals(language, StringComparison.OrdinalIgnoreCase)) && HasShape(name, f.Pattern)).Rule;

    private static bool HasShape(string name, string pattern)
    {
        var gap = pattern.IndexOf('…');
        return name.Length >= pattern.Length && name.StartsWith(pattern[..gap], StringComparison.OrdinalIgnoreCase)
               && name.EndsWith(pattern[(gap + 1)..], StringComparison.OrdinalIgnoreCase);
    }

    public static TemplateRole RoleOf(TemplateCall call) => Find(call.Name, call.Page.Language)?.Role ?? TemplateRole.Inline;

    public static Piece Render(TemplateCall call)
    {
        if (Find(call.Name, call.Page.Language) is { } rule)
            return rule.Render(call);
        call.Page.CountUnknownTemplate(call.Name);
        return Piece.Join(", ", call.Values());
    }

    /// <summary>A sister-project box: a sister link of the topic, at <see cref="SisterProjects.UrlFor"/>'s address; it shows nothing in the text.</summary>
    /// <param name="urlOf">the link of the named page where the template says more than its project (a Commons category)</param>
    public static Piece Sister(TemplateCall call, string project, string? article, bool authorPage = false, Func<string, string>? urlOf = null)
    {
        var topic = call.Page.Topic;
        var name = string.IsNullOrWhiteSpace(article) ? topic.Title : article.Trim();
        if (!call.Page.IsNewSisterLink(project, name))
            return Piece.Empty;
        topic.SisterLinks.Add(new ParsedSisterLink
        {
            Project = project,
            Article = name,
            Url = urlOf?.Invoke(name) ?? SisterProjects.UrlFor(project, topic.Language, name, authorPage),
            Line = call.Line,
        });
        return Piece.Empty;
    }

    private static readonly (string Key, string Project)[] BoxProjects =
        [("w", "Wikipedia"), ("s", "Wikisource"), ("commons", "Wikimedia Commons"), ("wikt", "Wiktionary"), ("v", "Wikiversity"), ("n", "Wikinews"), ("b", "Wikibooks")];

    /// <summary>
    /// A box of sister links (<c>{{Autres projets|w=…|s=…}}</c>, <c>{{Sister project links|wikt=word|b=no}}</c>): one per
    /// project it names ("yes": under the topic's title; "no" leaves the project out), else one to Wikipedia
    /// under its first parameter or the topic's title.
    /// </summary>
    public static Piece SisterBox(TemplateCall c)
    {
        var any = false;
        foreach (var (key, project) in BoxProjects)
        {
            var article = c.Text(key).Trim();
            if (article.Length == 0 || article.Equals("no", StringComparison.OrdinalIgnoreCase))
                continue;
            Sister(c, project, article.Equals("yes", StringComparison.OrdinalIgnoreCase) ? null : article,
                urlOf: project == "Wikimedia Commons" ? page => SisterProjects.CommonsUrl(page) : null);
            any = true;
        }
        return any ? Piece.Empty : Sister(c, "Wikipedia", c.Text("1"));
    }

    private sealed class LanguageNameComparer : IEqualityComparer<(string Language, string Name)>
    {
        public static readonly LanguageNameComparer Instance = new();

        public bool Equals((string Language, string Name) x, (string Language, string Name) y) =>
            string.Equals(x.Language, y.Language, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Language, string Name) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Language), StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name));
    }
}
