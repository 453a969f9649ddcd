using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Roadmap;

/// <summary>`./mera roadmap list --org CODE [--as-of DATE]`: the items with their status on that day.</summary>
public static class ListRoadmap
{
    public sealed record Item(int Id, string Number, string Title, DateOnly? Start, DateOnly? End, string? Deadline, DateOnly? NextDeadline,
        string? Responsible, string? CoExecutors, string? Document, DateOnly? CompletedOn, string? Comment, string Status, string StatusName)
    {
        /// <summary>What the deadline is when it has no date: `asap`, `by_schedule`, `standing`, `recurring`; `dated` or `none` otherwise.</summary>
        public string DeadlineKind { get; init; } = "none";
    }

    public static async Task<IReadOnlyList<Item>> RunAsync(MeraDb database, string orgCode, DateOnly asOf, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == orgCode, ct)
            ?? throw new NotFoundException($"Организация с кодом «{orgCode}» не найдена");
        var items = await db.RoadmapItems.AsNoTracking().Where(i => i.OrgUnitId == org.Id).OrderBy(i => i.SortOrder).ToListAsync(ct);
        return items.Select(i =>
        {
            var schedule = Schedule.Parse(i.Deadline ?? i.EndDate?.ToString("dd.MM.yyyy"), issued: i.StartDate);
            var status = WorkStatus.Of(i.StartDate, schedule, i.CompletedOn, asOf);
            return new Item(i.Id, i.Number, i.Title, i.StartDate, i.EndDate, i.Deadline, schedule.DeadlineOn(asOf), i.Responsible, i.CoExecutors,
                i.Document, i.CompletedOn, i.Comment, status, WorkStatus.ToRussian(status)) { DeadlineKind = DeadlineKinds.Code(schedule.Kind) };
        }).ToList();
    }
}
