using Mera.Core.Data;

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
        var byCode = RecordPeriods.Of(records)
            .SelectMany(p => new[] { p, p.Previous() }.Concat(p.Containers()))
            .DistinctBy(p => p.Code).ToDictionary(p => p.Code);
        // A form save or a municipal file names few schools: read through the (org, element, period) key. A national
        // file names most of them: one read by period, filtered in memory, beats 40 000 index probes. Plain SQL: through
        // EF the query was compiled anew by every one-shot CLI import. One parameter per period code: even every week,
        // month, quarter and year since 2000 is about 2 000, within both databases' limits.
        await using var command = await db.RawCommandAsync("", ct);
        command.CommandText = $"SELECT org_unit_id, element_id, period_code, value FROM data_values WHERE period_code IN ({command.WithList("p", byCode.Keys)})"
            + (orgs.Count <= Engine.ValueLoader.MaxOrgIdsInSql
                ? $" AND org_unit_id IN ({string.Join(",", orgs.Select(o => o.ToString(System.Globalization.CultureInfo.InvariantCulture)))})"
                : "");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var org = reader.GetInt32(0);
            if (!orgs.Contains(org))
            {
                continue;
            }
            var (element, period, value) = (reader.GetInt32(1), byCode[reader.GetString(2)], reader.GetDouble(3));
            result._values[(org, element, period)] = value;
            if (!result._byOrgPeriod.TryGetValue((org, period), out var map))
            {
                result._byOrgPeriod[(org, period)] = map = [];
            }
            map[element] = value;
        }
        return result;
    }

    public double? Get(int org, int element, Domain.Period period) =>
        _values.TryGetValue((org, element, period), out var v) ? v : null;

    private static readonly Dictionary<int, double> None = [];

    public IReadOnlyDictionary<int, double> ForOrgPeriod(int org, Domain.Period period) =>
        _byOrgPeriod.TryGetValue((org, period), out var map) ? map : None;
}
