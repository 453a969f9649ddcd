using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Formatting;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Notifications;

/// <summary>
/// The morning message of those who chose «раз в день»: every notice held for a recipient goes into one message, queued
/// like any other; the held ones are marked as bundled (kept, readable in Mera). Idempotent per recipient and day.
/// </summary>
public static class BundleDailyNotices
{
    public static async Task<int> RunAsync(MeraDb database, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var held = await db.Notifications.Where(n => n.Status == NoticeModes.Held).OrderBy(n => n.Id).ToListAsync(ct);
        var today = clock.Today();
        var bundled = 0;
        foreach (var group in held.GroupBy(n => n.Recipient, StringComparer.OrdinalIgnoreCase))
        {
            var lines = group.Select(n => $"— {n.Subject.Replace("Mera: ", "")}\n  {n.Body}");
            db.Notifications.Add(new Notification
            {
                Kind = $"daily#{today:yyyy-MM-dd}#{group.Max(n => n.Id)}", OrgUnitId = group.First().OrgUnitId, FormCode = "",
                PeriodCode = today.ToString("yyyy-MM-dd"), Recipient = group.Key,
                Subject = $"Mera: уведомления за {RussianFormat.Date(today)} ({group.Count()})",
                Body = $"Уведомления Mera, собранные за день (так выбрано в «Учётной записи»):\n\n{string.Join("\n\n", lines)}",
                CreatedAt = clock.GetUtcNow(),
            });
            foreach (var n in group)
            {
                n.Status = NoticeModes.Bundled;
            }
            bundled++;
        }
        await db.SaveChangesAsync(ct);
        return bundled;
    }
}
