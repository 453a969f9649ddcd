using System.Text.Json;
using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;

namespace Mera.Core.Features.Submissions;

/// <summary>
/// The numbers of a municipality's report to the region: its indicators for the period and the sums of the form's
/// elements, for itself and each of its schools — what the region compares later with today's numbers.
/// </summary>
public static class SnapshotNumbers
{
    public sealed record Number(string Org, string Code, string Name, double? Value);

    public sealed record Difference(string Org, string Code, string Name, double? Sent, double? Now);

    public static async Task<List<Number>> ComputeAsync(MeraDb database, OrgUnit org, Form form, Period period, DateOnly asOf, CancellationToken ct)
    {
        var rows = await ComputeIndicators.RunAsync(database, new ComputeIndicators.Query(org.Code, period.Code, Children: true,
            AsOf: asOf, AssessTargets: false, Elements: form.Elements.Count > 0 ? form.Elements : null), ct);
        return rows.Select(r => new Number(r.Org, r.Indicator, $"{r.OrgName}: {r.Name}", r.Value)).ToList();
    }

    public static string Serialize(IReadOnlyList<Number> numbers) => JsonSerializer.Serialize(numbers);

    public static List<Number> Deserialize(string json) => JsonSerializer.Deserialize<List<Number>>(json) ?? [];

    /// <summary>«Изменено после сдачи»: every number that is not what was sent (a value that appeared or vanished too).</summary>
    public static List<Difference> Compare(IReadOnlyList<Number> sent, IReadOnlyList<Number> now)
    {
        var current = now.ToDictionary(n => (n.Org, n.Code));
        var differences = new List<Difference>();
        foreach (var s in sent)
        {
            var n = current.GetValueOrDefault((s.Org, s.Code));
            if (!Same(s.Value, n?.Value))
            {
                differences.Add(new Difference(s.Org, s.Code, s.Name, s.Value, n?.Value));
            }
        }
        var sentKeys = sent.Select(s => (s.Org, s.Code)).ToHashSet();
        differences.AddRange(now.Where(n => !sentKeys.Contains((n.Org, n.Code)) && n.Value is not null)
            .Select(n => new Difference(n.Org, n.Code, n.Name, null, n.Value)));
        return differences;
    }

    private static bool Same(double? a, double? b) => a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) < 1e-9;
}
