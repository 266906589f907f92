using System.Text.RegularExpressions;

namespace QuoteArchive.Importer.Wikitext;

/// <summary>The namespaces a page's links name that are not links to pages: files and categories, in English and French.</summary>
internal static partial class WikiNamespaces
{
    private static readonly HashSet<string> Files = new(StringComparer.OrdinalIgnoreCase) { "File", "Image", "Fichier", "Media", "Média" };
    private static readonly HashSet<string> Categories = new(StringComparer.OrdinalIgnoreCase) { "Category", "Catégorie" };

    public static bool IsFile(string? ns) => ns is not null && Files.Contains(ns);

    public static bool IsCategory(string? ns) => ns is not null && Categories.Contains(ns);

    /// <summary>
    /// MediaWiki's image syntax <c>[[File:name|options…|caption]]</c>: the caption is the last part that is not an
    /// option (thumb, right, 250px, alt=…); the file name is never shown.
    /// </summary>
    public static (int From, int To)? FileCaption(InlineRenderer renderer, List<(int From, int To)> parts)
    {
        for (var k = parts.Count - 1; k >= 1; k--)
        {
            var text = renderer.Line.Text[parts[k].From..parts[k].To].Trim();
            if (text.Length == 0 || ImageOption().IsMatch(text))
                continue;
            return parts[k];
        }
        return null;
    }

    // MediaWiki's image options, with the French names fr.wikiquote uses.
    [GeneratedRegex(@"^(thumb|thumbnail|frame|framed|frameless|border|right|left|center|centre|none|upright|baseline|middle|sub|super|top|text-top|bottom|text-bottom|vignette|droite|gauche|centré|néant|cadre|sans_cadre|redresse|(upright|alt|link|lien|page|class|lang|thumbtime|start|end)\s*=.*|\d*(x\d+)?\s*px)$", RegexOptions.IgnoreCase)]
    private static partial Regex ImageOption();
}
