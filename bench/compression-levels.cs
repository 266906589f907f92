#:property TreatWarningsAsErrors=true
#:property PublishAot=false
// Compression levels: a page compressed at each Brotli quality and gzip level the response-compression providers
// could be given (the median of eleven runs, after a warm-up), with the bytes each sends. What a cache miss of a
// large page pays for its size on the wire:
//   curl -so love.html http://127.0.0.1:5000/wiki/Love
//   dotnet run -c Release bench/compression-levels.cs -- love.html
using System.Diagnostics;
using System.IO.Compression;

if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: dotnet run -c Release bench/compression-levels.cs -- <page.html>");
    return 2;
}
var page = File.ReadAllBytes(args[0]);
Console.WriteLine($"{args[0]}: {page.Length:N0} bytes");
for (var quality = 1; quality <= 6; quality++)
{
    var q = quality;
    Measure($"br quality {q}{(q == 4 ? " (Optimal)" : q == 1 ? " (Fastest)" : "")}",
        output => new BrotliStream(output, new BrotliCompressionOptions { Quality = q }, leaveOpen: true));
}
for (var level = 1; level <= 9; level++)
{
    var l = level;
    Measure($"gzip level {l}{(l == 6 ? " (Optimal)" : l == 1 ? " (Fastest)" : "")}",
        output => new GZipStream(output, new ZLibCompressionOptions { CompressionLevel = l }, leaveOpen: true));
}
return 0;

// Written in the 16 KB pieces a response writer hands on, as the providers see them.
void Measure(string name, Func<Stream, Stream> compressor)
{
    var times = new List<double>();
    long size = 0;
    for (var run = 0; run < 12; run++)
    {
        var output = new MemoryStream();
        var clock = Stopwatch.StartNew();
        using (var stream = compressor(output))
        {
            for (var offset = 0; offset < page.Length; offset += 16384)
                stream.Write(page, offset, Math.Min(16384, page.Length - offset));
        }
        clock.Stop();
        if (run > 0)
            times.Add(clock.Elapsed.TotalMilliseconds);
        size = output.Length;
    }
    times.Sort();
    Console.WriteLine($"{name,-26} {size,9:N0} bytes  {size / 1024.0,7:F1} KiB  median {times[times.Count / 2],6:F1} ms");
}
