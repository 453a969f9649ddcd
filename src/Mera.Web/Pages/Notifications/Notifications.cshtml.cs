using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mera.Core.Features.Notifications;

namespace Mera.Web.Pages.Notifications;

/// <summary>Reminders, overdue notices and digests of the user's subtree, newest first; the user's own become read.</summary>
public sealed class NotificationsModel(MeraDb database, CurrentUser current, TimeProvider clock) : PageModel
{
    private const int Shown = 200;

    public IReadOnlyList<ListNotifications.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await ListNotifications.RunAsync(database, await current.ScopeAsync(ct), clock, Shown, ct);

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
