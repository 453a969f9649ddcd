using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mera.Web.Pages.Notifications;

/// <summary>Reminders, overdue notices and digests of the user's subtree, newest first; the user's own become read.</summary>
public sealed class NotificationsModel(MeraDb database, CurrentUser current, TimeProvider clock) : PageModel
{
    private const int Shown = 200;

    public sealed record Row(Notification Notification, string OrgName, bool Own);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        await using var db = database.CreateContext();
        var rows = await (from n in db.Notifications.AsNoTracking()
                          join o in db.OrgUnits.AsNoTracking() on n.OrgUnitId equals o.Id
                          where o.Path.StartsWith(scope.OrgPath)
                          orderby n.Id descending
                          select new { n, o.Name }).Take(Shown).ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.n, r.Name, r.n.OrgUnitId == scope.OrgId)).ToList();
        if (scope.Role == Roles.Viewer)
        {
            return; // a read-only reader (the head of the administration) must not mark the officer's notices as seen
        }
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.OrgUnitId == scope.OrgId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public static string KindName(string kind) => kind switch
    {
        Notification.BeforeDeadline => "напоминание о сроке",
        Notification.Overdue => "просрочка",
        _ => Core.Features.Notifications.QueueWorkflowNotice.Name(kind) ?? "еженедельная сводка",
    };

    public static string StatusName(string status) => status switch
    {
        "sent" => "отправлено",
        Core.Features.Notifications.NoticeModes.Held => "ждёт сводки за день",
        Core.Features.Notifications.NoticeModes.Bundled => "вошло в сводку за день",
        "failed" => "не отправлено",
        _ => "в очереди",
    };
}
