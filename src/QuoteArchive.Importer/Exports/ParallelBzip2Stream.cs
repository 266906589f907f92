using System.Threading.Channels;
using ICSharpCode.SharpZipLib.BZip2;

namespace QuoteArchive.Importer.Exports;

/// <summary>
/// The decompressed bytes of a multistream bzip2 file, in order. A reader splits the file at its stream headers, every
/// core decompresses streams, and this stream hands out their output in file order: the memory held is a few streams
/// per core (Wikimedia's multistream dumps put 100 pages in a stream), however large the file.
/// </summary>
internal sealed class ParallelBzip2Stream : Stream
{
    private const int ReadSize = 1 << 20;
    private readonly Channel<Task<ArraySegment<byte>>> decompressed;
    private readonly CancellationTokenSource stop = new();
    private readonly Task splitting;
    private ArraySegment<byte> current = ArraySegment<byte>.Empty;
    private int offset;

    public ParallelBzip2Stream(Stream compressed)
    {
        decompressed = Channel.CreateBounded<Task<ArraySegment<byte>>>(new BoundedChannelOptions(4 * Environment.ProcessorCount) { SingleReader = true, SingleWriter = true });
        splitting = Task.Run(() => SplitAsync(compressed, stop.Token));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (offset == current.Count)
        {
            if (!decompressed.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                splitting.GetAwaiter().GetResult();
                return 0;
            }
            decompressed.Reader.TryRead(out var next);
            // A broken stream surfaces here, in file order, as the reader reaches it.
            current = next!.GetAwaiter().GetResult();
            offset = 0;
        }
        var count = Math.Min(buffer.Length, current.Count - offset);
        current.AsSpan(offset, count).CopyTo(buffer);
        offset += count;
        return count;
    }

    private async Task SplitAsync(Stream compressed, CancellationToken cancellation)
    {
        try
        {
            var pending = new MemoryStream();
            var chunk = new byte[ReadSize];
            int read;
            while ((read = await compressed.ReadAsync(chunk, cancellation)) > 0)
            {
                pending.Write(chunk, 0, read);
                pending = await EmitCompleteStreamsAsync(pending, cancellation);
            }
            if (pending.Length > 0)
                await EmitAsync(pending.ToArray(), cancellation);
            decompressed.Writer.Complete();
        }
        catch (Exception ex)
        {
            decompressed.Writer.TryComplete(ex);
        }
        finally
        {
            await compressed.DisposeAsync();
        }
    }

    // Every stream whose end is known (the next header has arrived) goes to a core; the rest waits for more input.
    private async Task<MemoryStream> EmitCompleteStreamsAsync(MemoryStream pending, CancellationToken cancellation)
    {
        var data = pending.GetBuffer().AsMemory(0, (int)pending.Length);
        var start = 0;
        for (var next = Bzip2Streams.NextHeader(data.Span, start + Bzip2Streams.HeaderLength); next > 0;
             next = Bzip2Streams.NextHeader(data.Span, start + Bzip2Streams.HeaderLength))
        {
            await EmitAsync(data[start..next].ToArray(), cancellation);
            start = next;
        }
        if (start == 0)
            return pending;
        var rest = new MemoryStream();
        rest.Write(data.Span[start..]);
        return rest;
    }

    private ValueTask EmitAsync(byte[] stream, CancellationToken cancellation) =>
        decompressed.Writer.WriteAsync(Task.Run(() => Decompress(stream), cancellation), cancellation);

    private static ArraySegment<byte> Decompress(byte[] stream)
    {
        if (SystemBzip2.IsAvailable)
            return SystemBzip2.Decompress(stream);
        using var input = new BZip2InputStream(new MemoryStream(stream));
        var output = new MemoryStream((int)Math.Min(stream.Length * 6L, Array.MaxLength));
        input.CopyTo(output);
        return new(output.GetBuffer(), 0, (int)output.Length);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stop.Cancel();
            try
            {
                splitting.Wait();
            }
            catch (AggregateException)
            {
                // Stopped or already reported through Read.
            }
            stop.Dispose();
        }
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
