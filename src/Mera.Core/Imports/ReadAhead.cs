using System.Collections.Concurrent;

namespace Mera.Core.Imports;

public static class ReadAheadExtensions
{
    /// <summary>
    /// Enumerates <paramref name="source"/> on a second thread, in chunks, a few chunks ahead of the caller: a large
    /// file is read and split on one core while the caller checks its rows on the other. The reader's exception (a
    /// malformed file) surfaces in the caller at the point the rows run out, as if it were read in line.
    /// </summary>
    public static IEnumerable<T> ReadAhead<T>(this IEnumerable<T> source, int chunkSize = 4096, int chunksAhead = 8) =>
        source.ReadAheadChunks(chunkSize, chunksAhead).SelectMany(chunk => chunk);

    /// <summary>The chunks <see cref="ReadAhead"/> reads ahead, for a caller that works on whole chunks.</summary>
    public static IEnumerable<T[]> ReadAheadChunks<T>(this IEnumerable<T> source, int chunkSize = 4096, int chunksAhead = 8)
    {
        using var queue = new BlockingCollection<T[]>(chunksAhead);
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            try
            {
                var chunk = new List<T>(chunkSize);
                foreach (var item in source)
                {
                    chunk.Add(item);
                    if (chunk.Count == chunkSize)
                    {
                        queue.Add([.. chunk], stop.Token);
                        chunk.Clear();
                    }
                }
                if (chunk.Count > 0)
                {
                    queue.Add([.. chunk], stop.Token);
                }
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        try
        {
            foreach (var chunk in queue.GetConsumingEnumerable())
            {
                yield return chunk;
            }
            reader.GetAwaiter().GetResult();
        }
        finally
        {
            // The caller stopped early (its own exception or a break): release the reader and let it finish.
            stop.Cancel();
            try
            {
                reader.Wait();
            }
            catch (AggregateException)
            {
                // Cancelled, or the reader failed too: the caller's own outcome is the one that counts.
            }
        }
    }

    /// <summary>
    /// Applies <paramref name="map"/> to each item on the thread pool, a few items in flight, and yields the results in
    /// the order of the source: chunks of a file checked on every core, merged as if checked one after another. The
    /// source is enumerated on the caller's thread; an exception of <paramref name="map"/> surfaces unwrapped.
    /// </summary>
    public static IEnumerable<TResult> MapInOrder<T, TResult>(this IEnumerable<T> source, Func<T, TResult> map, int inFlight = 4)
    {
        var pending = new Queue<Task<TResult>>(inFlight);
        foreach (var item in source)
        {
            pending.Enqueue(Task.Run(() => map(item)));
            if (pending.Count >= inFlight)
            {
                yield return pending.Dequeue().GetAwaiter().GetResult();
            }
        }
        while (pending.Count > 0)
        {
            yield return pending.Dequeue().GetAwaiter().GetResult();
        }
    }
}
