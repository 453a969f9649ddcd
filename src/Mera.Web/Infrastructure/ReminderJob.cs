using Mera.Core.Data;
using Mera.Core.Features.Notifications;

namespace Mera.Web.Infrastructure;

/// <summary>
/// Queues the day's reminders after MERA_REMINDERS_HOUR (7 by default, region time) and retries the outbox every
/// hour. Queuing is idempotent, so a restart, a second run or a second web node sends nothing twice.
/// MERA_REMINDERS=off switches it off (tests, or a node that should not send mail).
/// </summary>
public sealed class ReminderJob(MeraDb database, TimeProvider clock, IConfiguration configuration, ILogger<ReminderJob> logger)
    : DailyJob(database, clock, logger)
{
    protected override int? Hour => string.Equals(configuration["MERA_REMINDERS"], "off", StringComparison.OrdinalIgnoreCase) ? null
        : int.TryParse(configuration["MERA_REMINDERS_HOUR"], out var h) ? h : 7;

    protected override async Task RunDailyAsync(DateOnly today, CancellationToken ct)
    {
        var due = await PlanReminders.RunAsync(Database, today, ct);
        var queued = await QueueReminders.RunAsync(Database, due, Clock, ct);
        var bundled = await BundleDailyNotices.RunAsync(Database, Clock, ct);
        logger.LogInformation("Reminders for {Day}: {Queued} queued, {Already} already queued; {Bundled} daily messages", today, queued.Queued,
            queued.AlreadyQueued, bundled);
    }

    protected override async Task RunHourlyAsync(CancellationToken ct)
    {
        var sent = await DeliverOutbox.RunAsync(Database, MailSettings.FromEnvironment(), Clock, ct);
        if (sent.Sent + sent.Failed > 0)
        {
            logger.LogInformation("Outbox: {Sent} sent, {Failed} failed, {Queued} still queued", sent.Sent, sent.Failed, sent.StillQueued);
        }
    }
}
