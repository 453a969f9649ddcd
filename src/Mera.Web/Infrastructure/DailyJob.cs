using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Submissions;

namespace Mera.Web.Infrastructure;

/// <summary>
/// Wakes every hour; once a day, after its hour (region time), runs the daily work. A failed run is retried on
/// the next tick and the web app keeps serving. Each tick runs on one node only (<see cref="JobLease"/>: a PostgreSQL
/// advisory lock); the jobs are idempotent besides, so restarts do nothing twice.
/// </summary>
public abstract class DailyJob(MeraDb database, TimeProvider clock, ILogger logger) : BackgroundService
{
    private DateOnly? _lastRun;

    protected TimeProvider Clock => clock;

    protected MeraDb Database => database;

    /// <summary>Null when the job is switched off by configuration.</summary>
    protected abstract int? Hour { get; }

    protected abstract Task RunDailyAsync(DateOnly today, CancellationToken ct);

    protected virtual Task RunHourlyAsync(CancellationToken ct) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Hour is not int hour)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var lease = await JobLease.TryAcquireAsync(database, GetType().Name, stoppingToken);
                if (lease is null)
                {
                    logger.LogDebug("{Job}: another node runs it now", GetType().Name);
                    continue;
                }
                var today = clock.Today();
                if (_lastRun != today && TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Deadlines.Zone).Hour >= hour)
                {
                    await RunDailyAsync(today, stoppingToken);
                    _lastRun = today;
                }
                await RunHourlyAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Job} run failed", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
