using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Decisions;

/// <summary>`./mera decisions list --org CODE [--as-of DATE]`: every decision item with its deadline in force and status.</summary>
public static class ListDecisions
{
    public sealed record Item(int Id, string Decision, DateOnly DecisionDate, string DecisionTitle, string Number, string Text,
        string? Responsible, string? Deadline, DateOnly? NextDeadline, DateOnly? LastReportedOn, string? ReportNotes, string Status, string StatusName)
    {
        /// <summary>What the deadline is when it has no date: `asap`, `by_schedule`, `standing`, `recurring`; `dated` or `none` otherwise.</summary>
        public string DeadlineKind { get; init; } = "none";
    }

    public static async Task<IReadOnlyList<Item>> RunAsync(MeraDb database, string orgCode, DateOnly asOf, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == orgCode, ct)
            ?? throw new NotFoundException($"Организация с кодом «{orgCode}» не найдена");
        var decisions = await db.Decisions.AsNoTracking().Include(d => d.Items).Where(d => d.OrgUnitId == org.Id).OrderBy(d => d.Date).ToListAsync(ct);
        return decisions.SelectMany(d => d.Items.OrderBy(i => i.Number, StringComparer.Ordinal).Select(i =>
        {
            var schedule = Schedule.Parse(i.Deadline, issued: d.Date);
            var status = WorkStatus.Of(d.Date, schedule, i.LastReportedOn, asOf);
            return new Item(i.Id, d.Number, d.Date, d.Title, i.Number, i.Text, i.Responsible, i.Deadline, schedule.DeadlineOn(asOf),
                i.LastReportedOn, i.ReportNotes, status, WorkStatus.ToRussian(status)) { DeadlineKind = DeadlineKinds.Code(schedule.Kind) };
        })).ToList();
    }
}
