using System.Runtime.InteropServices;

namespace QuoteArchive.Importer.Exports;

/// <summary>
/// The system's libbz2 (<c>libbz2.so.1.0</c>, which dpkg needs on every Debian, the runtime image included): it
/// decompresses a stream in memory in two thirds of SharpZipLib's time and keeps its tables outside the managed heap
/// (bench/README.md, "Import of a dump"). Where it is missing, SharpZipLib does the work.
/// </summary>
public static unsafe class SystemBzip2
{
    private const string Library = "libbz2.so.1.0";
    private const int Ok = 0, StreamEnd = 4;

    public static bool IsAvailable { get; } = NativeLibrary.TryLoad(Library, out _);

    // bz_stream of bzlib.h: libbz2 keeps its address, so it lives outside the garbage collector's heap.
    [StructLayout(LayoutKind.Sequential)]
    private struct BzStream
    {
        public byte* NextIn;
        public uint AvailIn, TotalInLo32, TotalInHi32;
        public byte* NextOut;
        public uint AvailOut, TotalOutLo32, TotalOutHi32;
        public nint State, Alloc, Free, Opaque;
    }

    [DllImport(Library)] private static extern int BZ2_bzDecompressInit(BzStream* stream, int verbosity, int small);
    [DllImport(Library)] private static extern int BZ2_bzDecompress(BzStream* stream);
    [DllImport(Library)] private static extern int BZ2_bzDecompressEnd(BzStream* stream);

    /// <summary>The decompressed bytes of one whole bzip2 stream; throws <see cref="InvalidDataException"/> for a damaged or cut one.</summary>
    public static byte[] Decompress(byte[] compressed)
    {
        var stream = (BzStream*)NativeMemory.AllocZeroed((nuint)sizeof(BzStream));
        try
        {
            if (BZ2_bzDecompressInit(stream, 0, 0) != Ok)
                throw new InvalidDataException("libbz2 could not start decompressing");
            var output = new byte[Math.Max(compressed.Length * 8, 1 << 16)];
            var length = 0;
            fixed (byte* input = compressed)
            {
                stream->NextIn = input;
                stream->AvailIn = (uint)compressed.Length;
                for (var result = Ok; result != StreamEnd;)
                {
                    if (length == output.Length)
                        Array.Resize(ref output, output.Length * 2);
                    fixed (byte* buffer = output)
                    {
                        stream->NextOut = buffer + length;
                        stream->AvailOut = (uint)(output.Length - length);
                        result = BZ2_bzDecompress(stream);
                        length = output.Length - (int)stream->AvailOut;
                    }
                    if (result is not Ok and not StreamEnd)
                        throw new InvalidDataException($"damaged bzip2 data (libbz2 error {result})");
                    if (result == Ok && stream->AvailIn == 0 && length < output.Length)
                        throw new InvalidDataException("the bzip2 data ends before its stream does");
                }
            }
            return output.AsSpan(0, length).ToArray();
        }
        finally
        {
            BZ2_bzDecompressEnd(stream);
            NativeMemory.Free(stream);
        }
    }
}
