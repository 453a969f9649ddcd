using Mera.Core.Reading;

namespace Mera.UnitTests.Imports;

public class ReadAheadTests
{
    [Fact]
    public async Task Yields_every_item_in_order_across_chunks()
    {
        var items = Enumerable.Range(0, 10_007).ToList();
        var chunks = await items.ReadAheadChunks(chunkSize: 100, chunksAhead: 2).ToListAsync();
        Assert.Equal(101, chunks.Count);
        Assert.Equal(items, chunks.SelectMany(c => c));
        Assert.Empty(await Array.Empty<int>().ReadAhead().ToListAsync());
    }

    [Fact]
    public async Task A_reader_failure_surfaces_unwrapped_after_the_items_read_before_it()
    {
        static IEnumerable<int> Damaged()
        {
            for (var i = 0; i < 250; i++)
            {
                yield return i;
            }
            throw new InvalidDataException("damaged at 250");
        }
        var seen = new List<int>();
        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var chunk in Damaged().ReadAheadChunks(chunkSize: 100))
            {
                seen.AddRange(chunk);
            }
        });
        Assert.Equal("damaged at 250", error.Message);
        Assert.Equal(Enumerable.Range(0, 200), seen); // the last partial chunk never completed
    }

    [Fact]
    public async Task Stopping_early_releases_a_reader_waiting_on_a_full_queue()
    {
        var produced = 0;
        IEnumerable<int> Endless()
        {
            while (true)
            {
                yield return ++produced;
            }
        }
        Assert.Equal([1, 2, 3], await Endless().ReadAhead().Take(3).ToListAsync());
        var after = produced;
        await Task.Delay(50);
        Assert.Equal(after, produced); // the reader has stopped, not kept reading
    }

    [Fact]
    public async Task Mapped_results_keep_the_source_order_and_failures_surface_unwrapped()
    {
        var source = Enumerable.Range(0, 50).ReadAhead();
        var slowFirst = await source.MapInOrder(i => { Thread.Sleep(i % 3 == 0 ? 5 : 0); return i * 2; }, inFlight: 4).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i * 2), slowFirst);
        await Assert.ThrowsAsync<FormatException>(async () =>
            await Enumerable.Range(0, 10).ReadAhead().MapInOrder<int, int>(i => i == 7 ? throw new FormatException("row 7") : i).ToListAsync());
    }
}
