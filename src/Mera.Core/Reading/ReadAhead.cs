using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Mera.Core.Reading;

public static class ReadAheadExtensions
{
    /// <summary>
    /// Enumerates <paramref name="source"/> on a second thread, in chunks, a few chunks ahead of the caller: a large
    /// file is read and split on one core while its rows are checked on the other. Both sides await rather than spin,
    /// which matters on two cores. The reader's exception (a malformed file) surfaces in the caller, unwrapped, where
    /// the rows run out, as if the file were read in line.
    /// </summary>
    public static async IAsyncEnumerable<T[]> ReadAheadChunks<T>(this IEnumerable<T> source, int chunkSize = 4096, int chunksAhead = 8,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var channel = Channel.CreateBounded<T[]>(new BoundedChannelOptions(chunksAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        ExceptionDispatchInfo? failure = null;
        var reader = Task.Run(async () =>
        {
            try
            {
                var chunk = new List<T>(chunkSize);
                foreach (var item in source)
                {
                    chunk.Add(item);
                    if (chunk.Count == chunkSize)
                    {
                        await channel.Writer.WriteAsync([.. chunk], stop.Token);
                        chunk.Clear();
                    }
                }
                if (chunk.Count > 0)
                {
                    await channel.Writer.WriteAsync([.. chunk], stop.Token);
                }
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var chunk in channel.Reader.ReadAllAsync(ct))
            {
                yield return chunk;
            }
            await reader;
            failure?.Throw();
        }
        finally
        {
            // The caller stopped early (its own exception or a break): release the reader and let it finish.
            await stop.CancelAsync();
            await reader;
        }
    }

    /// <summary>The items of <see cref="ReadAheadChunks"/> one by one.</summary>
    public static async IAsyncEnumerable<T> ReadAhead<T>(this IEnumerable<T> source, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var chunk in source.ReadAheadChunks(ct: ct))
        {
            foreach (var item in chunk)
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// Applies <paramref name="map"/> to each item on the thread pool, a few items in flight, and yields the results in
    /// the order of the source: chunks of a file checked on another core, merged as if checked one after another. An
    /// exception of <paramref name="map"/> surfaces unwrapped.
    /// </summary>
    public static async IAsyncEnumerable<TResult> MapInOrder<T, TResult>(this IAsyncEnumerable<T> source, Func<T, TResult> map, int inFlight = 2)
    {
        var pending = new Queue<Task<TResult>>(inFlight);
        await foreach (var item in source)
        {
            pending.Enqueue(Task.Run(() => map(item)));
            if (pending.Count >= inFlight)
            {
                yield return await pending.Dequeue();
            }
        }
        while (pending.Count > 0)
        {
            yield return await pending.Dequeue();
        }
    }
}
