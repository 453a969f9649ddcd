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
        // The earlier periods once, with the children: the trend line reads the org's rows, and the target assessment
        // of the shown period reads its projection points from the same rows instead of rolling them up again.
        var earlier = await ComputeTrend.RunAsync(database, periods.Take(periods.Count - 1).ToList(),
            period => new ComputeIndicators.Query(query.OrgCode, period.Code, Children: true, AssessTargets: false), ct);
        var rows = await ComputeIndicators.RunAsync(database, new ComputeIndicators.Query(query.OrgCode, query.Period.Code, Children: true,
            AsOf: query.AsOf) { Computed = earlier }, ct);
        var computed = earlier.Append(rows).Select(r => r.Where(x => x.Org == query.OrgCode).ToList()).ToArray();
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
