#:package SharpZipLib@1.4.2
#:package SharpCompress@0.50.8
#:property ManagePackageVersionsCentrally=false
#:property AllowUnsafeBlocks=true
// Decompression speed of the two maintained bzip2 libraries the package mirror serves, and of the system's libbz2
// (libbz2.so.1.0, which dpkg needs on every Debian) called directly, on one single-stream .bz2 (what each core does
// with one stream of a multistream dump), best of three runs each, alternated:
//   bench/bzip2-libraries.sh [dump.xml.bz2]
using System.Diagnostics;
using System.Runtime.InteropServices;

var path = args[0];
var libraries = new (string Name, Func<long> Decompress)[]
{
    ("SharpZipLib 1.4.2", () => Drain(new ICSharpCode.SharpZipLib.BZip2.BZip2InputStream(File.OpenRead(path)))),
    ("SharpCompress 0.50.8", () => Drain(SharpCompress.Compressors.BZip2.BZip2Stream.Create(File.OpenRead(path),
        SharpCompress.Compressors.CompressionMode.Decompress, false))),
    ("libbz2 (system, P/Invoke)", () => SystemBzip2.Decompress(File.ReadAllBytes(path))),
};
var best = libraries.ToDictionary(l => l.Name, _ => TimeSpan.MaxValue);
var sizes = libraries.ToDictionary(l => l.Name, _ => 0L);
for (var run = 0; run < 3; run++)
{
    foreach (var (name, decompress) in libraries)
    {
        var clock = Stopwatch.StartNew();
        sizes[name] = decompress();
        if (clock.Elapsed < best[name])
            best[name] = clock.Elapsed;
    }
}
foreach (var (name, time) in best)
    Console.WriteLine($"{name}: {sizes[name] / 1e6:F1} MB in {time.TotalSeconds:F2} s, {sizes[name] / 1e6 / time.TotalSeconds:F1} MB/s");

static long Drain(Stream input)
{
    using (input)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        for (int read; (read = input.Read(buffer, 0, buffer.Length)) > 0;)
            total += read;
        return total;
    }
}

/// <summary>libbz2's own decompression (BZ2_bzDecompress) of a whole stream in memory, into a 64 KB buffer at a time.</summary>
static unsafe class SystemBzip2
{
    [StructLayout(LayoutKind.Sequential)]
    private struct BzStream
    {
        public byte* NextIn;
        public uint AvailIn, TotalInLo32, TotalInHi32;
        public byte* NextOut;
        public uint AvailOut, TotalOutLo32, TotalOutHi32;
        public nint State, Alloc, Free, Opaque;
    }

    [DllImport("libbz2.so.1.0")] private static extern int BZ2_bzDecompressInit(BzStream* stream, int verbosity, int small);
    [DllImport("libbz2.so.1.0")] private static extern int BZ2_bzDecompress(BzStream* stream);
    [DllImport("libbz2.so.1.0")] private static extern int BZ2_bzDecompressEnd(BzStream* stream);

    public static long Decompress(byte[] compressed)
    {
        // libbz2 keeps the address of its bz_stream: it lives outside the garbage collector's heap.
        var stream = (BzStream*)NativeMemory.AllocZeroed((nuint)sizeof(BzStream));
        var output = new byte[1 << 16];
        long total = 0;
        try
        {
            if (BZ2_bzDecompressInit(stream, 0, 0) != 0)
                throw new InvalidDataException("libbz2 would not start");
            fixed (byte* input = compressed)
            fixed (byte* buffer = output)
            {
                stream->NextIn = input;
                stream->AvailIn = (uint)compressed.Length;
                for (var result = 0; result != 4;) // BZ_STREAM_END
                {
                    stream->NextOut = buffer;
                    stream->AvailOut = (uint)output.Length;
                    result = BZ2_bzDecompress(stream);
                    if (result != 0 && result != 4 || result == 0 && stream->AvailIn == 0 && stream->AvailOut > 0)
                        throw new InvalidDataException($"damaged or cut short (libbz2 {result})");
                    total += output.Length - stream->AvailOut;
                }
            }
            return total;
        }
        finally
        {
            BZ2_bzDecompressEnd(stream);
            NativeMemory.Free(stream);
        }
    }
}
