using System.Collections.Concurrent;

namespace Mera.Core.Imports;

public static class ReadAheadExtensions
{
    /// <summary>
    /// Enumerates <paramref name="source"/> on a second thread, in chunks, a few chunks ahead of the caller: a large
    /// file is read and split on one core while the caller checks its rows on the other. The reader's exception (a
    /// malformed file) surfaces in the caller at the point the rows run out, as if it were read in line.
    /// </summary>
    public static IEnumerable<T> ReadAhead<T>(this IEnumerable<T> source, int chunkSize = 4096, int chunksAhead = 8)
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
                foreach (var item in chunk)
                {
                    yield return item;
                }
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
}
