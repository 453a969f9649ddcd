using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Targets;

/// <summary>
/// One target, or a rule for every active school of a subtree («не менее 70 % в каждом ОУ», seed 002): the rule is
/// written out as each school's own target, so a school can later get a different one and keeps its history.
/// </summary>
public static class SetTargets
{
    public sealed record Command(string OrgCode, string IndicatorCode, int Year, double Value, bool EachSchool = false,
        double? BaseValue = null, DateOnly? BaseDate = null, bool Cumulative = false, string User = "", bool DryRun = false);

    /// <summary>What was (or, in a dry run, would be) written; their sum is the number of organisations the rule reaches.</summary>
    public sealed record Result(int Added, int Updated, int Unchanged)
    {
        public int Organisations => Added + Updated + Unchanged;
    }

    public static async Task<Result> RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == c.OrgCode, ct)
            ?? throw new NotFoundException($"Организация с кодом «{c.OrgCode}» не найдена");
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Code == c.IndicatorCode, ct)
            ?? throw new NotFoundException($"Неизвестный показатель: {c.IndicatorCode}");
        if (TargetRules.Problem(indicator, c.Value) is { } problem)
        {
            throw new OperationRefusedException($"План не установлен: {problem}");
        }
        if (c.Year is < 2000 or > 2100)
        {
            throw new ArgumentException($"год {c.Year} вне допустимого диапазона");
        }
        var units = c.EachSchool
            ? (await db.OrgUnits.AsNoTracking().Where(o => o.Path.StartsWith(org.Path) && o.Type == OrgUnitType.School).ToListAsync(ct))
                .Where(o => o.IsActiveOn(new DateOnly(c.Year, 12, 31))).ToList()
            : [org];
        var ids = units.Select(u => u.Id).ToList();
        var existing = await db.Targets.Where(t => t.IndicatorCode == c.IndicatorCode && t.Year == c.Year && ids.Contains(t.OrgUnitId))
            .ToDictionaryAsync(t => (t.OrgUnitId, t.IndicatorCode, t.Year), ct);
        var writer = new TargetWriter(db, existing, c.User, clock);
        foreach (var unit in units)
        {
            writer.Write(new Target
            {
                OrgUnitId = unit.Id, IndicatorCode = c.IndicatorCode, Year = c.Year, Value = c.Value,
                BaseValue = c.BaseValue, BaseDate = c.BaseDate, IsCumulative = c.Cumulative,
            }, unit.Code);
        }
        if (!c.DryRun)
        {
            await db.SaveChangesAsync(ct);
        }
        return new Result(writer.Added, writer.Updated, writer.Unchanged);
    }
}
