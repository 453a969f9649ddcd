using Mera.Core.Domain;
using Mera.Core.Engine;

namespace Mera.UnitTests.Engine;

/// <summary>
/// The roll-up without a database: a municipality with schools (optionally under districts), two
/// stored elements `num` and `den`, and one indicator `share` = 100 × Σ num / Σ den — enough to state the engine's
/// invariants as properties.
/// </summary>
internal static class EngineHarness
{
    public static readonly Period Quarter = Period.OfQuarter(2026, 3);

    public static readonly DataElement Num = new() { Id = 1, Code = "num", Name = "Числитель", TimeAggregation = TimeAggregation.Last };
    public static readonly DataElement Den = new() { Id = 2, Code = "den", Name = "Знаменатель", TimeAggregation = TimeAggregation.Last };
    public static readonly DataElement Flag = new() { Id = 3, Code = "flag", Name = "Признак", TimeAggregation = TimeAggregation.Ever };

    public static Indicator Share(string numerator = "num", string? denominator = "den") => new()
    {
        Id = 1, Code = "share", Name = "Доля", Kind = denominator is null ? IndicatorKind.Number : IndicatorKind.Percent,
        Factor = denominator is null ? 1 : 100, Unit = denominator is null ? "чел." : "%",
        Formulas = [new IndicatorFormula { EffectiveFrom = new DateOnly(2020, 1, 1), Numerator = numerator, Denominator = denominator }],
    };

    /// <summary>One school's report: null = nothing stored for that element.</summary>
    public sealed record School(int? Num, int? Den, int District = 0);

    /// <summary>Roll-up sums: group 0 is the whole municipality (id 1), group g the g-th district (id 1000 + g).</summary>
    public static GroupSum[,] RollUp(IReadOnlyList<School> schools, Indicator? indicator = null, int districts = 0)
    {
        var rows = new List<LeafRow>();
        for (var d = 1; d <= districts; d++)
        {
            rows.Add(new LeafRow(1000 + d, 1, $"/1/{1000 + d}/", OrgUnitType.Municipality, false, true, null, null));
        }
        for (var i = 0; i < schools.Count; i++)
        {
            // Paths are ids, as OrgPaths writes them: /municipality/district/school/.
            var parent = schools[i].District == 0 ? "/1/" : $"/1/{1000 + schools[i].District}/";
            rows.Add(new LeafRow(10 + i, null, $"{parent}{10 + i}/", OrgUnitType.School, false, true, null, null));
        }
        var leaves = LeafSet.Build(rows.Where(r => r.Type == OrgUnitType.School).ToList(), "/1/",
            Enumerable.Range(1, districts).Select(d => 1000 + d).ToList(), Quarter.End);
        var plan = IndicatorPlan.Build([indicator ?? Share()], [Num, Den, Flag], Quarter);
        var grid = new ValueGrid(leaves.Count, plan.AggregationBySlot, Quarter);
        for (var i = 0; i < schools.Count; i++)
        {
            var leaf = leaves.IndexOfOrg[10 + i];
            if (schools[i].Num is int n && plan.SlotOfElementId.TryGetValue(Num.Id, out var ns))
            {
                grid.Add(leaf, ns, PeriodType.Quarter, Quarter.Anchor.DayNumber, n);
            }
            if (schools[i].Den is int dn && plan.SlotOfElementId.TryGetValue(Den.Id, out var ds))
            {
                grid.Add(leaf, ds, PeriodType.Quarter, Quarter.Anchor.DayNumber, dn);
            }
        }
        return Mera.Core.Engine.RollUp.Compute(plan, leaves, grid, districts + 1);
    }
}
