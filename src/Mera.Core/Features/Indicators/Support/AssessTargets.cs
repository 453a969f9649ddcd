using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Engine;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Indicators;

/// <summary>
/// Fills `target` and `status` of computed indicators from the yearly targets of each org. The fact is the value
/// of the row's period only: a period nobody reported is `no_data`, one too few reported is `insufficient_data`
/// (ADR 0022). While the year runs, earlier complete periods of the same type (up to six) give the linear projection.
/// A cumulative target of a `number` indicator is compared with the sum of the yearly facts since its base year.
/// </summary>
internal static class AssessTargets
{
    private const int ProjectionPeriods = 6;

    public static async Task<IReadOnlyList<IndicatorResult>> RunAsync(MeraDb database, ComputeIndicators.Query query, Period period,
        IReadOnlyList<IndicatorResult> rows, CancellationToken ct)
    {
        var year = period.ContainerOf(PeriodType.Year);
        await using var db = database.CreateContext();
        var orgCodes = rows.Select(r => r.Org).Distinct().ToList();
        var indicatorCodes = rows.Select(r => r.Indicator).Distinct().ToList();
        var targets = await (from t in db.Targets.AsNoTracking()
                             join o in db.OrgUnits.AsNoTracking() on t.OrgUnitId equals o.Id
                             where t.Year == year.Start.Year && orgCodes.Contains(o.Code) && indicatorCodes.Contains(t.IndicatorCode)
                             select new { o.Code, Target = t }).ToListAsync(ct);
        if (targets.Count == 0)
        {
            return rows;
        }
        var byKey = targets.ToDictionary(t => (t.Code, t.Target.IndicatorCode), t => t.Target);
        var lowerIsBetter = await db.Indicators.AsNoTracking().Where(i => i.LowerIsBetter).Select(i => i.Code).ToListAsync(ct);
        var asOf = query.AsOf ?? throw new InvalidOperationException("ComputeIndicators: AsOf is required to assess targets");
        var running = asOf <= year.End;
        var threshold = query.CompletenessPercent;
        // Earlier periods a caller already computed serve when they hold every org with a target (the org's own
        // trend serves the org's target; a rule for each school needs the schools' rows too).
        var needsChildren = targets.Any(t => t.Code != query.OrgCode);
        var series = await EarlierPeriodsAsync(database, query, period, year, needsChildren, ct);
        var position = PlanFactAssessment.Position.Of(period);
        var result = new List<IndicatorResult>(rows.Count);
        foreach (var r in rows)
        {
            if (!byKey.TryGetValue((r.Org, r.Indicator), out var target))
            {
                result.Add(r);
                continue;
            }
            var fact = r.Value;
            if (fact is not null && target.IsCumulative && r.Unit != "%")
            {
                fact = await CumulativeFactAsync(database, r, target, fact, ct);
            }
            var earlier = series.TryGetValue((r.Org, r.Indicator), out var points) ? points : [];
            result.Add(PlanFactAssessment.Assess(r, target, fact, earlier, position, running, lowerIsBetter.Contains(r.Indicator), threshold));
        }
        return result;
    }

    /// <summary>The indicator over the earlier periods of the same type in the year (the projection's points).</summary>
    private static async Task<Dictionary<(string Org, string Indicator), List<(int Index, double Value)>>> EarlierPeriodsAsync(
        MeraDb database, ComputeIndicators.Query query, Period period, Period year, bool needsChildren, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), List<(int, double)>>();
        if (period.Type == PeriodType.Year)
        {
            return result;
        }
        // Positions inside the year (Q1 = 0 …), so the line is drawn against real time even with gaps.
        var inYear = year.Inside(period.Type).ToList();
        var earlier = inYear.Select((p, i) => (Period: p, Index: i)).Where(x => x.Period.End < period.Start).TakeLast(ProjectionPeriods - 1);
        foreach (var (p, index) in earlier)
        {
            // A dashboard hands over the periods its trend already computed; anyone else computes them here.
            var computed = query.Computed?.FirstOrDefault(c => c.Count > 0 && c[0].Period == p.Code);
            var rows = computed is not null && (!needsChildren || computed.Any(r => r.Org != query.OrgCode)) ? computed
                : await ComputeIndicators.RunAsync(database, query with { PeriodCode = p.Code, AssessTargets = false, Computed = null }, ct);
            foreach (var r in rows.Where(r => PlanFactAssessment.Counts(r, query.CompletenessPercent)))
            {
                (result.TryGetValue((r.Org, r.Indicator), out var list) ? list : result[(r.Org, r.Indicator)] = []).Add((index, r.Value!.Value));
            }
        }
        return result;
    }

    private static async Task<double?> CumulativeFactAsync(MeraDb database, IndicatorResult r, Target target, double? fact, CancellationToken ct)
    {
        var first = target.BaseDate?.Year + 1 ?? target.Year;
        var total = fact ?? 0;
        for (var y = first; y < target.Year; y++)
        {
            var rows = await ComputeIndicators.RunAsync(database, new ComputeIndicators.Query(r.Org, y.ToString(), Indicators: [r.Indicator], AssessTargets: false), ct);
            total += rows.Single().Value ?? 0;
        }
        return total;
    }
}
