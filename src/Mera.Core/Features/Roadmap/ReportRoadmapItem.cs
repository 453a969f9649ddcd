using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Roadmap;

/// <summary>Marks a roadmap item done (or, for a repeating one, reported for this occurrence) on a date, with a comment.</summary>
public static class ReportRoadmapItem
{
    public sealed record Command(string OrgCode, string Number, DateOnly On, string? Comment, string User);

    public static async Task RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var item = await (from i in db.RoadmapItems
                          join o in db.OrgUnits on i.OrgUnitId equals o.Id
                          where o.Code == c.OrgCode && i.Number == c.Number
                          select i).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Мероприятие № {c.Number} не найдено в дорожной карте «{c.OrgCode}»");
        item.CompletedOn = c.On;
        item.Comment = c.Comment ?? item.Comment;
        item.UpdatedAt = clock.GetUtcNow();
        item.UpdatedBy = c.User;
        db.AuditLog.Add(AuditEntry.Of(clock, c.User, "roadmap.report", "roadmap_item", item.Id.ToString(), $"№ {item.Number}: выполнено {c.On:dd.MM.yyyy}; {c.Comment}", item.OrgUnitId));
        await db.SaveChangesAsync(ct);
    }
}
