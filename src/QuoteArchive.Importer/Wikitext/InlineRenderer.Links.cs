using QuoteArchive.Storage;
using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer.Wikitext;

internal sealed partial class InlineRenderer
{
    private static readonly string[] UrlSchemes = ["https://", "http://", "//", "mailto:", "ftp://", "news:", "irc://"];

    // Search memo for external links: from `failedFrom` no ']' closes before `failedTo`, so a later '[' in that range
    // need not look again (a line of a million '[http' costs linear time, not quadratic).
    private int failedFrom = -1, failedTo = -1;

    /// <summary>
    /// <c>[[Target|label]]</c>, <c>[[Target]]</c> and their kin: files (only the caption shows), categories and
    /// interlanguage links (kept on the topic, nothing shows), interwiki links (to the project's address), and links to
    /// this wiki's pages (<c>/wiki/{slug}</c>; the import rewrites those the archive lacks). MediaWiki's link trail:
    /// letters right after <c>]]</c> belong to the label (<c>[[warm]]th</c> shows "warmth").
    /// </summary>
    private int WikiLink(int i, int end, int to, InlineSink sink, int depth)
    {
        var parts = Split(i + 2, end - 2, '|');
        var rawTarget = source[parts[0].From..parts[0].To];
        var leadingColon = rawTarget.TrimStart().StartsWith(':');
        var target = rawTarget.Trim().TrimStart(':').Trim();
        var (ns, rest) = SplitNamespace(target);

        if (!leadingColon && WikiNamespaces.IsFile(ns))
        {
            var caption = WikiNamespaces.FileCaption(this, parts);
            if (caption is { } c)
                sink.Append(Render(c.From, c.To, sink.Notes, depth + 1));
            return end;
        }
        if (!leadingColon && WikiNamespaces.IsCategory(ns))
        {
            var name = rest.Split('|')[0].Trim();
            if (name.Length > 0)
                page.Topic.Categories.Add(name);
            return end;
        }
        if (!leadingColon && ns is not null && Interwiki.IsLanguage(ns) && Interwiki.UrlFor(target, page.Language) is not null)
        {
            page.Topic.LanguageLinks.Add(new(ns.ToLowerInvariant(), rest));
            return end;
        }

        var trailEnd = end;
        while (trailEnd < to && char.IsLetter(source[trailEnd]))
            trailEnd++;
        var label = parts.Count > 1
            ? Render(parts[^1].From, parts[^1].To, sink.Notes, depth + 1)
            : Piece.Plain(target);
        // The pipe trick, [[Target (film)|]]: the label is the target without its namespace and parenthesis.
        if (parts.Count > 1 && label.IsEmpty)
            label = Piece.Plain(PipeTrick(rest));
        label += Piece.Plain(source[end..trailEnd]);

        if (LinkAddress(target) is { } href)
            sink.AppendLink(href, label);
        else
            sink.Append(label);
        return trailEnd;
    }

    /// <summary>
    /// Where <c>[[target]]</c> leads: an interwiki link to its project's address, a page of this wiki to
    /// <c>/wiki/{slug}</c> (the import rewrites those the archive lacks); null for an empty title.
    /// </summary>
    public string? LinkAddress(string target)
    {
        target = target.Trim();
        // A link to a section of a page ([[Love#Proverbs]], or [[#Proverbs]] in its own page) leads to the section's
        // anchor; one to the page's own section names the page, as the text may be shown on another (a quote's own).
        var slug = target.StartsWith('#') ? page.Topic.Slug : Slugs.FromTitle(PageTitle(target));
        if (target.Length == 0 || slug.Length == 0)
            return null;
        return Interwiki.UrlFor(target, page.Language) ?? "/wiki/" + Slugs.ToUrlPath(slug) + Anchors.OfLinkFragment(target);
    }

    /// <summary><c>[https://… label]</c>: the label shows, linked; a link without label shows its number, <c>[1]</c>.</summary>
    private int ExternalLink(int i, int to, InlineSink sink, int depth, Action flush)
    {
        var scheme = UrlSchemes.FirstOrDefault(s => string.Compare(source, i + 1, s, 0, s.Length, StringComparison.OrdinalIgnoreCase) == 0);
        if (scheme is null || (i >= failedFrom && i < failedTo))
            return i;
        var close = i + 1;
        while (close < to && source[close] is not (']' or '\n'))
            close++;
        if (close >= to || source[close] != ']')
        {
            (failedFrom, failedTo) = (i, close);
            return i;
        }
        flush();
        var urlEnd = i + 1;
        // MediaWiki's URL characters: anything but white space, brackets, '<', '>' and '"'.
        while (urlEnd < close && !char.IsWhiteSpace(source[urlEnd]) && source[urlEnd] is not ('<' or '>' or '"'))
            urlEnd++;
        var url = source[(i + 1)..urlEnd];
        var labelFrom = urlEnd;
        while (labelFrom < close && char.IsWhiteSpace(source[labelFrom]))
            labelFrom++;
        var label = labelFrom < close
            ? Render(labelFrom, close, sink.Notes, depth + 1)
            : Piece.Plain($"[{page.NextLinkNumber().ToString(System.Globalization.CultureInfo.InvariantCulture)}]");
        if (SafeUrl(url) is { } href)
            sink.AppendLink(href, label);
        else
            sink.Append(label);
        return close + 1;
    }

    /// <summary>A bare <c>https://…</c> address in the text: MediaWiki links it, without the punctuation that ends a sentence.</summary>
    private int BareUrl(int i, int to, InlineSink sink, Action flush)
    {
        var rest = source.AsSpan(i, to - i);
        var scheme = rest.StartsWith(UrlSchemes[0], StringComparison.OrdinalIgnoreCase) ? UrlSchemes[0]
            : rest.StartsWith(UrlSchemes[1], StringComparison.OrdinalIgnoreCase) ? UrlSchemes[1] : null;
        if (scheme is null || (i > 0 && char.IsLetterOrDigit(source[i - 1])))
            return i;
        var end = i + scheme.Length;
        while (end < to && !char.IsWhiteSpace(source[end]) && source[end] is not ('<' or '[' or ']' or '"' or '{' or '}' or '|'))
            end++;
        while (end > i + scheme.Length && source[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '\'')
            end--;
        if (end == i + scheme.Length)
            return i;
        flush();
        var url = source[i..end];
        sink.AppendLink(SafeUrl(url)!, Piece.Plain(url));
        return end;
    }

    /// <summary>The address as the HTML may carry it: http(s) and mailto only, protocol-relative made https.</summary>
    internal static string? SafeUrl(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) ? "https:" + url
        : url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
          || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? url
        : null;

    private static (string? Namespace, string Remainder) SplitNamespace(string target)
    {
        var colon = target.IndexOf(':');
        return colon <= 0 ? (null, target) : (target[..colon].Trim(), target[(colon + 1)..].Trim());
    }

    /// <summary>MediaWiki capitalises the first letter of a page title and drops the section part from the page it links.</summary>
    private static string PageTitle(string target)
    {
        var hash = target.IndexOf('#');
        // MediaWiki reads a percent-encoded title as its characters: [[How Long Will I Love You%3F]], and composes
        // them (NFC), as its titles are: [[Cafe\u0301]] names Café.
        var title = Uri.UnescapeDataString(hash >= 0 ? target[..hash] : target).Trim();
        return Slugs.WithCapitalFirstLetter(Slugs.Composed(title));
    }

    private static string PipeTrick(string target)
    {
        var paren = target.IndexOf(" (", StringComparison.Ordinal);
        return (paren > 0 ? target[..paren] : target.Split(',')[0]).Trim();
    }
}
