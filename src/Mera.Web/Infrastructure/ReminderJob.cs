using Mera.Core.Data;
using Mera.Core.Features.Notifications;
using Mera.Core.Features.Submissions;

namespace Mera.Web.Infrastructure;

/// <summary>
/// Runs the reminders once a day (after MERA_REMINDERS_HOUR, 7 by default, region time) and retries the outbox
/// every hour. Queuing is idempotent, so a restart, a second run or a second web node sends nothing twice.
/// MERA_REMINDERS=off switches it off (tests, or a node that should not send mail).
/// </summary>
public sealed class ReminderJob(MeraDb database, TimeProvider clock, IConfiguration configuration, ILogger<ReminderJob> logger) : BackgroundService
{
    private DateOnly? _lastRun;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.Equals(configuration["MERA_REMINDERS"], "off", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var hour = int.TryParse(configuration["MERA_REMINDERS_HOUR"], out var h) ? h : 7;
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await RunOnceAsync(hour, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run is retried on the next tick; the web app keeps serving.
                logger.LogError(ex, "Reminders run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunOnceAsync(int hour, CancellationToken ct)
    {
        var today = Deadlines.LocalDate(clock.GetUtcNow());
        if (_lastRun != today && TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Deadlines.Zone).Hour >= hour)
        {
            var due = await PlanReminders.RunAsync(database, today, ct);
            var queued = await QueueReminders.RunAsync(database, due, clock, ct);
            _lastRun = today;
            logger.LogInformation("Reminders for {Day}: {Queued} queued, {Already} already queued", today, queued.Queued, queued.AlreadyQueued);
        }
        var sent = await DeliverOutbox.RunAsync(database, MailSettings.FromEnvironment(), clock, ct);
        if (sent.Sent + sent.Failed > 0)
        {
            logger.LogInformation("Outbox: {Sent} sent, {Failed} failed, {Queued} still queued", sent.Sent, sent.Failed, sent.StillQueued);
        }
    }
}
