using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Engine;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Indicators;

/// <summary>
/// Any indicator for an org unit and period, optionally for each direct child: numerator and denominator are
/// evaluated per school and summed up the hierarchy (a ratio of sums, never an average of percentages).
/// </summary>
public static class ComputeIndicators
{
    /// <summary>`AsOf` decides whether the year is still running (for «Под риском»): the caller's today, from its clock —
    /// required when targets are assessed, so no computation reads the machine's calendar behind the clock's back.</summary>
    /// <summary>`Elements` adds the plain sums of data elements (sub-indicators) as `number` rows after the indicators.</summary>
    public sealed record Query(string OrgCode, string PeriodCode, bool Children = false, IReadOnlyList<string>? Indicators = null,
        DateOnly? AsOf = null, bool AssessTargets = true, IReadOnlyList<string>? Elements = null)
    {
        /// <summary>The share of expected organisations that makes a status final (ADR 0022).</summary>
        public double CompletenessPercent { get; init; } = Completeness.ThresholdPercent;

        /// <summary>Earlier periods already computed for the same org and indicators (a dashboard's trend): the target
        /// assessment reads its trend points from them when they hold every org that has a target.</summary>
        public IReadOnlyList<IReadOnlyList<IndicatorResult>>? Computed { get; init; }

        /// <summary>Read the fresh totals when the period is built (ADR 0029); false computes from the values — what the
        /// totals are checked against.</summary>
        public bool FromTotals { get; init; } = true;
    }

    public static async Task<IReadOnlyList<IndicatorResult>> RunAsync(MeraDb database, Query query, CancellationToken ct = default)
    {
        var period = Period.Parse(query.PeriodCode);
        await using var db = database.CreateContext();
        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == query.OrgCode, ct)
            ?? throw new NotFoundException($"Организация с кодом «{query.OrgCode}» не найдена");
        var indicators = await LoadIndicatorsAsync(db, query.Indicators, ct);
        var children = query.Children
            ? await db.OrgUnits.AsNoTracking().Where(o => o.ParentId == org.Id).OrderBy(o => o.Name).ToListAsync(ct)
            : [];
        var elements = await db.DataElements.AsNoTracking().ToListAsync(ct);
        indicators.AddRange(ElementTotals(elements, query.Elements));
        var plan = IndicatorPlan.Build(indicators, elements, period);
        var sums = await FromTotalsAsync(db, org, children, period, plan, query, ct) ?? await RollUpAsync(db, org, children, period, plan, ct);
        var groupOrgs = new List<OrgUnit> { org };
        groupOrgs.AddRange(children);
        var results = new List<IndicatorResult>(groupOrgs.Count * plan.Indicators.Count);
        for (var g = 0; g < groupOrgs.Count; g++)
        {
            var shortName = OrgShortNames.Of(groupOrgs[g]);
            for (var k = 0; k < plan.Indicators.Count; k++)
            {
                results.Add(ToResult(groupOrgs[g], shortName, period, plan.Indicators[k], sums[g, k]));
            }
        }
        return query.AssessTargets ? await AssessTargets.RunAsync(database, query, period, results, ct) : results;
    }

    /// <summary>The engine: every school's values of the period read and evaluated, summed into the org and its children.</summary>
    private static async Task<GroupSum[,]> RollUpAsync(MeraDbContext db, OrgUnit org, List<OrgUnit> children, Period period, IndicatorPlan plan,
        CancellationToken ct)
    {
        var leafRows = await OrgRows.LeavesAsync(db, org.Path, ct);
        var leaves = LeafSet.Build(leafRows, org.Path, children.Select(c => c.Id).ToList(), period.End);
        var grid = new ValueGrid(leaves.Count, plan.AggregationBySlot, period);
        await db.Database.OpenConnectionAsync(ct);
        ValueLoader.Load(db.Database.GetDbConnection(), leaves, period, plan.SlotOfElementId, plan.EverElementIds, grid);
        return RollUp.Compute(plan, leaves, grid, groups: children.Count + 1);
    }

    /// <summary>
    /// The fresh totals (ADR 0029) of an org above school and its children, when the period is built and fresh and holds
    /// every org and indicator asked for; otherwise null — and the period is asked to be built.
    /// </summary>
    private static async Task<GroupSum[,]?> FromTotalsAsync(MeraDbContext db, OrgUnit org, List<OrgUnit> children, Period period,
        IndicatorPlan plan, Query query, CancellationToken ct)
    {
        // A school's figures, and a municipality's with its schools beside it, are per school: the engine's, over few rows.
        if (!query.FromTotals || org.IsReportingUnit || children.Any(c => c.IsReportingUnit) || query.Elements is { Count: > 0 } || plan.Indicators.Count == 0)
        {
            return null;
        }
        var groups = new List<OrgUnit>(children.Count + 1) { org };
        groups.AddRange(children);
        var totals = await IndicatorTotals.ReadAsync(db, period.Code, groups.Select(g => g.Id).ToList(), ct);
        if (totals is null)
        {
            IndicatorTotals.Want(period.Code);
            return null;
        }
        var sums = new GroupSum[groups.Count, plan.Indicators.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            for (var k = 0; k < plan.Indicators.Count; k++)
            {
                if (!totals.TryGetValue((groups[g].Id, plan.Indicators[k].Indicator.Id), out sums[g, k]))
                {
                    return null;
                }
            }
        }
        return sums;
    }

    private static async Task<List<Indicator>> LoadIndicatorsAsync(MeraDbContext db, IReadOnlyList<string>? codes, CancellationToken ct)
    {
        var all = await db.Indicators.AsNoTracking().Include(i => i.Formulas).OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(ct);
        if (codes is null || codes.Count == 0)
        {
            return all;
        }
        var unknown = codes.Where(c => all.All(i => i.Code != c)).ToList();
        if (unknown.Count > 0)
        {
            throw new NotFoundException($"Неизвестный показатель: {string.Join(", ", unknown)}");
        }
        return all.Where(i => codes.Contains(i.Code)).ToList();
    }

    /// <summary>A sub-indicator's total is a `number` indicator whose numerator is the element itself.</summary>
    private static IEnumerable<Indicator> ElementTotals(IReadOnlyList<DataElement> elements, IReadOnlyList<string>? codes)
    {
        foreach (var code in codes ?? [])
        {
            var element = elements.FirstOrDefault(e => e.Code == code) ?? throw new NotFoundException($"Неизвестный подпоказатель: {code}");
            yield return new Indicator
            {
                Code = element.Code, Name = element.Name, Kind = IndicatorKind.Number, Factor = 1, Unit = element.Unit,
                Formulas = [new IndicatorFormula { EffectiveFrom = DateOnly.MinValue, Numerator = element.Code }],
            };
        }
    }

    private static IndicatorResult ToResult(OrgUnit org, string shortName, Period period, PlannedIndicator p, GroupSum s)
    {
        var isNumber = p.Indicator.Kind == IndicatorKind.Number;
        // Nobody reported: no value at all (never 0 — ADR 0022); a school registry with no schools has nothing expected.
        var nothing = s.Reported == 0;
        double? value = nothing ? null : isNumber
            ? p.Indicator.Factor * s.Numerator
            : s.Denominator > 0 ? p.Indicator.Factor * s.Numerator / s.Denominator : null;
        return new IndicatorResult(
            org.Code, org.Name, OrgUnitTypeNames.ToCode(org.Type), period.Code, period.DisplayRu,
            p.Indicator.Code, p.Indicator.Name,
            nothing ? null : s.Numerator, isNumber || nothing ? null : s.Denominator, value, p.Indicator.Unit,
            s.Reported, s.Expected, Target: null, Status: IndicatorResult.NoTarget,
            p.Formula.Numerator, p.Formula.Denominator, p.Formula.EffectiveFrom.ToString("yyyy-MM-dd"))
        {
            OverAllOrganisations = p.OverRegistry,
            OrgShortName = shortName,
        };
    }
}
