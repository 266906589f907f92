namespace QuoteArchive.Importer.Wikitext;

internal sealed partial class InlineRenderer
{
    private const int MaxNameLength = 200;

    private void Template(int i, int end, InlineSink sink, int depth)
    {
        var call = Call(i, end, sink.Notes, depth);
        sink.Append(TemplateTable.Render(call));
    }

    /// <summary>The template call whose <c>{{</c> stands at <paramref name="i"/> and whose <c>}}</c> ends at <paramref name="end"/>.</summary>
    public TemplateCall Call(int i, int end, List<RefNote> notes, int depth = 0)
    {
        var parts = Split(i + 2, end - 2, '|');
        // A name is short: a longer "name" is text that only looks like a template, and is not worth cleaning.
        var name = Clean(source[parts[0].From..Math.Min(parts[0].To, parts[0].From + MaxNameLength)]);
        var parameters = new List<(string Key, int From, int To)>();
        // Parser functions and magic words put their first argument after a colon: {{DEFAULTSORT:Eusepi, Cecilia}},
        // {{#dateformat:1939-12-21}}.
        var colon = name.IndexOf(':');
        if (colon > 0 && colon < parts[0].To - parts[0].From)
        {
            var at = source.IndexOf(':', parts[0].From, parts[0].To - parts[0].From);
            parameters.Add(("1", at + 1, parts[0].To));
            name = name[..colon].Trim();
        }
        var position = parameters.Count;
        foreach (var (from, to) in parts.Skip(1))
        {
            var keyed = Split(from, to, '=');
            var key = keyed.Count > 1 && keyed[0].To - from <= MaxNameLength ? Clean(source[from..keyed[0].To]) : "";
            if (keyed.Count > 1 && key.Length is > 0 and <= 60 && !key.Contains('\n'))
                parameters.Add((key, keyed[0].To + 1, to));
            else
                parameters.Add(((++position).ToString(System.Globalization.CultureInfo.InvariantCulture), from, to));
        }
        return new TemplateCall(this, name, parameters, depth, notes, line.LineOf(i));
    }

    /// <summary>The single template that is all of <c>[from, to)</c> but for white space and comments, if it is one.</summary>
    public bool TryWholeTemplate(int from, int to, out int start, out int end) =>
        TryLeadingTemplate(from, to, out start, out end) && SkipSpaceAndComments(end, to) == to;

    /// <summary>A template that opens <c>[from, to)</c> (after white space and comments), whatever follows it.</summary>
    public bool TryLeadingTemplate(int from, int to, out int start, out int end)
    {
        start = end = -1;
        var i = SkipSpaceAndComments(from, to);
        if (i + 1 >= to || source[i] != '{' || source[i + 1] != '{' || !line.Brackets.TryEnd(i, out var close) || close > to)
            return false;
        (start, end) = (i, close);
        return true;
    }

    public int SkipSpaceAndComments(int i, int to)
    {
        while (i < to)
        {
            if (char.IsWhiteSpace(source[i]))
                i++;
            else if (Tags.At(source, i, to, "!--") && line.Brackets.TryEnd(i, out var end))
                i = end;
            else
                break;
        }
        return i;
    }

    private static string Clean(string raw)
    {
        var text = raw;
        for (var open = text.IndexOf("<!--", StringComparison.Ordinal); open >= 0; open = text.IndexOf("<!--", StringComparison.Ordinal))
        {
            var close = text.IndexOf("-->", open + 4, StringComparison.Ordinal);
            text = close < 0 ? text[..open] : text[..open] + text[(close + 3)..];
        }
        return string.Join(' ', text.Replace('_', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
