using Mera.Core.Imports;

namespace Mera.UnitTests.Imports;

public class ReadAheadTests
{
    [Fact]
    public void Yields_every_item_in_order_across_chunks()
    {
        var items = Enumerable.Range(0, 10_007).ToList();
        Assert.Equal(items, items.ReadAhead(chunkSize: 100, chunksAhead: 2).ToList());
        Assert.Empty(Array.Empty<int>().ReadAhead().ToList());
    }

    [Fact]
    public void A_reader_failure_surfaces_after_the_items_read_before_it()
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
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var i in Damaged().ReadAhead(chunkSize: 100))
            {
                seen.Add(i);
            }
        });
        Assert.Equal("damaged at 250", error.Message);
        Assert.Equal(Enumerable.Range(0, 200), seen); // the last partial chunk never completed
    }

    [Fact]
    public void Stopping_early_releases_a_reader_blocked_on_a_full_queue()
    {
        var produced = 0;
        IEnumerable<int> Endless()
        {
            while (true)
            {
                produced++;
                yield return produced;
            }
        }
        Assert.Equal([1, 2, 3], Endless().ReadAhead(chunkSize: 10, chunksAhead: 1).Take(3).ToList());
        var after = produced;
        Thread.Sleep(50);
        Assert.Equal(after, produced); // the reader has stopped, not kept reading
    }
}
