using Mera.Core.Domain;

namespace Mera.Core.Engine;

/// <summary>
/// The pure half of plan against fact: one computed row, its target, and the year's earlier complete values in, the
/// row with target, fact, status and forecast out. No database: the caller (AssessTargets) fetches the targets and
/// hands over the earlier periods it already has — a dashboard's trend, so nothing is rolled up twice.
/// </summary>
public static class PlanFactAssessment
{
    /// <summary>Where the row's period sits in its year: its index and the year's last index (Q3 → 2 of 3).</summary>
    public readonly record struct Position(int Current, int Last)
    {
        public static Position Of(Period period)
        {
            if (period.Type == PeriodType.Year)
            {
                return new(0, 0);
            }
            var inYear = period.ContainerOf(PeriodType.Year).Inside(period.Type).ToList();
            return new(Math.Max(0, inYear.FindIndex(p => p == period)), inYear.Count - 1);
        }
    }

    /// <summary>A row's own value counts as a point of the trend only when complete enough to judge.</summary>
    public static bool Counts(IndicatorResult r, double thresholdPercent) =>
        r.Value is not null && (r.OverAllOrganisations || Completeness.Enough(r.Reported, r.Expected, thresholdPercent));

    public static IndicatorResult Assess(IndicatorResult r, Target target, double? fact, IReadOnlyList<(int Index, double Value)> earlier,
        Position position, bool yearRunning, bool lowerIsBetter, double thresholdPercent)
    {
        var points = earlier.ToList();
        if (Counts(r, thresholdPercent))
        {
            points.Add((position.Current, r.Value!.Value));
        }
        var projected = PlanFact.Project(points, position.Last);
        var status = PlanFact.Status(fact, target.Value, lowerIsBetter, yearRunning, projected,
            r.Reported, r.OverAllOrganisations && r.Reported > 0 ? r.Reported : r.Expected, thresholdPercent);
        return r with
        {
            Target = target.Value, BaseValue = target.BaseValue, BaseDate = target.BaseDate, Status = status, Fact = fact,
            Projected = yearRunning && PlanFact.IsJudged(status) ? projected : null,
        };
    }
}
