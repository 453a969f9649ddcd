using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Notifications;

/// <summary>
/// Puts what <see cref="PlanReminders"/> found into the outbox, once: a reminder already queued for the same
/// kind, org, form, period and recipient is not queued again, however often the job runs.
/// </summary>
public static class QueueReminders
{
    public sealed record Result(int Queued, int AlreadyQueued);

    public static async Task<Result> RunAsync(MeraDb database, IReadOnlyList<PlanReminders.Due> due, TimeProvider clock, CancellationToken ct = default)
    {
        if (due.Count == 0)
        {
            return new Result(0, 0);
        }
        await using var db = database.CreateContext();
        var orgIds = due.Select(d => d.OrgId).Distinct().ToList();
        var periods = due.Select(d => d.Period).Distinct().ToList();
        var existing = (await db.Notifications.AsNoTracking()
                .Where(n => orgIds.Contains(n.OrgUnitId) && periods.Contains(n.PeriodCode))
                .Select(n => new { n.Kind, n.OrgUnitId, n.FormCode, n.PeriodCode, n.Recipient }).ToListAsync(ct))
            .Select(n => (n.Kind, n.OrgUnitId, n.FormCode, n.PeriodCode, n.Recipient)).ToHashSet();
        var now = clock.GetUtcNow();
        var daily = await NoticeModes.DailyRecipientsAsync(db, workflow: false, ct);
        var queued = 0;
        foreach (var d in due)
        {
            if (!existing.Add((d.Kind, d.OrgId, d.Form, d.Period, d.Recipient)))
            {
                continue;
            }
            db.Notifications.Add(new Notification
            {
                Kind = d.Kind, OrgUnitId = d.OrgId, FormCode = d.Form, PeriodCode = d.Period, Deadline = d.Deadline,
                Recipient = d.Recipient, Subject = d.Subject, Body = d.Body, CreatedAt = now,
                // The weekly digest is already one message; reminders wait for the morning's when so chosen.
                Status = d.Kind == Notification.Digest ? "queued" : NoticeModes.StatusFor(d.Recipient, daily),
            });
            queued++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (queued > 0)
        {
            // Another node queued the same reminders at the same moment: the unique key kept one copy of each.
            return new Result(0, due.Count);
        }
        return new Result(queued, due.Count - queued);
    }
}
