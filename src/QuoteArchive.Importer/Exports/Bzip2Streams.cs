namespace QuoteArchive.Importer.Exports;

/// <summary>Where the independent streams of a bzip2 file start: each is byte-aligned and opens with a known header.</summary>
internal static class Bzip2Streams
{
    // "BZh", a block size 1–9, then the 48-bit magic of the first block (π's digits 0x314159265359).
    private static ReadOnlySpan<byte> BlockMagic => [0x31, 0x41, 0x59, 0x26, 0x53, 0x59];
    public const int HeaderLength = 10;

    /// <summary>The offset of the next stream header in <paramref name="data"/> at or after <paramref name="from"/>, or -1.</summary>
    public static int NextHeader(ReadOnlySpan<byte> data, int from)
    {
        for (var at = data[from..].IndexOf("BZh"u8); at >= 0; at = NextAfter(data, from, at))
        {
            var start = from + at;
            if (start + HeaderLength > data.Length)
                return -1;
            if (data[start + 3] is >= (byte)'1' and <= (byte)'9' && data.Slice(start + 4, 6).SequenceEqual(BlockMagic))
                return start;
        }
        return -1;

        static int NextAfter(ReadOnlySpan<byte> data, int from, int at)
        {
            var next = data[(from + at + 1)..].IndexOf("BZh"u8);
            return next < 0 ? -1 : at + 1 + next;
        }
    }

    /// <summary>True when a second stream starts within the first few megabytes: a multistream dump.</summary>
    public static bool IsMultistream(FileStream file)
    {
        var probe = new byte[Math.Min(file.Length, 8 << 20)];
        file.ReadExactly(probe);
        file.Position = 0;
        return NextHeader(probe, 0) == 0 && NextHeader(probe, HeaderLength) > 0;
    }
}
