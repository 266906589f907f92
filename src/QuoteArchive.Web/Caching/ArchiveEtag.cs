using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace QuoteArchive.Web.Caching;

/// <summary>
/// <c>W/"{archive build id}.{app version}-{hash of path, query and UTC date}"</c>. Every replica serving the same
/// archive file with the same app computes the same tag, so a cache may revalidate against any of them; a new
/// import or a new version of the app changes every tag. The date is in the tag because the quote of the day
/// (home page, <c>/api/today</c>) changes at midnight UTC. Weak, because the same answer goes out in several encodings
/// (br, gzip, none), and a proxy may recompress the bytes.
/// </summary>
public static class ArchiveEtag
{
    public static string For(string version, DateOnly day, PathString path, QueryString query, string variant = "")
    {
        // Computed for every answer, cached ones too: a fast hash, not a cryptographic one (nothing is secret in a tag).
        var named = $"{path.Value}{query.Value}\n{day:yyyy-MM-dd}" + (variant.Length > 0 ? "\n" + variant : "");
        return $"W/\"{version}-{XxHash3.HashToUInt64(MemoryMarshal.AsBytes(named.AsSpan())):x16}\"";
    }

    /// <summary>The archive build and this build of the app: rendering changes with either.</summary>
    public static string VersionOf(string archiveBuildId) => $"{archiveBuildId}.{AppVersion}";

    private static readonly string AppVersion =
        Convert.ToHexStringLower(typeof(ArchiveEtag).Assembly.ManifestModule.ModuleVersionId.ToByteArray().AsSpan(0, 4));

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
