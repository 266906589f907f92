#:package SharpZipLib@1.4.2
#:package SharpCompress@0.50.8
#:property ManagePackageVersionsCentrally=false
// Decompression speed of the two maintained bzip2 libraries the package mirror serves, on one single-stream .bz2
// (what each core does with one stream of a multistream dump), best of three runs each, alternated:
//   bench/bzip2-libraries.sh [dump.xml.bz2]
using System.Diagnostics;

var path = args[0];
var libraries = new (string Name, Func<Stream, Stream> Open)[]
{
    ("SharpZipLib 1.4.2", file => new ICSharpCode.SharpZipLib.BZip2.BZip2InputStream(file)),
    ("SharpCompress 0.50.8", file => SharpCompress.Compressors.BZip2.BZip2Stream.Create(file, SharpCompress.Compressors.CompressionMode.Decompress, false)),
};
var best = libraries.ToDictionary(l => l.Name, _ => TimeSpan.MaxValue);
long bytes = 0;
for (var run = 0; run < 3; run++)
{
    foreach (var (name, open) in libraries)
    {
        var clock = Stopwatch.StartNew();
        using var file = File.OpenRead(path);
        using var input = open(file);
        var buffer = new byte[1 << 16];
        long total = 0;
        for (int read; (read = input.Read(buffer, 0, buffer.Length)) > 0;)
            total += read;
        bytes = total;
        if (clock.Elapsed < best[name])
            best[name] = clock.Elapsed;
    }
}
foreach (var (name, time) in best)
    Console.WriteLine($"{name}: {bytes / 1e6:F1} MB in {time.TotalSeconds:F2} s, {bytes / 1e6 / time.TotalSeconds:F1} MB/s");
