using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Engine;

namespace Mera.Core.Features.Indicators;

/// <summary>
/// What a dashboard shows: every indicator of an org and its children for a period, with targets, and each
/// indicator's trend over that period and the ones before it (<see cref="ComputeTrend"/>).
/// </summary>
public static class ComputeDashboard
{
    public sealed record Query(string OrgCode, Period Period, DateOnly AsOf, int TrendLength = 6);

    public sealed record Result(IReadOnlyList<IndicatorResult> Rows, IReadOnlyDictionary<string, List<(string Period, double? Value)>> Trends);

    public static async Task<Result> RunAsync(MeraDb database, Query query, CancellationToken ct = default)
    {
        var periods = query.Period.Trailing(query.TrendLength);
        // Every roll-up once and side by side (ComputeTrend, newest first): the shown period with its children, the
        // earlier ones for the org. Then the targets are assessed with the earlier periods as their trend points —
        // no period is rolled up twice unless a rule for each school needs the schools' earlier rows.
        var computed = (await ComputeTrend.RunAsync(database, periods, period => period == query.Period
            ? new ComputeIndicators.Query(query.OrgCode, period.Code, Children: true, AssessTargets: false)
            : new ComputeIndicators.Query(query.OrgCode, period.Code, AssessTargets: false), ct)).ToArray();
        var shown = new ComputeIndicators.Query(query.OrgCode, query.Period.Code, Children: true, AsOf: query.AsOf) { Computed = computed[..^1] };
        var rows = await AssessTargets.RunAsync(database, shown, query.Period, computed[^1], ct);
        computed[^1] = rows.Where(r => r.Org == query.OrgCode).ToList();
        var trends = new Dictionary<string, List<(string Period, double? Value)>>();
        foreach (var (period, values) in periods.Zip(computed))
        {
            foreach (var r in values)
            {
                (trends.TryGetValue(r.Indicator, out var list) ? list : trends[r.Indicator] = []).Add((period.Code, r.Value));
            }
        }
        return new Result(rows, trends);
    }
}
