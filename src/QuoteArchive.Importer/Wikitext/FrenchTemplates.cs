using System.Text.RegularExpressions;

namespace QuoteArchive.Importer.Wikitext;

/// <summary>
/// The templates of fr.wikiquote, with their renderings. A quote there is <c>{{citation|…}}</c> on a line, and its
/// source the <c>{{Réf …}}</c> template on the line under it, rendered as fr.wikiquote shows it
/// (<c>Chagrin d'école, Daniel Pennac, éd. Gallimard, 2007, p. 37</c>).
/// </summary>
internal static partial class FrenchTemplates
{
    public static void Register()
    {
        TemplateTable.AddFor("fr", TemplateRole.Quote, "the quote (citation= or the first parameter); the words it translates (original=, with their langue=) a note of it; précisions= an attribution line", c => c.Get("citation", "1"), "citation");
        TemplateTable.Add(TemplateRole.Source, "Titre, Auteur, trad. Traducteur, éd. Éditeur, coll. Collection, Année, p. Page, scène Scène, Section", Book, "Réf Livre");
        TemplateTable.Add(TemplateRole.Source, "Titre, Auteur, Publication, nº Numéro, Date, p. Page", Article, "Réf Article");
        TemplateTable.Add(TemplateRole.Source, "Titre, Auteur, interprété par Acteur, Date", Film, "Réf Film");
        TemplateTable.Add(TemplateRole.Source, "Titre, Auteur, Interprète, Album, Label, Date", Song, "Réf Chanson");
        TemplateTable.Add(TemplateRole.Source, "Auteur, Date", c => Comma(c.Get("auteur"), c.Get("date")), "Réf Pub");
        // fr.wikiquote's sources are all "Réf …" templates (Wikiquote:Citez vos sources): one the table does not name is
        // still the line's source, not a paragraph.
        TemplateTable.AddFamily("fr", TemplateRole.Source, "Titre, Auteur, then its other values as written (any other Réf … template)", OtherReference, "Réf …");
        TemplateTable.Add(TemplateRole.Source, "Citation choisie pour être citation du jour du Jour Mois Année.", QuoteOfTheDay, "Choisie citation du jour");
        TemplateTable.Add(TemplateRole.Inline, "the name of the character", c => c.Get("1"), "Personnage");
        TemplateTable.Add(TemplateRole.Inline, "nothing (an indent)", _ => Piece.Empty, "tab");
        TemplateTable.Add(TemplateRole.Inline, "the shown word (second parameter, else the first)", c => c.Get("2", "1"), "œuvre", "cat");
        TemplateTable.Add(TemplateRole.Inline, "day month year", c => Piece.Join(" ", [c.Get("1"), c.Get("2"), c.Get("3")]), "date");
        TemplateTable.Add(TemplateRole.Sister, "a sister link per project named (w=, s=, commons=, wikt= …), else to Wikipedia under the topic's title", TemplateTable.SisterBox, "Autres projets", "interprojet");
        TemplateTable.Add(TemplateRole.Markup, "nothing (table of contents, stub and work-in-progress notices)", _ => Piece.Empty,
            "sommaire à gauche", "sommaire", "ébauche", "en cours", "en cours.CM");
    }

    /// <summary>
    /// The author, work and year a <c>{{Réf …}}</c> template names in its own parameters (<c>auteur=</c>, <c>titre=</c>,
    /// the first year of <c>année d'origine=</c> (the work's, where <c>année=</c> is the edition's), <c>année=</c> or
    /// <c>date=</c>): where the rendered line puts the work first ("Les Misérables, Victor
    /// Hugo, …"), which no parser of "Author, Work (Year)" lines reads right. Null for another template, or one naming none
    /// of the three; a template naming no author still names the work (the author may be the page's, or its heading's).
    /// </summary>
    public static CitedSource? CitedFields(TemplateCall c)
    {
        if (!IsReference(c))
            return null;
        var author = c.Text("auteur").Trim();
        // A contribution to a book (a play in a collection) is the work quoted.
        var title = c.Text("titre de la contribution", "titre").Trim() is { Length: > 0 } named ? named : BookReference(c).Title;
        var year = CitedYear().Match(c.Text("année d'origine", "année de la contribution", "année", "date")) is { Success: true } match ? match.Value : null;
        return author.Length == 0 && title.Length == 0 && year is null ? null
            : new(author.Length > 0 ? author : null, title.Length > 0 ? title : null, year);
    }

    /// <summary>What a <c>{{Réf …}}</c> template names of its source.</summary>
    public readonly record struct CitedSource(string? Author, string? Work, string? Year);

    /// <summary>A <c>{{Réf …}}</c> template: it names the source's author in <c>auteur=</c>, if it names one.</summary>
    public static bool IsReference(TemplateCall c) => c.Name.StartsWith("Réf ", StringComparison.OrdinalIgnoreCase);

    // "2007", "12 mars 1990", "1883-1885": the first year.
    [GeneratedRegex(@"\b\d{4}\b")]
    private static partial Regex CitedYear();

    // référence=Théâtre complet de Bertolt Brecht/L'Arche 3 names a book page whose title and publisher it gives.
    private static (string Title, string Publisher) BookReference(TemplateCall c)
    {
        var reference = c.Text("référence");
        var slash = reference.LastIndexOf('/');
        return reference.Length == 0 ? ("", "") : (slash > 0 ? reference[..slash] : reference, slash > 0 ? reference[(slash + 1)..] : "");
    }

    private static Piece Book(TemplateCall c)
    {
        var (referenceTitle, referencePublisher) = BookReference(c);
        var title = c.Get("titre");
        var publisher = c.Get("éditeur");
        title = title.IsEmpty && referenceTitle.Length > 0 ? Piece.Plain(referenceTitle) : title;
        publisher = publisher.IsEmpty && referencePublisher.Length > 0 ? Piece.Plain(referencePublisher) : publisher;
        return Comma(
            c.Get("titre de la contribution"), title, c.Get("auteur"),
            Prefixed("trad. ", c.Get("traducteur de la contribution", "traducteur")),
            Prefixed("éd. ", publisher), Prefixed("coll. ", c.Get("collection")),
            c.Get("année de la contribution", "année"), Prefixed("p. ", c.Get("page")), Prefixed("scène ", c.Get("scène")), c.Get("section"));
    }

    private static Piece Article(TemplateCall c) =>
        Comma(c.Get("titre"), c.Get("auteur"), c.Get("publication"), Prefixed("nº ", c.Get("numéro")), c.Get("date"), Prefixed("p. ", c.Get("page")));

    private static Piece Film(TemplateCall c) =>
        Comma(c.Get("titre"), c.Get("auteur"), Prefixed("interprété par ", c.Get("acteur")), c.Get("date"));

    private static Piece Song(TemplateCall c) =>
        Comma(c.Get("titre"), c.Get("auteur"), c.Get("interprète"), c.Get("album"), c.Get("label"), c.Get("date", "année"));

    private const int MaxOtherValues = 30;

    private static Piece OtherReference(TemplateCall c) =>
        Comma([c.Get("titre"), c.Get("auteur"),
            .. c.Keys.Where(k => k is not ("titre" or "auteur")).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxOtherValues).Select(k => c.Get(k))]);

    private static Piece QuoteOfTheDay(TemplateCall c) =>
        new PieceBuilder().Add("Citation choisie pour être citation du jour du ")
            .Add(Piece.Join(" ", [c.Get("jour"), c.Get("mois"), c.Get("année")])).Add(".").Build();

    private static Piece Prefixed(string prefix, Piece piece) => piece.IsEmpty ? piece : Piece.Plain(prefix) + piece;

    private static Piece Comma(params Piece[] parts) => Piece.Join(", ", parts);
}
