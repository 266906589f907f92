using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using QuoteArchive.Storage;

namespace QuoteArchive.Web.Archive;

/// <summary>How archive content becomes markup: the few rules every page shares.</summary>
public static class ArchiveMarkup
{
    /// <summary>
    /// Markdown topics carry <paramref name="html"/>, rendered at import by Markdig with raw HTML disabled, so it
    /// is emitted as it is. Page text has none: it is encoded here, its line breaks (verse, letters) kept.
    /// </summary>
    public static IHtmlContent Render(string text, string? html) => new Markup(text, html, Paragraph: false);

    public static IHtmlContent Render(this RichText text) => Render(text.Text, text.Html);

    /// <summary>As <see cref="Render(string, string?)"/>, as one paragraph unless the HTML is already a block.</summary>
    public static IHtmlContent RenderParagraph(string text, string? html) => new Markup(text, html, Paragraph: true);

    public static IHtmlContent RenderParagraph(this RichText text) => RenderParagraph(text.Text, text.Html);

    /// <summary><see cref="Render(string, string?)"/> written straight into a writer.</summary>
    public static void Write(TextWriter writer, HtmlEncoder encoder, string text, string? html)
    {
        if (html is not null)
        {
            writer.Write(html);
            return;
        }
        // Most quotes are one line: the text alone, encoded as it is written.
        var start = 0;
        for (var end = text.IndexOf('\n'); end >= 0; start = end + 1, end = text.IndexOf('\n', start))
        {
            encoder.Encode(writer, text, start, end - start);
            writer.Write("<br>");
        }
        encoder.Encode(writer, text, start, text.Length - start);
    }

    /// <summary><see cref="RenderParagraph(string, string?)"/> written straight into a writer.</summary>
    public static void WriteParagraph(TextWriter writer, HtmlEncoder encoder, string text, string? html)
    {
        if (html is not null && html.TrimStart().StartsWith('<') && BlockStart(html.TrimStart()))
        {
            writer.Write(html);
            return;
        }
        writer.Write("<p>");
        Write(writer, encoder, text, html);
        writer.Write("</p>");
    }

    private sealed record Markup(string Text, string? Html, bool Paragraph) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            if (Paragraph)
                WriteParagraph(writer, encoder, Text, Html);
            else
                Write(writer, encoder, Text, Html);
        }
    }

    private static readonly string[] BlockTags = ["<p>", "<p ", "<ul", "<ol", "<blockquote", "<pre", "<div", "<table", "<h"];

    private static bool BlockStart(string html) =>
        BlockTags.Any(tag => html.StartsWith(tag, StringComparison.OrdinalIgnoreCase) && !html.StartsWith("<hr", StringComparison.OrdinalIgnoreCase));

    // Languages written right to left (ISO 639 codes), and the scripts that make any language so.
    private static readonly HashSet<string> RightToLeftLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "ar", "arc", "arz", "azb", "ckb", "dv", "fa", "glk", "he", "iw", "ji", "ks", "lrc", "mzn", "nqo", "pnb",
        "ps", "sd", "skr", "syr", "ug", "ur", "yi",
    };

    private static readonly string[] RightToLeftScripts = ["arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"];

    /// <summary>The <c>dir</c> of text in a BCP 47 language: <c>rtl</c> for Persian, Arabic, Hebrew …</summary>
    public static string Direction(string language)
    {
        var subtags = language.Split('-', '_');
        var rtl = RightToLeftLanguages.Contains(subtags[0])
                  || subtags.Skip(1).Any(s => RightToLeftScripts.Contains(s, StringComparer.OrdinalIgnoreCase));
        return rtl ? "rtl" : "ltr";
    }

    /// <summary>What a status badge says; null for a plainly sourced quote, which needs none.</summary>
    public static string? StatusLabel(QuoteStatus status) => status switch
    {
        QuoteStatus.Unsourced => "Unsourced",
        QuoteStatus.Attributed => "Attributed",
        QuoteStatus.Disputed => "Disputed",
        QuoteStatus.Misattributed => "Misattributed",
        QuoteStatus.About => "About the subject",
        _ => null,
    };

    /// <summary>The class of a status badge (<c>status status-unsourced</c>), made once per status rather than per quote.</summary>
    public static string StatusClass(QuoteStatus status) =>
        (uint)status < (uint)StatusClasses.Length ? StatusClasses[(int)status] : "status status-" + status.ToString().ToLowerInvariant();

    private static readonly string[] StatusClasses = Enum.GetValues<QuoteStatus>()
        .Select(s => "status status-" + s.ToString().ToLowerInvariant()).ToArray();

    /// <summary>The pages' own language: a topic in another says so where it is listed or shown.</summary>
    public const string PagesLanguage = "en";

    /// <summary>A topic's language as the pages name it ("French" for fr), or its code where the system knows no name.</summary>
    public static string LanguageName(string code)
    {
        try
        {
            var name = System.Globalization.CultureInfo.GetCultureInfo(code).EnglishName;
            return name.StartsWith("Unknown", StringComparison.Ordinal) ? code : name;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return code;
        }
    }

    /// <summary>What a kind of topic is called on the pages: "films" in a list of kinds, "film" for one page.</summary>
    public static string KindLabel(TopicKind kind, bool plural = true) => (kind, plural) switch
    {
        (TopicKind.Person, true) => "people",
        (TopicKind.Person, false) => "person",
        (TopicKind.Film, _) => plural ? "films" : "film",
        (TopicKind.TelevisionSeries, _) => "television series",
        (TopicKind.LiteraryWork, _) => plural ? "literary works" : "literary work",
        (TopicKind.Proverbs, _) => "proverbs",
        _ => plural ? "themes" : "theme",
    };

    /// <summary>The deed of a CC BY-SA licence named like <c>CC BY-SA 4.0</c>; null when the version is unknown.</summary>
    public static string? LicenseUrl(string? license) => license?.Trim().ToUpperInvariant() switch
    {
        "CC BY-SA 4.0" => "https://creativecommons.org/licenses/by-sa/4.0/",
        "CC BY-SA 3.0" => "https://creativecommons.org/licenses/by-sa/3.0/",
        _ => null,
    };

    /// <summary>A safe link target for content: only http(s) and mailto, else null (shown as text).</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" ? url : null;

    /// <summary>Nests a flat list of entries that carry a depth (1 = top), as the source indented them.</summary>
    public static List<Nested<T>> Nest<T>(IEnumerable<T> entries, Func<T, int> depth)
    {
        var roots = new List<Nested<T>>();
        var open = new Stack<(int Depth, Nested<T> Node)>();
        foreach (var entry in entries)
        {
            var node = new Nested<T>(entry, []);
            var level = depth(entry);
            while (open.Count > 0 && open.Peek().Depth >= level)
                open.Pop();
            (open.Count > 0 ? open.Peek().Node.Children : roots).Add(node);
            open.Push((level, node));
        }
        return roots;
    }
}

public sealed record Nested<T>(T Value, List<Nested<T>> Children);
