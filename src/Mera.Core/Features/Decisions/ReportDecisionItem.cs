using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Decisions;

/// <summary>A report-back on a decision item: the date and a note, appended to its notes (the item's own history).</summary>
public static class ReportDecisionItem
{
    public sealed record Command(int ItemId, DateOnly On, string Note, string User);

    public static async Task RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var item = await db.DecisionItems.SingleOrDefaultAsync(i => i.Id == c.ItemId, ct)
            ?? throw new NotFoundException($"Пункт решения {c.ItemId} не найден");
        item.LastReportedOn = c.On;
        item.ReportNotes = string.Join('\n', new[] { item.ReportNotes, $"{c.On:dd.MM.yyyy} ({c.User}): {c.Note}" }.Where(s => !string.IsNullOrEmpty(s)));
        var orgId = await db.Decisions.Where(d => d.Id == item.DecisionId).Select(d => (int?)d.OrgUnitId).SingleOrDefaultAsync(ct);
        db.AuditLog.Add(AuditEntry.Of(clock, c.User, "decision.report", "decision_item", item.Id.ToString(), c.Note, orgId));
        await db.SaveChangesAsync(ct);
    }
}
