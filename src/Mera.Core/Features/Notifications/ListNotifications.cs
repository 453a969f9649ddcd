using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Notifications;

/// <summary>
/// «Уведомления»: reminders, overdue notices and digests of the user's subtree, newest first. Opening the page marks
/// the user's own as read — except for a viewer (the head of the administration must not mark the officer's notices).
/// </summary>
public static class ListNotifications
{
    public sealed record Row(Notification Notification, string OrgName, bool Own);

    public static async Task<IReadOnlyList<Row>> RunAsync(MeraDb database, Access.AccessScope scope, TimeProvider clock, int shown = 200,
        CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var rows = await (from n in db.Notifications.AsNoTracking()
                          join o in db.OrgUnits.AsNoTracking() on n.OrgUnitId equals o.Id
                          where o.Path.StartsWith(scope.OrgPath)
                          orderby n.Id descending
                          select new { n, o.Name }).Take(shown).ToListAsync(ct);
        if (scope.Role != Roles.Viewer)
        {
            var now = clock.GetUtcNow();
            await db.Notifications.Where(n => n.OrgUnitId == scope.OrgId && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        }
        return rows.Select(r => new Row(r.n, r.Name, r.n.OrgUnitId == scope.OrgId)).ToList();
    }
}
