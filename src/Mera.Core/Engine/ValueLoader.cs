using System.Data.Common;
using System.Globalization;
using Mera.Core.Domain;

namespace Mera.Core.Engine;

/// <summary>
/// Streams the stored values that bear on a period for a set of elements in one query (never one per school):
/// values inside the period, values of the periods that contain it, and for `ever` elements everything before.
/// </summary>
internal static class ValueLoader
{
    /// <summary>Above this many leaves the org filter is done in memory: a national roll-up reads everything anyway.</summary>
    private const int MaxOrgIdsInSql = 2000;

    public static void Load(DbConnection connection, LeafSet leaves, Period period,
        IReadOnlyDictionary<int, int> slotOfElement, IReadOnlyCollection<int> everElementIds, ValueGrid grid)
    {
        if (slotOfElement.Count == 0 || leaves.Count == 0)
        {
            return;
        }
        using var command = connection.CreateCommand();
        var elements = string.Join(",", slotOfElement.Keys.Select(k => k.ToString(CultureInfo.InvariantCulture)));
        var containers = period.Containers().Select((c, i) => (c, name: $"@c{i}")).ToList();
        var sql = $"""
            SELECT org_unit_id, element_id, period_type, period_anchor, value FROM data_values
            WHERE element_id IN ({elements}) AND period_anchor <= @end
              AND (period_anchor >= @start{string.Concat(containers.Select(c => $" OR period_code = {c.name}"))}
            """;
        sql += everElementIds.Count > 0
            ? $" OR element_id IN ({string.Join(",", everElementIds.Select(e => e.ToString(CultureInfo.InvariantCulture)))}))"
            : ")";
        if (leaves.Count <= MaxOrgIdsInSql)
        {
            sql += $" AND org_unit_id IN ({string.Join(",", leaves.OrgIds.Select(i => i.ToString(CultureInfo.InvariantCulture)))})";
        }
        command.CommandText = sql;
        AddParameter(command, "@start", period.Start);
        AddParameter(command, "@end", period.End);
        foreach (var (c, name) in containers)
        {
            AddParameter(command, name, c.Code);
        }
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!leaves.IndexOfOrg.TryGetValue(reader.GetInt32(0), out var leaf)
                || !slotOfElement.TryGetValue(reader.GetInt32(1), out var slot))
            {
                continue;
            }
            var anchor = reader.GetFieldValue<DateOnly>(3).DayNumber;
            grid.Add(leaf, slot, (PeriodType)reader.GetInt32(2), anchor, reader.GetDouble(4));
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
