using System.Threading.Channels;

namespace QuoteArchive.Importer;

/// <summary>
/// Maps a sequence on every core and yields the results in the sequence's order: one thread reads the source (an
/// export is read forward only), batches are mapped in parallel, the caller receives them one by one, in order, so
/// whatever it writes does not depend on the thread timing. At most a few batches are held at once.
/// </summary>
internal static class OrderedParallel
{
    public static IEnumerable<TResult> Select<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, TResult> map, int batchSize = 64)
    {
        var batches = Channel.CreateBounded<TSource[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            try
            {
                foreach (var batch in source.Chunk(batchSize))
                    await batches.Writer.WriteAsync(batch, stop.Token);
                batches.Writer.Complete();
            }
            catch (Exception ex)
            {
                batches.Writer.TryComplete(ex);
            }
        });
        try
        {
            while (batches.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                batches.Reader.TryRead(out var batch);
                var results = new TResult[batch!.Length];
                Parallel.For(0, batch.Length, i => results[i] = map(batch[i]));
                foreach (var result in results)
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
