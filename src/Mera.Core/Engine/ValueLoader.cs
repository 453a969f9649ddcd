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
    /// <summary>
    /// Above this many schools a read of values filters orgs in memory instead of in SQL: a national read touches
    /// most rows anyway, and thousands of ids in an IN list cost more than they save. Roll-ups and imports share it.
    /// </summary>
    internal const int MaxOrgIdsInSql = 2000;

    public static void Load(DbConnection connection, LeafSet leaves, Period period,
        IReadOnlyDictionary<int, int> slotOfElement, IReadOnlyCollection<int> everElementIds, ValueGrid grid, DbTransaction? transaction = null)
    {
        if (slotOfElement.Count == 0 || leaves.Count == 0)
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction; // inside a write, the totals are kept from what it sees
        // SQLite stores the anchor as text: turning it into yyyymmdd in SQL spares a date parse per row in .NET
        // (1.5 M rows in a national roll-up); PostgreSQL returns a binary date.
        var sqlite = connection is Microsoft.Data.Sqlite.SqliteConnection;
        var anchor = sqlite
            ? "CAST(substr(period_anchor, 1, 4) || substr(period_anchor, 6, 2) || substr(period_anchor, 9, 2) AS INTEGER)"
            : "period_anchor";
        // SQLite's planner has no statistics and picks the element/anchor index, which fetches every school's rows
        // one by one (3.7 s at 40 000 schools). A subtree reads through the (org, element, period) key instead
        // (3.7 s → ms for a municipality); a national roll-up scans the table in order (3.8 s → 0.6 s). ADR 0011.
        var national = leaves.Count > MaxOrgIdsInSql;
        var elements = string.Join(",", slotOfElement.Keys.Select(k => k.ToString(CultureInfo.InvariantCulture)));
        var containers = period.Containers().Select((c, i) => (c, name: $"@c{i}")).ToList();
        var sql = $"""
            SELECT org_unit_id, element_id, period_type, {anchor}, value FROM data_values{(sqlite ? national ? " NOT INDEXED" : " INDEXED BY ix_data_values_key" : "")}
            WHERE element_id IN ({elements}) AND period_anchor <= @end
              AND (period_anchor >= @start{string.Concat(containers.Select(c => $" OR period_code = {c.name}"))}
            """;
        sql += everElementIds.Count > 0
            ? $" OR element_id IN ({string.Join(",", everElementIds.Select(e => e.ToString(CultureInfo.InvariantCulture)))}))"
            : ")";
        if (!national)
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
        var days = new Dictionary<int, int>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!leaves.IndexOfOrg.TryGetValue(reader.GetInt32(0), out var leaf)
                || !slotOfElement.TryGetValue(reader.GetInt32(1), out var slot))
            {
                continue;
            }
            var day = sqlite ? DayOf(reader.GetInt32(3), days) : reader.GetFieldValue<DateOnly>(3).DayNumber;
            grid.Add(leaf, slot, (PeriodType)reader.GetInt32(2), day, reader.GetDouble(4));
        }
    }

    /// <summary>yyyymmdd → day number; a roll-up meets only a few dozen distinct anchors, so each is computed once.</summary>
    private static int DayOf(int yyyymmdd, Dictionary<int, int> days)
    {
        if (!days.TryGetValue(yyyymmdd, out var day))
        {
            days[yyyymmdd] = day = new DateOnly(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100).DayNumber;
        }
        return day;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
