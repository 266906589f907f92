using System.Threading.Channels;

namespace QuoteArchive.Importer;

/// <summary>
/// Maps a sequence on every core and yields the results in the sequence's order: one thread reads the source (an
/// export is read forward only) and hands each batch to a core as it comes; the caller receives the results one by
/// one, in order, so whatever it writes does not depend on the thread timing. The cores go on mapping the batches
/// ahead while the caller works on the one before (the importer writes while the next pages are parsed); at most a
/// few batches per core are held at once.
/// </summary>
internal static class OrderedParallel
{
    public static IEnumerable<TResult> Select<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, TResult> map, int batchSize = 16)
    {
        var mapped = Channel.CreateBounded<Task<TResult[]>>(new BoundedChannelOptions(4 * Environment.ProcessorCount) { SingleReader = true, SingleWriter = true });
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            try
            {
                foreach (var batch in source.Chunk(batchSize))
                    await mapped.Writer.WriteAsync(Task.Run(() => Array.ConvertAll(batch, item => map(item))), stop.Token);
                mapped.Writer.Complete();
            }
            catch (Exception ex)
            {
                mapped.Writer.TryComplete(ex);
            }
        });
        try
        {
            while (mapped.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                mapped.Reader.TryRead(out var batch);
                foreach (var result in batch!.GetAwaiter().GetResult())
                    yield return result;
            }
        }
        finally
        {
            // The caller stopped early (or failed): let the reader go, and wait for it to let go of the source.
            stop.Cancel();
            try
            {
                reading.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
