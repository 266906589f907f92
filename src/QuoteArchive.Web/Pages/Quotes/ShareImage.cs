using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using QuoteArchive.Web.Archive;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace QuoteArchive.Web.Pages.Quotes;

/// <summary>
/// A quote's share card, <c>/q/{id}.png</c>: 1200×630 (the size Open Graph and Twitter cards show), the quote large,
/// who said it, the site's name. Text is shaped with HarfBuzz, so joined scripts (Arabic, Bengali …) and marks come
/// out right; each character is set in the first installed font that has it (the system's font fallback); a
/// right-to-left quote runs from the right margin. Too long a quote is cut at a word, with an ellipsis.
/// </summary>
public static class ShareImage
{
    public const int Width = 1200, Height = 630;
    private const float Margin = 80, QuoteTop = 90, QuoteBottom = 470;
    private static readonly float[] QuoteSizes = [60, 52, 44, 38, 32];
    private static readonly SKColor Paper = new(0xfa, 0xf7, 0xf0), Ink = new(0x22, 0x22, 0x22), Muted = new(0x5f, 0x5a, 0x52), Accent = new(0x8a, 0x3b, 0x12);

    public static byte[] Render(QuoteView quote)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(Paper);
        using (var bar = new SKPaint { Color = Accent })
            canvas.DrawRect(0, 0, 16, Height, bar);
        using var fonts = new FontSet();

        var rightToLeft = IsRightToLeft(quote.Text);
        var (size, lines) = Fit(fonts, QuoteFormats.ShortenLines(quote.Text, 600).Replace("\n", " \n "));
        var lineHeight = size * 1.3f;
        var y = QuoteTop + size;
        foreach (var line in lines)
        {
            fonts.DrawLine(canvas, line, y, size, Serif: true, Ink, rightToLeft);
            y += lineHeight;
        }

        var (by, isAuthor) = Byline.Of(quote);
        var byLine = fonts.FitWords((isAuthor ? "— " + by : by).Split(' '), 36, Width - 2 * Margin, Serif: false, maxLines: 1);
        fonts.DrawLine(canvas, byLine[0], QuoteBottom + 70, 36, Serif: false, Muted, IsRightToLeft(by));
        fonts.DrawLine(canvas, [ArchiveUrls.SiteName], Height - 40, 28, Serif: false, Accent, rightToLeft: false);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>The largest size at which the quote fits; at the smallest, as many lines as fit, the last with an ellipsis.</summary>
    private static (float Size, List<List<string>> Lines) Fit(FontSet fonts, string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var size in QuoteSizes)
        {
            var maxLines = (int)((QuoteBottom - QuoteTop) / (size * 1.3f));
            var lines = fonts.FitWords(words, size, Width - 2 * Margin, Serif: true, maxLines);
            if (size == QuoteSizes[^1] || lines.Sum(l => l.Count) == words.Count(w => w != "\n"))
                return (size, lines);
        }
        throw new InvalidOperationException("unreachable");
    }

    // The first strong character decides, as the Unicode bidirectional algorithm does for a paragraph.
    private static bool IsRightToLeft(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (value is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF)
                return true;
            if (Rune.IsLetter(rune))
                return false;
        }
        return false;
    }

    /// <summary>The fonts of one rendering: a serif and a sans for the text, and whatever installed font has a character they lack.</summary>
    private sealed class FontSet : IDisposable
    {
        private static readonly SKTypeface SerifFace = Match("Noto Serif", "DejaVu Serif", "Liberation Serif");
        private static readonly SKTypeface SansFace = Match("Noto Sans", "DejaVu Sans", "Liberation Sans");
        private static readonly ConcurrentDictionary<int, SKTypeface> Fallbacks = new();
        private readonly Dictionary<SKTypeface, SKShaper> shapers = [];

        private static SKTypeface Match(params string[] families) =>
            families.Select(f => SKFontManager.Default.MatchFamily(f)).FirstOrDefault(t => t is not null) ?? SKTypeface.Default;

        /// <summary>Words into lines no wider than <paramref name="width"/>; "\n" breaks a line; past the last line an ellipsis.</summary>
        public List<List<string>> FitWords(IReadOnlyList<string> words, float size, float width, bool Serif, int maxLines)
        {
            var lines = new List<List<string>> { new() };
            float lineWidth = 0, space = Measure(" ", size, Serif);
            var cut = false;
            foreach (var word in words)
            {
                var line = lines[^1];
                if (word == "\n")
                {
                    if (line.Count > 0)
                        lines.Add([]);
                    lineWidth = 0;
                }
                else
                {
                    var wordWidth = Measure(word, size, Serif);
                    if (line.Count > 0 && lineWidth + space + wordWidth > width)
                    {
                        lines.Add([]);
                        line = lines[^1];
                        lineWidth = 0;
                    }
                    line.Add(word);
                    lineWidth += (line.Count > 1 ? space : 0) + wordWidth;
                }
                if (lines.Count > maxLines)
                {
                    cut = true;
                    break;
                }
            }
            lines = lines.Take(maxLines).Where(l => l.Count > 0).ToList();
            if (cut && lines.Count > 0)
            {
                var last = lines[^1];
                while (last.Count > 1 && Measure(string.Join(' ', last) + "…", size, Serif) > width)
                    last.RemoveAt(last.Count - 1);
                last[^1] = last[^1].TrimEnd(',', ';', ':', '.') + "…";
            }
            return lines;
        }

        public void DrawLine(SKCanvas canvas, IReadOnlyList<string> words, float y, float size, bool Serif, SKColor color, bool rightToLeft)
        {
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            var space = Measure(" ", size, Serif);
            var x = rightToLeft ? Width - Margin : Margin;
            foreach (var word in words)
            {
                var runs = Runs(word, Serif);
                var wordWidth = runs.Sum(r => RunWidth(r, size));
                var runX = rightToLeft ? x - wordWidth : x;
                foreach (var run in rightToLeft && runs.Count > 1 ? Enumerable.Reverse(runs) : runs)
                {
                    using var font = new SKFont(run.Face, size);
                    canvas.DrawShapedText(Shaper(run.Face), run.Text, runX, y, SKTextAlign.Left, font, paint);
                    runX += RunWidth(run, size);
                }
                x += rightToLeft ? -(wordWidth + space) : wordWidth + space;
            }
        }

        private float Measure(string text, float size, bool serif) => Runs(text, serif).Sum(r => RunWidth(r, size));

        private float RunWidth((SKTypeface Face, string Text) run, float size)
        {
            using var font = new SKFont(run.Face, size);
            return Shaper(run.Face).Shape(run.Text, font).Width;
        }

        private SKShaper Shaper(SKTypeface face)
        {
            if (!shapers.TryGetValue(face, out var shaper))
                shapers[face] = shaper = new SKShaper(face);
            return shaper;
        }

        /// <summary>The text in pieces that one font each can set, grapheme by grapheme, so a mark stays with its letter.</summary>
        private static List<(SKTypeface Face, string Text)> Runs(string text, bool serif)
        {
            var primary = serif ? SerifFace : SansFace;
            var runs = new List<(SKTypeface Face, string Text)>();
            var graphemes = StringInfo.GetTextElementEnumerator(text);
            while (graphemes.MoveNext())
            {
                var grapheme = graphemes.GetTextElement();
                var face = Covers(primary, grapheme) ? primary : Fallback(grapheme, primary);
                if (runs.Count > 0 && runs[^1].Face == face)
                    runs[^1] = (face, runs[^1].Text + grapheme);
                else
                    runs.Add((face, grapheme));
            }
            return runs;
        }

        private static bool Covers(SKTypeface face, string grapheme)
        {
            using var font = new SKFont(face);
            return grapheme.EnumerateRunes().All(r => Rune.GetUnicodeCategory(r) is UnicodeCategory.Format || font.GetGlyph(r.Value) != 0);
        }

        private static SKTypeface Fallback(string grapheme, SKTypeface primary)
        {
            var rune = grapheme.EnumerateRunes().First();
            return Fallbacks.GetOrAdd(rune.Value, value =>
                SKFontManager.Default.MatchCharacter(primary.FamilyName, primary.FontStyle, [], value) ?? primary);
        }

        public void Dispose()
        {
            foreach (var shaper in shapers.Values)
                shaper.Dispose();
        }
    }
}
