using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Formatting;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Notifications;

/// <summary>
/// Notices of the reporting workflow, through the same outbox as reminders: the sender is told when its form is
/// accepted or returned (with the comment), the region when a municipality sends it a report. Each decision is its own
/// notice (the submission and its version are part of the key), so a second return is not swallowed by the first.
/// </summary>
public static class QueueWorkflowNotice
{
    public const string Accepted = "accepted";
    public const string Returned = "returned";
    public const string Submitted = "submitted";

    public static async Task RunAsync(MeraDb database, Submission s, string kind, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var sender = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == s.OrgUnitId, ct);
        var form = await db.Forms.AsNoTracking().SingleAsync(f => f.Code == s.FormCode, ct);
        var period = Period.Parse(s.PeriodCode);
        // The region hears of a report sent to it; the sender hears of the decision.
        var to = kind == Submitted && sender.ParentId is int parent ? await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == parent, ct) : sender;
        var recipients = await db.Users.AsNoTracking().Where(u => u.OrgUnitId == to.Id && u.Email != null && u.LockoutEnd == null)
            .Select(u => u.Email!).Distinct().OrderBy(e => e).ToListAsync(ct);
        if (recipients.Count == 0 && !string.IsNullOrWhiteSpace(to.Email))
        {
            recipients.Add(to.Email.Trim());
        }
        var what = $"«{form.Name}» за {period.DisplayRu}";
        var (subject, body) = kind switch
        {
            Accepted => ($"Mera: {what} принята", $"{sender.Name}: {what} принята {RussianFormat.Date(clock.Today())}. Данные закрыты для изменений."),
            Returned => ($"Mera: {what} возвращена на доработку",
                $"{sender.Name}: {what} возвращена на доработку. Что исправить: {s.Comment}. Исправьте и отправьте снова."),
            _ => ($"Mera: {sender.Name} отправил(а) {what}", $"{sender.Name} отправил(а) {what} {RussianFormat.Date(clock.Today())}. Проверьте и примите или верните на доработку."),
        };
        var now = clock.GetUtcNow();
        var daily = await NoticeModes.DailyRecipientsAsync(db, workflow: true, ct);
        foreach (var recipient in recipients)
        {
            db.Notifications.Add(new Notification
            {
                Kind = $"{kind}#{s.Id}.{s.Version}", OrgUnitId = to.Id, FormCode = s.FormCode, PeriodCode = s.PeriodCode, Recipient = recipient,
                Subject = subject, Body = body, CreatedAt = now, Status = NoticeModes.StatusFor(recipient, daily),
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same decision queued twice (a retried request): one copy is enough.
        }
    }

    /// <summary>The kind in words, for the notifications page.</summary>
    public static string? Name(string kind) => kind.Split('#')[0] switch
    {
        Accepted => "принято",
        Returned => "возвращено на доработку",
        Submitted => "отчёт отправлен",
        "daily" => "сводка за день",
        _ => null,
    };
}
