using Mera.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mera.Web.Infrastructure;

/// <summary>The number next to «Уведомления»: unread messages addressed to the user's own org.</summary>
public sealed class NotificationBadge(CurrentUser current, MeraDb database)
{
    public async Task<int> UnreadAsync(CancellationToken ct = default)
    {
        var scope = await current.ScopeAsync(ct);
        await using var db = database.CreateContext();
        return await db.Notifications.CountAsync(n => n.OrgUnitId == scope.OrgId && n.ReadAt == null, ct);
    }
}
