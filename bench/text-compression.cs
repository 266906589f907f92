#:package SharpZipLib@1.4.2
#:package Microsoft.Data.Sqlite@10.0.15
#:property TreatWarningsAsErrors=true
#:property PublishAot=false
#:property ManagePackageVersionsCentrally=false
// What the archive would weigh with its texts compressed one row at a time, the one way to a smaller archive that
// bench/index-detail.sh leaves (issue 11: under 700 bytes a quote, search as fast as it is). On a copy of an archive
// (bench/text-compression.sh makes it; this program rewrites the file it is given):
//   1. every text column of the quotes and their lines, in bytes a quote as it is;
//   2. on one row in twenty, those bytes compressed by deflate, Brotli (quality 11) and deflate with a preset
//      dictionary of 32 KB cut from the column's own rows (zlib's FDICT; the only compressor here that takes one);
//      a row is kept as it is where that is smaller;
//   3. every row of every column compressed by the smallest of the three (or the one named: deflate, brotli,
//      dictionary), each checked by decompressing it, written back as a BLOB, and the file vacuumed: the archive's
//      bytes a quote, as SQLite stores them.
// Nothing in the app could read such an archive: it measures the path, it does not take it.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using ICSharpCode.SharpZipLib.Zip.Compression;
using Microsoft.Data.Sqlite;

string[] names = ["deflate", "brotli", "dictionary"];
if (args.Length is < 1 or > 2 || !File.Exists(args[0]) || (args.Length == 2 && !names.Contains(args[1])))
{
    Console.Error.WriteLine("usage: dotnet run -c Release bench/text-compression.cs -- <copy of an archive.db> [deflate|brotli|dictionary]");
    return 2;
}
var clock = Stopwatch.StartNew();
using var db = new SqliteConnection($"Data Source={args[0]};Pooling=false");
db.Open();
long Scalar(string sql)
{
    using var command = db.CreateCommand();
    command.CommandText = sql;
    return Convert.ToInt64(command.ExecuteScalar());
}
var quotes = Scalar("SELECT count(*) FROM Quotes");
var imported = new FileInfo(args[0]).Length;
Vacuum();
var before = new FileInfo(args[0]).Length;
Console.WriteLine($"text-compression: {args[0]}, {quotes:N0} quotes, {imported / quotes} bytes a quote as imported," +
    $" {before / quotes} vacuumed ({clock.Elapsed.TotalSeconds:F0} s)");

(string Table, string Column)[] columns =
[
    ("Quotes", "Text"), ("Quotes", "Html"), ("AttributionLines", "Text"), ("AttributionLines", "Html"),
    ("QuoteNotes", "Text"), ("QuoteNotes", "Html"), ("DialogueLines", "Text"),
];
Console.WriteLine("bytes a quote | as it is | deflate | brotli (quality 11) | dictionary (deflate with one) | (one row in twenty)");
var chosen = new Dictionary<(string, string), Func<Codec>>();
var (compressing, decompressing, sampled) = (new TimeSpan[3], new TimeSpan[3], 0);
foreach (var (table, column) in columns)
{
    var sample = Rows(table, column, "rowid % 20 = 0").Select(row => row.Bytes).ToList();
    if (sample.Count == 0)
    {
        Console.WriteLine($"{table}.{column} | 0");
        continue;
    }
    var dictionary = Dictionary(Rows(table, column, "rowid % 97 = 1").Select(row => row.Bytes));
    Func<Codec>[] codecs = [() => new DeflateCodec(), () => new BrotliCodec(), () => new DictionaryCodec(dictionary)];
    var sizes = codecs.Select((make, c) =>
    {
        var codec = make();
        var timer = Stopwatch.StartNew();
        var blobs = sample.Select(codec.Compress).ToList();
        compressing[c] += timer.Elapsed;
        timer.Restart();
        blobs.ForEach(blob => codec.Decompress(blob));
        decompressing[c] += timer.Elapsed;
        return sample.Zip(blobs).Sum(pair => (long)Math.Min(pair.First.Length, pair.Second.Length)) * 20.0 / quotes;
    }).ToArray();
    sampled += sample.Count;
    var raw = sample.Sum(bytes => (long)bytes.Length) * 20.0 / quotes;
    Console.WriteLine($"{table}.{column} | {raw:F1} | {string.Join(" | ", sizes.Select(size => size.ToString("F1")))}");
    chosen[(table, column)] = codecs[args.Length == 2 ? Array.IndexOf(names, args[1]) : Array.IndexOf(sizes, sizes.Min())];
}

for (var c = 0; c < names.Length; c++)
    Console.WriteLine($"{names[c]}: {compressing[c].TotalMicroseconds / sampled:F1} µs to compress a row on one core," +
        $" {decompressing[c].TotalMicroseconds / sampled:F1} µs to decompress it");

// Every row, compressed on every core and checked, then written back in one transaction.
var rewritten = new List<(string Table, string Column, ConcurrentBag<(long RowId, byte[] Blob)> Rows)>();
foreach (var (table, column) in columns)
{
    var rows = Rows(table, column, "1").ToList();
    if (rows.Count == 0)
        continue;
    var compressed = new ConcurrentBag<(long RowId, byte[] Blob)>();
    Parallel.ForEach(Partitioner.Create(0, rows.Count, 4096), () => chosen[(table, column)](), (range, _, codec) =>
    {
        for (var i = range.Item1; i < range.Item2; i++)
        {
            var blob = codec.Compress(rows[i].Bytes);
            if (blob.Length >= rows[i].Bytes.Length)
                continue;
            if (!codec.Decompress(blob).AsSpan().SequenceEqual(rows[i].Bytes))
                throw new InvalidOperationException($"{table}.{column} row {rows[i].RowId} does not decompress to itself");
            compressed.Add((rows[i].RowId, blob));
        }
        return codec;
    }, _ => { });
    rewritten.Add((table, column, compressed));
    Console.WriteLine($"  {table}.{column}: {compressed.Count:N0} of {rows.Count:N0} rows compressed ({clock.Elapsed.TotalSeconds:F0} s)");
}
using (var transaction = db.BeginTransaction())
{
    foreach (var (table, column, compressed) in rewritten)
    {
        using var update = db.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = $"UPDATE \"{table}\" SET \"{column}\" = $blob WHERE rowid = $id";
        var blobParameter = update.Parameters.Add("$blob", SqliteType.Blob);
        var idParameter = update.Parameters.Add("$id", SqliteType.Integer);
        foreach (var (rowId, blob) in compressed)
        {
            blobParameter.Value = blob;
            idParameter.Value = rowId;
            update.ExecuteNonQuery();
        }
    }
    transaction.Commit();
}
Vacuum();
db.Close();
var after = new FileInfo(args[0]).Length;
Console.WriteLine($"the archive, vacuumed: {before / quotes} bytes a quote as it is, {after / quotes} with the texts compressed" +
    $" by {(args.Length == 2 ? args[1] : "the smallest for each column")}" +
    $" ({clock.Elapsed.TotalSeconds:F0} s)");
return 0;

void Vacuum()
{
    using var vacuum = db.CreateCommand();
    vacuum.CommandText = "VACUUM";
    vacuum.CommandTimeout = 0;
    vacuum.ExecuteNonQuery();
}

IEnumerable<(long RowId, byte[] Bytes)> Rows(string table, string column, string where)
{
    using var command = db.CreateCommand();
    command.CommandText = $"SELECT rowid, \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL AND {where}";
    using var reader = command.ExecuteReader();
    while (reader.Read())
        yield return (reader.GetInt64(0), Encoding.UTF8.GetBytes(reader.GetString(1)));
}

// The last 32 KB of rows drawn across the column: what deflate's window can reach back to, nearest the most recent.
static byte[] Dictionary(IEnumerable<byte[]> rows)
{
    var all = rows.SelectMany(bytes => bytes.Append((byte)'\n')).ToArray();
    return all[Math.Max(0, all.Length - DictionaryCodec.Size)..];
}

abstract class Codec
{
    public abstract byte[] Compress(byte[] input);
    public abstract byte[] Decompress(byte[] input);
}

sealed class DeflateCodec : Codec
{
    public override byte[] Compress(byte[] input)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize))
            deflate.Write(input);
        return output.ToArray();
    }

    public override byte[] Decompress(byte[] input)
    {
        using var output = new MemoryStream();
        using (var inflate = new DeflateStream(new MemoryStream(input), CompressionMode.Decompress))
            inflate.CopyTo(output);
        return output.ToArray();
    }
}

sealed class BrotliCodec : Codec
{
    public override byte[] Compress(byte[] input)
    {
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(input.Length)];
        if (!BrotliEncoder.TryCompress(input, output, out var written, quality: 11, window: 22))
            throw new InvalidOperationException("Brotli could not compress a row");
        return output[..written];
    }

    public override byte[] Decompress(byte[] input)
    {
        using var output = new MemoryStream();
        using (var inflate = new BrotliStream(new MemoryStream(input), CompressionMode.Decompress))
            inflate.CopyTo(output);
        return output.ToArray();
    }
}

// zlib's stream format (RFC 1950) with a preset dictionary: 2 bytes of header, the dictionary's 4-byte id and a 4-byte
// checksum around the deflate data. SharpZipLib's Deflater takes at most 32,506 bytes of dictionary (its window less
// the lookahead).
sealed class DictionaryCodec(byte[] dictionary) : Codec
{
    public const int Size = 32_506;
    private readonly Deflater deflater = new(Deflater.BEST_COMPRESSION);
    private readonly Inflater inflater = new();
    private readonly byte[] buffer = new byte[1 << 20];

    public override byte[] Compress(byte[] input)
    {
        deflater.Reset();
        deflater.SetDictionary(dictionary);
        deflater.SetInput(input);
        deflater.Finish();
        var written = 0;
        while (!deflater.IsFinished)
            written += deflater.Deflate(buffer, written, buffer.Length - written);
        return buffer[..written];
    }

    public override byte[] Decompress(byte[] input)
    {
        inflater.Reset();
        inflater.SetInput(input);
        var written = 0;
        while (!inflater.IsFinished)
        {
            var read = inflater.Inflate(buffer, written, buffer.Length - written);
            if (inflater.IsNeedingDictionary)
                inflater.SetDictionary(dictionary);
            else if (read == 0 && !inflater.IsFinished && inflater.IsNeedingInput)
                throw new InvalidDataException("the row ends early");
            written += read;
        }
        return buffer[..written];
    }
}
