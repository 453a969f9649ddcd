using Mera.Core.Data;
using Mera.Core.Features.Indicators;

namespace Mera.Web.Infrastructure;

/// <summary>
/// Builds the fresh totals (ADR 0029) a few seconds after they are wanted: the periods dashboards of this node asked
/// for, and the ones a catalog or registry change made stale. One node at a time (<see cref="JobLease"/>); a failed
/// run is retried on the next tick. `MERA_TOTALS=off` switches it off on a node.
/// </summary>
public sealed class TotalsJob(MeraDb database, IConfiguration configuration, ILogger<TotalsJob> logger) : BackgroundService
{
    /// <summary>Real time, not the app's clock: a polling interval, which a test's fixed clock must not stop.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.Equals(configuration["MERA_TOTALS"], "off", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var lease = await JobLease.TryAcquireAsync(database, nameof(TotalsJob), stoppingToken);
                if (lease is null)
                {
                    continue;
                }
                var pending = await BuildTotals.PendingAsync(database, stoppingToken);
                if (pending.Count == 0)
                {
                    continue;
                }
                var started = TimeProvider.System.GetTimestamp();
                await BuildTotals.RunAsync(database, pending, stoppingToken);
                logger.LogInformation("Fresh totals built for {Periods} in {Seconds:0.0} s", string.Join(", ", pending),
                    TimeProvider.System.GetElapsedTime(started).TotalSeconds);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Fresh totals build failed");
            }
        }
    }
}
