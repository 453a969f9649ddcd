using Mera.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Values;

/// <summary>
/// The stored values an import needs to compare with: its own periods, their previous periods (the sharp-drop
/// warning) and the years containing them (contingent) — one query by period code, filtered by org in memory.
/// </summary>
public sealed class StoredValues
{
    // Keyed by the period as numbers: a national file looks up several stored values per row.
    private readonly Dictionary<(int Org, int Element, Domain.Period Period), double> _values = [];
    private readonly Dictionary<(int Org, Domain.Period Period), Dictionary<int, double>> _byOrgPeriod = [];

    public static async Task<StoredValues> LoadAsync(MeraDbContext db, IReadOnlyList<ValueRecord> records, CancellationToken ct)
    {
        var result = new StoredValues();
        if (records.Count == 0)
        {
            return result;
        }
        var orgs = records.Select(r => r.OrgId).ToHashSet();
        // Each period by its code, as the rows name it.
        var byCode = records.Select(r => r.Period).Distinct()
            .SelectMany(p => new[] { p, p.Previous() }.Concat(p.Containers()))
            .DistinctBy(p => p.Code).ToDictionary(p => p.Code);
        var periods = byCode.Keys.ToList();
        // A form save or a municipal file names few schools: read through the (org, element, period) key. A national
        // file names most of them: one read by period, filtered in memory, beats 40 000 index probes.
        var query = db.DataValues.AsNoTracking().Where(v => periods.Contains(v.PeriodCode));
        if (orgs.Count <= Engine.ValueLoader.MaxOrgIdsInSql)
        {
            var ids = orgs.ToList();
            query = query.Where(v => ids.Contains(v.OrgUnitId));
        }
        var rows = await query
            .Select(v => new { v.OrgUnitId, v.ElementId, v.PeriodCode, v.Value })
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            if (!orgs.Contains(row.OrgUnitId))
            {
                continue;
            }
            var period = byCode[row.PeriodCode];
            result._values[(row.OrgUnitId, row.ElementId, period)] = row.Value;
            var key = (row.OrgUnitId, period);
            if (!result._byOrgPeriod.TryGetValue(key, out var map))
            {
                result._byOrgPeriod[key] = map = [];
            }
            map[row.ElementId] = row.Value;
        }
        return result;
    }

    public double? Get(int org, int element, Domain.Period period) =>
        _values.TryGetValue((org, element, period), out var v) ? v : null;

    private static readonly Dictionary<int, double> None = [];

    public IReadOnlyDictionary<int, double> ForOrgPeriod(int org, Domain.Period period) =>
        _byOrgPeriod.TryGetValue((org, period), out var map) ? map : None;
}
