using System.Security.Cryptography;
using System.Text;

namespace QuoteArchive.Web.Caching;

/// <summary>
/// <c>W/"{build id}-{hash of path and query}"</c>. Every replica serving the same archive file computes the same
/// tag, so a cache may revalidate against any of them; a new import changes the build id and with it every tag.
/// Weak, because a proxy may recompress the bytes; the meaning stays the same.
/// </summary>
public static class ArchiveEtag
{
    public static string For(string buildId, PathString path, QueryString query)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(path.Value + query.Value));
        return $"W/\"{buildId}-{Convert.ToHexStringLower(hash.AsSpan(0, 8))}\"";
    }

    /// <summary>
    /// RFC 9110 §13.1.2 weak comparison over a list of tags. <c>*</c> is not honoured: it would answer 304
    /// for paths this middleware never tags (health, <c>/random</c>).
    /// </summary>
    public static bool Matches(IEnumerable<string?> ifNoneMatch, string etag)
    {
        var opaque = Opaque(etag);
        foreach (var header in ifNoneMatch)
        {
            foreach (var candidate in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (Opaque(candidate) == opaque)
                    return true;
            }
        }
        return false;
    }

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
