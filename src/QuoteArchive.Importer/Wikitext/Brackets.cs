using System.Buffers;

namespace QuoteArchive.Importer.Wikitext;

/// <summary>
/// Which opener of a nesting construct closes where, found in one pass with a stack (no recursion, bounded work per
/// character): <c>{{…}}</c>, optionally <c>[[…]]</c>, and the tags whose content may hold them (<c>&lt;ref&gt;</c>,
/// <c>&lt;poem&gt;</c>, <c>&lt;gallery&gt;</c>). Comments and the raw tags (<see cref="Tags.IsRaw"/>: <c>&lt;nowiki&gt;</c>,
/// <c>&lt;math&gt;</c> …) hide what they hold. An opener that never closes is listed in
/// <see cref="Unclosed"/>: MediaWiki shows it as text, and so do we.
/// </summary>
internal sealed class Brackets
{
    private enum Kind { Template, Link, Ref, Poem, Gallery }

    private readonly Dictionary<int, int> ends = [];

    /// <summary>Positions of openers (<c>{{</c>, <c>[[</c>, <c>&lt;ref</c>, <c>&lt;poem</c>, <c>&lt;gallery</c>, <c>&lt;!--</c>, a raw tag) that never close.</summary>
    public List<int> Unclosed { get; } = [];

    /// <summary>The index just past the closer of the opener at <paramref name="opener"/>.</summary>
    public bool TryEnd(int opener, out int end) => ends.TryGetValue(opener, out end);

    private static Kind? TagKind(string name) => name switch
    {
        "ref" => Kind.Ref,
        "poem" => Kind.Poem,
        "gallery" => Kind.Gallery,
        _ => null,
    };

    private static readonly SearchValues<char> Openers = SearchValues.Create("<{}");
    private static readonly SearchValues<char> OpenersAndLinks = SearchValues.Create("<{}[]");

    public static Brackets Match(string text, int from, int to, bool links)
    {
        var result = new Brackets();
        var stack = new List<(Kind Kind, int At)>();
        var open = new int[5];
        var commentsClose = true;
        // The raw tags (nowiki, math …) of which one found no close: none after it will.
        HashSet<string>? neverClosed = null;
        var characters = links ? OpenersAndLinks : Openers;
        var i = from;
        while (i < to)
        {
            // Most of a page is plain text: straight to the next character that may open or close something.
            var next = text.AsSpan(i, to - i).IndexOfAny(characters);
            if (next < 0)
                break;
            i += next;
            var c = text[i];
            if (c == '<')
            {
                if (Tags.At(text, i, to, "!--"))
                {
                    var close = commentsClose ? text.IndexOf("-->", i + 4, to - i - 4, StringComparison.Ordinal) : -1;
                    if (close >= 0)
                    {
                        result.ends[i] = close + 3;
                        i = close + 3;
                        continue;
                    }
                    // Once a comment finds no close, none after it will: remembering that keeps the pass linear.
                    commentsClose = false;
                    result.Unclosed.Add(i);
                    i += 4;
                    continue;
                }
                if (Tags.TryOpen(text, i, to, out var name, out var tagEnd, out var selfClosing))
                {
                    if (Tags.IsRaw(name) && !selfClosing)
                    {
                        var close = neverClosed?.Contains(name) == true ? -1 : Tags.IndexOfClose(text, tagEnd, to, name);
                        if (close >= 0)
                        {
                            result.ends[i] = Tags.CloseEnd(text, close, to);
                            i = result.ends[i];
                            continue;
                        }
                        (neverClosed ??= new(StringComparer.Ordinal)).Add(name);
                        result.Unclosed.Add(i);
                    }
                    else if (TagKind(name) is { } kind && !selfClosing)
                        Push(kind, i);
                    i = tagEnd;
                    continue;
                }
                if (Tags.TryClose(text, i, to, out name, out tagEnd) && TagKind(name) is { } closing)
                {
                    Pop(closing, tagEnd);
                    i = tagEnd;
                    continue;
                }
            }
            else if (c == '{' && i + 1 < to && text[i + 1] == '{')
            {
                Push(Kind.Template, i);
                i += 2;
                continue;
            }
            else if (c == '}' && i + 1 < to && text[i + 1] == '}' && open[(int)Kind.Template] > 0)
            {
                Pop(Kind.Template, i + 2);
                i += 2;
                continue;
            }
            else if (links && c == '[' && i + 1 < to && text[i + 1] == '[')
            {
                Push(Kind.Link, i);
                i += 2;
                continue;
            }
            else if (links && c == ']' && i + 1 < to && text[i + 1] == ']' && open[(int)Kind.Link] > 0)
            {
                Pop(Kind.Link, i + 2);
                i += 2;
                continue;
            }
            i++;
        }
        foreach (var (_, at) in stack)
            result.Unclosed.Add(at);
        result.Unclosed.Sort();
        return result;

        void Push(Kind kind, int at)
        {
            stack.Add((kind, at));
            open[(int)kind]++;
        }

        // Closes the innermost opener of this kind; openers of other kinds inside it never closed. A closer with no
        // opener of its kind is text. Each opener is popped once, so the whole pass stays linear.
        void Pop(Kind kind, int end)
        {
            if (open[(int)kind] == 0)
                return;
            while (stack.Count > 0)
            {
                var (top, at) = stack[^1];
                stack.RemoveAt(stack.Count - 1);
                open[(int)top]--;
                if (top == kind)
                {
                    result.ends[at] = end;
                    return;
                }
                result.Unclosed.Add(at);
            }
        }
    }
}
