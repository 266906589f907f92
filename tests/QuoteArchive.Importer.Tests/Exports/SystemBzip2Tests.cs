using System.Text;
using ICSharpCode.SharpZipLib.BZip2;
using QuoteArchive.Importer.Exports;

namespace QuoteArchive.Importer.Tests.Exports;

/// <summary>The system's libbz2 decompresses a multistream dump's streams as SharpZipLib does, and refuses what is damaged.</summary>
public sealed class SystemBzip2Tests
{
    // Several blocks of 100 KB (block size 1), text that does not repeat much: a stream as a dump's, not one trivial block.
    private static readonly byte[] Text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 40_000)
        .Select(i => $"<page><title>Topic {i * 7919 % 100_003}</title><text>* Quote ö {i}: {Convert.ToHexString(BitConverter.GetBytes(i * 2654435761u))}</text></page>\n")));

    private static byte[] Compressed(byte[]? text = null)
    {
        using var output = new MemoryStream();
        using (var bzip2 = new BZip2OutputStream(output, blockSize: 1) { IsStreamOwner = false })
            bzip2.Write(text ?? Text);
        return output.ToArray();
    }

    [Fact]
    public void TheSystemLibraryIsThereAndGivesWhatSharpZipLibGives()
    {
        Assert.True(SystemBzip2.IsAvailable, "libbz2.so.1.0 is missing: the importer falls back to SharpZipLib");
        var compressed = Compressed();
        using var sharpZipLib = new MemoryStream();
        using (var input = new BZip2InputStream(new MemoryStream(compressed)))
            input.CopyTo(sharpZipLib);

        var decompressed = SystemBzip2.Decompress(compressed).ToArray();

        Assert.Equal(Text, decompressed);
        Assert.Equal(sharpZipLib.ToArray(), decompressed);
    }

    [Fact]
    public void AStreamThatGrowsManyTimesItsSizeIsWhole()
    {
        // 10 MB of one letter compress to some hundred bytes: the output outgrows its first buffer many times over.
        var text = Enumerable.Repeat((byte)'a', 10_000_000).ToArray();
        var compressed = Compressed(text);
        Assert.True(compressed.Length * 8 * 16 < text.Length, $"{compressed.Length} bytes compressed");

        Assert.Equal(text, SystemBzip2.Decompress(compressed).ToArray());
    }

    [Fact]
    public void BytesThatAreNoBzip2AreDamagedData()
    {
        var error = Assert.Throws<InvalidDataException>(() => SystemBzip2.Decompress(Text[..4096]));

        Assert.True(DumpStreams.IsDamagedData(error));
        Assert.Contains("damaged bzip2 data", error.Message);
    }

    [Fact]
    public void AStreamCutShortIsDamagedData()
    {
        var compressed = Compressed();

        var error = Assert.Throws<InvalidDataException>(() => SystemBzip2.Decompress(compressed[..(compressed.Length / 2)]));

        Assert.True(DumpStreams.IsDamagedData(error));
        Assert.Contains("ends before its stream does", error.Message);
    }

    [Fact]
    public void AChangedByteIsDamagedData()
    {
        var compressed = Compressed();
        compressed[compressed.Length / 2] ^= 0x5a;

        var error = Assert.Throws<InvalidDataException>(() => SystemBzip2.Decompress(compressed));

        Assert.True(DumpStreams.IsDamagedData(error));
        Assert.Contains("damaged bzip2 data", error.Message);
    }
}
