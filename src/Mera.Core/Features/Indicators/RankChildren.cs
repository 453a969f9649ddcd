using Mera.Core.Data;
using Mera.Core.Engine;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Indicators;

/// <summary>
/// Municipalities (or any children) side by side, scored per indicator as the motivating monitoring does: the best
/// value gets 100 points and the others their share of it (for «lower is better» indicators, the best's share of
/// theirs); the total is the mean of the scores an org has. Completeness is shown beside, never mixed in.
/// </summary>
public static class RankChildren
{
    public sealed record Score(IndicatorResult Result, double? Points);

    /// <summary>Completeness: reported over expected, summed across the indicators (how much of its data the org has sent).</summary>
    public sealed record Row(string Org, string OrgName, IReadOnlyDictionary<string, Score> Scores, double? Total, double? Completeness)
    {
        /// <summary>The name for the table (the full one is its tooltip).</summary>
        public string OrgShortName { get; init; } = OrgName;
    }

    public sealed record Result(IReadOnlyList<IndicatorResult> Indicators, IReadOnlyList<Row> Rows);

    public static async Task<Result> RunAsync(MeraDb database, string orgCode, string periodCode, CancellationToken ct = default)
    {
        var rows = await ComputeIndicators.RunAsync(database, new ComputeIndicators.Query(orgCode, periodCode, Children: true, AssessTargets: false), ct);
        var own = rows.Where(r => r.Org == orgCode).ToList();
        await using var db = database.CreateContext();
        var lowerIsBetter = (await db.Indicators.AsNoTracking().Where(i => i.LowerIsBetter).Select(i => i.Code).ToListAsync(ct)).ToHashSet();
        var children = rows.Where(r => r.Org != orgCode).GroupBy(r => r.Org).ToList();
        var best = own.ToDictionary(i => i.Indicator, i =>
        {
            var values = children.Select(c => c.Single(r => r.Indicator == i.Indicator).Value).OfType<double>().ToList();
            return values.Count == 0 ? (double?)null : lowerIsBetter.Contains(i.Indicator) ? values.Min() : values.Max();
        });
        var ranked = children.Select(c =>
        {
            var scores = c.ToDictionary(r => r.Indicator, r => new Score(r, Points(r.Value, best[r.Indicator], lowerIsBetter.Contains(r.Indicator))));
            var points = scores.Values.Select(s => s.Points).OfType<double>().ToList();
            var expected = c.Sum(r => r.Expected);
            return new Row(c.Key, c.First().OrgName, scores, points.Count == 0 ? null : points.Average(),
                expected == 0 ? null : 100.0 * c.Sum(r => r.Reported) / expected) { OrgShortName = c.First().OrgShortName };
        }).OrderByDescending(r => r.Total ?? -1).ToList();
        return new Result(own, ranked);
    }

    private static double? Points(double? value, double? best, bool lowerIsBetter) => (value, best) switch
    {
        (null, _) or (_, null) => null,
        (_, 0) => lowerIsBetter ? 100 : 0,
        var (v, b) when lowerIsBetter => v == 0 ? 100 : 100 * b!.Value / v!.Value,
        var (v, b) => 100 * v!.Value / b!.Value,
    };
}
