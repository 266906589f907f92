using System.Text;
using QuoteArchive.Importer.Topics;

namespace QuoteArchive.Importer;

/// <summary>A content file read as text: UTF-8 decoded, line ends as <c>\n</c>, with its language.</summary>
public sealed record ContentFile(string RelativePath, string Language, string Text)
{
    /// <summary>The files of one page each; MediaWiki exports and dumps (<c>DumpStreams.IsExport</c>) hold many.</summary>
    public static readonly string[] Extensions = [".txt", ".md", ".wiki"];

    /// <summary>
    /// FORMAT.md: "Read as UTF-8 (a BOM is skipped; invalid bytes become U+FFFD and a warning).
    /// CRLF and CR line ends are accepted." Returns null (with an error) for a file that is not text.
    /// </summary>
    public static ContentFile? Decode(string relativePath, byte[] bytes, string language, List<Diagnostic> diagnostics)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble))
            span = span[3..];

        var nul = span.IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Add(new(new(relativePath, LineOf(span, nul)), Severity.Error, "binary file (NUL byte): not a text content file"));
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException ex)
        {
            var line = ex.Index >= 0 ? LineOf(span, ex.Index) : 1;
            diagnostics.Add(new(new(relativePath, line), Severity.Warning, "invalid UTF-8: bad bytes replaced by U+FFFD"));
            text = Encoding.UTF8.GetString(span);
        }

        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(new(new(relativePath, 1), Severity.Error, "empty file: a topic needs at least a title"));
            return null;
        }
        return new ContentFile(relativePath, language, text);
    }

    /// <summary>FORMAT.md: "the name of the folder it sits in when that is a language code (<c>content/fr/Amour.txt</c> → <c>fr</c>)".</summary>
    public static string LanguageOf(string relativePath, string defaultLanguage)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(relativePath) ?? "");
        return LanguageCodes.IsLanguageCode(folder) ? folder.ToLowerInvariant() : defaultLanguage;
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int index) => bytes[..Math.Min(index, bytes.Length)].Count((byte)'\n') + 1;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
