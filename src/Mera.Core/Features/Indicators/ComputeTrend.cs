using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Engine;

namespace Mera.Core.Features.Indicators;

/// <summary>
/// Indicators over several periods (a dashboard's or a collegium note's trend). Each period is an independent read,
/// so they are computed side by side on the thread pool, newest first (usually the heaviest): a national trend
/// takes about half the time on two cores.
/// </summary>
public static class ComputeTrend
{
    /// <returns>The results of each period, in the order of <paramref name="periods"/>.</returns>
    public static async Task<IReadOnlyList<IReadOnlyList<IndicatorResult>>> RunAsync(MeraDb database, IReadOnlyList<Period> periods,
        Func<Period, ComputeIndicators.Query> query, CancellationToken ct = default)
    {
        using var slots = new SemaphoreSlim(Environment.ProcessorCount);
        var newestFirst = await Task.WhenAll(periods.Reverse().Select(async period =>
        {
            var request = query(period);
            await slots.WaitAsync(ct);
            try
            {
                // Task.Run: SQLite's "async" reads complete synchronously, so without it the periods would run one by one.
                return await Task.Run(() => ComputeIndicators.RunAsync(database, request, ct), ct);
            }
            finally
            {
                slots.Release();
            }
        }));
        return Enumerable.Reverse(newestFirst).ToList();
    }
}
