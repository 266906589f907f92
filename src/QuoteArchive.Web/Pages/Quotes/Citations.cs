using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using QuoteArchive.Storage;
using QuoteArchive.Web.Archive;

namespace QuoteArchive.Web.Pages.Quotes;

/// <summary>One way to cite a quote: <c>mla</c>, "MLA", and the citation itself.</summary>
public sealed record Citation(string Format, string Label, string Text);

/// <summary>What the Cite button offers: the permalink, the day it was read, and the quote cited in every format.</summary>
public sealed record CitationSet(string Permalink, string Accessed, IReadOnlyList<Citation> Formats);

/// <summary>
/// A quote cited in the styles readers are asked for. Each names the archive's permalink and the day it was read,
/// the original source (author, work, year) as far as the archive knows it, and the exact revision of the wiki page
/// the quote was taken from where the archive has one. Nothing is guessed: an unknown author or year is left out.
/// </summary>
public static partial class Citations
{
    public static CitationSet For(QuoteView quote, string permalink, DateOnly accessed)
    {
        var source = Source.Of(quote);
        return new(permalink, Iso(accessed),
        [
            new("text", "Plain text", PlainText(quote, source, permalink, accessed)),
            new("mla", "MLA", Mla(quote, source, permalink, accessed)),
            new("apa", "APA", Apa(quote, source, permalink, accessed)),
            new("chicago", "Chicago", Chicago(quote, source, permalink, accessed)),
            new("bibtex", "BibTeX", BibTeX(quote, source, permalink, accessed)),
            new("csl-json", "CSL-JSON", CslJson(quote, source, permalink, accessed)),
        ]);
    }

    /// <summary>Who said it: the author index's name, else the name the attribution gave; null when unknown.</summary>
    public static string? AuthorOf(QuoteView quote) => quote.AuthorName ?? quote.Author;

    /// <summary>Where the archive took the quote from: the topic's page, and its revision when known.</summary>
    private sealed record Source(string Topic, string Url, string Host, long? RevisionId, DateOnly? RevisionDate, string? RevisionUrl)
    {
        public static Source Of(QuoteView quote)
        {
            var topic = quote.Topic;
            var host = Uri.TryCreate(topic.SourceUrl, UriKind.Absolute, out var uri) ? uri.Host : topic.SourceUrl;
            var revision = topic.Revision;
            return new(topic.Title, topic.SourceUrl, host, revision?.Id,
                revision is null ? null : DateOnly.FromDateTime(revision.Timestamp.UtcDateTime),
                revision is null ? null : WikiRevisions.RevisionUrl(topic.SourceUrl, revision.Id));
        }

        /// <summary>"en.wikiquote.org, revision 123 of 2024-05-01, https://…oldid=123", or the page's address alone.</summary>
        public string Describe(Func<DateOnly, string> date) => RevisionId is { } id
            ? $"{Host}, revision {id.ToString(CultureInfo.InvariantCulture)} of {date(RevisionDate!.Value)}, {RevisionUrl ?? Url}"
            : $"{Host}, {Url}";
    }

    private static string PlainText(QuoteView quote, Source source, string permalink, DateOnly accessed)
    {
        var text = new StringBuilder($"“{Flat(quote.Text)}”");
        var by = Join(", ", AuthorOf(quote), quote.Work);
        if (by.Length > 0 || quote.Year is not null)
            text.Append(" — ").Append(by).Append(quote.Year is { } year ? (by.Length > 0 ? $" ({year})" : year) : "");
        text.Append($". In “{source.Topic}”, {ArchiveUrls.SiteName}, {permalink} (accessed {Iso(accessed)}).");
        text.Append($" Source: {source.Describe(Iso)}.");
        return text.ToString();
    }

    private static string Mla(QuoteView quote, Source source, string permalink, DateOnly accessed)
    {
        var parts = new List<string>();
        if (AuthorOf(quote) is { } author)
            parts.Add(EndSentence(author));
        parts.Add($"“{EndSentence(Short(quote))}”");
        if (Join(", ", quote.Work, quote.Year) is { Length: > 0 } original)
            parts.Add(EndSentence(original));
        parts.Add($"Quoted in “{source.Topic},” {ArchiveUrls.SiteName}, {permalink}.");
        parts.Add($"Accessed {MlaDate(accessed)}.");
        parts.Add($"Source: {source.Describe(MlaDate)}.");
        return string.Join(' ', parts);
    }

    private static string Apa(QuoteView quote, Source source, string permalink, DateOnly accessed)
    {
        var parts = new List<string>();
        if (AuthorOf(quote) is { } author)
            parts.Add(EndSentence(author));
        parts.Add($"({quote.Year ?? "n.d."}).");
        parts.Add(quote.Work is { } work ? EndSentence(work) : $"“{EndSentence(Short(quote))}”");
        parts.Add($"Quoted in {EndSentence(source.Topic)} {ArchiveUrls.SiteName}.");
        parts.Add($"Retrieved {LongDate(accessed)}, from {permalink} (source: {source.Describe(LongDate)})");
        return string.Join(' ', parts);
    }

    private static string Chicago(QuoteView quote, Source source, string permalink, DateOnly accessed)
    {
        var original = Join(", ", AuthorOf(quote), quote.Work) + (quote.Year is { } year ? $" ({year})" : "");
        var quoted = $"“{Short(quote)},” ";
        return $"{(original.Trim().Length > 0 ? original.Trim() + ", " : "")}{quoted}quoted in “{source.Topic},” {ArchiveUrls.SiteName}, "
            + $"accessed {LongDate(accessed)}, {permalink}; source: {source.Describe(LongDate)}.";
    }

    private static string BibTeX(QuoteView quote, Source source, string permalink, DateOnly accessed)
    {
        var fields = new List<(string, string)>();
        if (AuthorOf(quote) is { } author)
            fields.Add(("author", "{" + Bib(author) + "}"));
        fields.Add(("title", Bib(Short(quote))));
        if (quote.Year is { } year)
            fields.Add(("year", Bib(year)));
        fields.Add(("howpublished", $"\\url{{{permalink}}}"));
        fields.Add(("url", permalink));
        fields.Add(("urldate", Iso(accessed)));
        var note = $"{(quote.Work is { } work ? Bib(work) + ". " : "")}Quoted in ``{Bib(source.Topic)}'', {ArchiveUrls.SiteName}. Source: {Bib(source.Describe(Iso))}";
        fields.Add(("note", note));
        return $"@misc{{quotearchive:{quote.Id},\n{string.Join(",\n", fields.Select(f => $"  {f.Item1} = {{{f.Item2}}}"))}\n}}";
    }

    private static string CslJson(QuoteView quote, Source source, string permalink, DateOnly accessed)
    {
        var item = new JsonObject
        {
            ["id"] = "quotearchive:" + quote.Id,
            ["type"] = "webpage",
            ["title"] = Flat(quote.Text),
            ["container-title"] = ArchiveUrls.SiteName,
            ["URL"] = permalink,
            ["accessed"] = DateParts(accessed.Year, accessed.Month, accessed.Day),
        };
        if (AuthorOf(quote) is { } author)
            item["author"] = new JsonArray(new JsonObject { ["literal"] = author });
        if (quote.Work is { } work)
            item["original-title"] = work;
        if (quote.Year is { } year)
            item["original-date"] = YearPattern().IsMatch(year) ? DateParts(int.Parse(year, CultureInfo.InvariantCulture)) : new JsonObject { ["literal"] = year };
        item["note"] = $"Quoted in “{source.Topic}”. Source: {source.Describe(Iso)}";
        if (source.RevisionDate is { } revised)
            item["issued"] = DateParts(revised.Year, revised.Month, revised.Day);
        return new JsonArray(item).ToJsonString(CslOptions);
    }

    private static readonly JsonSerializerOptions CslOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static JsonObject DateParts(params int[] parts) => new() { ["date-parts"] = new JsonArray(new JsonArray(parts.Select(p => (JsonNode)p).ToArray())) };

    // A citation names the quote by its opening words; the full text is on the page it links to.
    private static string Short(QuoteView quote) => QuoteFormats.Shorten(quote.Text, 150);

    private static string Flat(string text) => QuoteIds.Normalize(text);

    private static string Join(string separator, params string?[] parts) => string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string EndSentence(string text) => text.TrimEnd().EndsWith('.') || text.TrimEnd().EndsWith('?') || text.TrimEnd().EndsWith('!') || text.TrimEnd().EndsWith('…')
        ? text.TrimEnd() : text.TrimEnd() + ".";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string LongDate(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    // MLA abbreviates months of more than four letters: "2 Dec. 2026", "7 June 2023".
    private static string MlaDate(DateOnly date) =>
        $"{date.Day} {(date.Month is 5 or 6 or 7 ? date.ToString("MMMM", CultureInfo.InvariantCulture) : date.Month == 9 ? "Sept." : date.ToString("MMM", CultureInfo.InvariantCulture) + ".")} {date.Year}";

    // BibTeX's special characters, so that a quote's text cannot end a field or start a command.
    private static string Bib(string text) => BibSpecial().Replace(Flat(text), m => m.Value switch
    {
        "\\" => "\\textbackslash{}",
        "~" => "\\textasciitilde{}",
        "^" => "\\textasciicircum{}",
        var c => "\\" + c,
    });

    [GeneratedRegex(@"[\\{}$&%#_^~]")]
    private static partial Regex BibSpecial();

    [GeneratedRegex(@"^\d{1,4}$")]
    private static partial Regex YearPattern();
}
