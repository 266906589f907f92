using System.Runtime.InteropServices;

namespace QuoteArchive.Importer.Exports;

/// <summary>
/// The system's libbz2 (<c>libbz2.so.1.0</c> on Debian and Ubuntu, which dpkg needs, the runtime image included;
/// <c>libbz2.so.1</c> elsewhere): it decompresses a stream in memory in two thirds of SharpZipLib's time and keeps
/// its tables outside the managed heap (bench/README.md, "Import of a dump"). Where it is missing, SharpZipLib does the work.
/// </summary>
public static unsafe class SystemBzip2
{
    private const string Library = "libbz2";
    private const int Ok = 0, StreamEnd = 4;

    private static readonly nint Handle = Load();

    public static bool IsAvailable => Handle != 0;

    private static nint Load()
    {
        foreach (var name in new[] { "libbz2.so.1.0", "libbz2.so.1" })
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                NativeLibrary.SetDllImportResolver(typeof(SystemBzip2).Assembly, (import, _, _) => import == Library ? handle : 0);
                return handle;
            }
        }
        return 0;
    }

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

    /// <summary>
    /// The decompressed bytes of one whole bzip2 stream, at the start of the array returned; throws
    /// <see cref="InvalidDataException"/> for a damaged or cut stream, or one that decompresses to more than an array holds.
    /// </summary>
    public static ArraySegment<byte> Decompress(byte[] compressed)
    {
        if (!IsAvailable)
            throw new InvalidOperationException("libbz2 is not on this system");
        var stream = (BzStream*)NativeMemory.AllocZeroed((nuint)sizeof(BzStream));
        try
        {
            if (BZ2_bzDecompressInit(stream, 0, 0) != Ok)
                throw new InvalidDataException("libbz2 could not start decompressing");
            var output = new byte[(int)Math.Clamp(compressed.Length * 8L, 1 << 16, Array.MaxLength)];
            var length = 0;
            fixed (byte* input = compressed)
            {
                stream->NextIn = input;
                stream->AvailIn = (uint)compressed.Length;
                for (var result = Ok; result != StreamEnd;)
                {
                    if (length == output.Length)
                    {
                        if (length == Array.MaxLength)
                            throw new InvalidDataException($"a bzip2 stream decompresses to more than {Array.MaxLength:N0} bytes");
                        Array.Resize(ref output, (int)Math.Min(output.Length * 2L, Array.MaxLength));
                    }
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
            return new(output, 0, length);
        }
        finally
        {
            BZ2_bzDecompressEnd(stream);
            NativeMemory.Free(stream);
        }
    }
}
