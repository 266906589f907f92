using QuoteArchive.Bench.Corpus;

// The benchmark corpus: GENERATED TEXT, NOT QUOTATIONS — random words, made-up titles and names. Never put its
// output in content/. Deterministic: the same arguments give the same bytes.
const string Usage = """
    usage: generate-corpus <count> <output> [seed] [--single-stream]
      <output>.xml          a MediaWiki dump of <count> articles (and as many redirects, a talk page every tenth)
      <output>.xml.bz2      the same, bzip2 multistream as Wikimedia writes it; --single-stream for one stream
      <folder>              <count> topics as page text (*.txt), as the importer reads a content folder
      <folder> --wikitext   the same topics as wikitext (*.wiki)
    seed: default 20261202.
    """;

var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
var flags = args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToHashSet();
if (positional.Count is < 2 or > 3 || !int.TryParse(positional[0], out var count) || count < 1
    || positional.Count == 3 && !int.TryParse(positional[2], out _) || !flags.IsSubsetOf(["--single-stream", "--wikitext"]))
{
    Console.Error.WriteLine(Usage);
    return 2;
}
var output = positional[1];
var seed = positional.Count == 3 ? int.Parse(positional[2]) : 20261202;

if (output.EndsWith(".xml", StringComparison.Ordinal) || output.EndsWith(".xml.bz2", StringComparison.Ordinal))
{
    var compression = !output.EndsWith(".bz2", StringComparison.Ordinal) ? DumpCompression.None
        : flags.Contains("--single-stream") ? DumpCompression.SingleStream : DumpCompression.Multistream;
    long bytes;
    int pages;
    using (var file = File.Create(output))
    {
        pages = DumpWriter.Write(file, count, seed, compression);
        bytes = file.Length;
    }
    Console.Error.WriteLine($"{output}: {count} articles, {pages} pages, {bytes / 1e6:N1} MB (generated, not quotations)");
}
else
{
    var format = flags.Contains("--wikitext") ? TopicFormat.Wikitext : TopicFormat.PageText;
    var quotes = TopicFiles.Write(output, count, seed, format);
    Console.Error.WriteLine($"{output}: {count} topics ({TopicFiles.Extension(format)}), {quotes} quotes (generated, not quotations)");
}
return 0;
