using System.IO.Compression;
using ICSharpCode.SharpZipLib.BZip2;

namespace QuoteArchive.Importer.Exports;

/// <summary>
/// Opens a MediaWiki export as it is stored: plain <c>.xml</c>, <c>.xml.gz</c>, or <c>.xml.bz2</c> (Wikimedia's dumps;
/// the "multistream" ones are many independent bzip2 streams, decompressed here on every core).
/// </summary>
public static class DumpStreams
{
    public static bool IsExport(string path) => KindOf(path) is not null;

    /// <summary>What the decompressors throw for data that is not what the file's name says, or is damaged.</summary>
    public static bool IsDamagedData(Exception ex) => ex is InvalidDataException or ICSharpCode.SharpZipLib.SharpZipBaseException;

    /// <summary>The file's decompressed XML, read forward only.</summary>
    /// <param name="file">the file underneath, whose position says how much of it has been read</param>
    public static Stream OpenRead(string path, out FileStream file)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        try
        {
            return KindOf(path) switch
            {
                ".gz" => new GZipStream(file, CompressionMode.Decompress),
                ".bz2" => Bzip2Streams.IsMultistream(file) ? new ParallelBzip2Stream(file) : new BZip2InputStream(file),
                _ => file,
            };
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>What the file's name says it is, as an error names it: "bzip2-compressed XML".</summary>
    public static string Describe(string path) => KindOf(path) switch
    {
        ".gz" => "gzip-compressed XML",
        ".bz2" => "bzip2-compressed XML",
        _ => "readable XML",
    };

    private static string? KindOf(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var kind in new[] { ".xml", ".xml.gz", ".xml.bz2" })
        {
            if (name.EndsWith(kind, StringComparison.OrdinalIgnoreCase))
                return kind == ".xml" ? ".xml" : kind[4..];
        }
        return null;
    }
}
