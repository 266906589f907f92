#:package SharpZipLib@1.4.2
#:package SharpCompress@0.50.8
#:property ManagePackageVersionsCentrally=false
#:project ../src/QuoteArchive.Importer/QuoteArchive.Importer.csproj
// Decompression speed of the two maintained bzip2 libraries the package mirror serves, and of the system's libbz2
// (libbz2.so.1.0, which dpkg needs on every Debian) called directly, on one single-stream .bz2 (what each core does
// with one stream of a multistream dump), best of three runs each, alternated:
//   bench/bzip2-libraries.sh [dump.xml.bz2]
using System.Diagnostics;

var path = args[0];
var libraries = new (string Name, Func<long> Decompress)[]
{
    ("SharpZipLib 1.4.2", () => Drain(new ICSharpCode.SharpZipLib.BZip2.BZip2InputStream(File.OpenRead(path)))),
    ("SharpCompress 0.50.8", () => Drain(SharpCompress.Compressors.BZip2.BZip2Stream.Create(File.OpenRead(path),
        SharpCompress.Compressors.CompressionMode.Decompress, false))),
    ("libbz2 (system, P/Invoke, as the importer calls it)", () => QuoteArchive.Importer.Exports.SystemBzip2.Decompress(File.ReadAllBytes(path)).Count),
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
