using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Engine;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Mera.Core.Features.Indicators;

/// <summary>
/// Fresh aggregates (ADR 0029): per period, org unit above school and indicator, the sums a roll-up would compute,
/// stored once a period is built and kept current by every value write (<see cref="TotalsDelta"/>). A read of a built,
/// fresh period is a few rows instead of a pass over the values; any other read is computed by the engine as before,
/// and asks for the period to be built.
/// </summary>
internal static class IndicatorTotals
{
    /// <summary>The advisory lock space of the totals on PostgreSQL: key 0 is the build (exclusive) against the writers
    /// (shared); other keys are one school's writers, one at a time.</summary>
    internal const int LockSpace = 0x4D45;

    /// <summary>Periods read while not built, for the builder job of this process to build (reads never write).</summary>
    private static readonly ConcurrentDictionary<string, byte> Wanted = new();

    public static void Want(string periodCode) => Wanted.TryAdd(periodCode, 0);

    public static IReadOnlyList<string> TakeWanted()
    {
        var codes = Wanted.Keys.ToList();
        foreach (var code in codes)
        {
            Wanted.TryRemove(code, out _);
        }
        return codes;
    }

    /// <summary>The sums of the given orgs for a fresh period, by (org, indicator id); null when the period is not built or
    /// stale — one query, so the flag and the rows are of one moment.</summary>
    public static async Task<Dictionary<(int Org, int Indicator), GroupSum>?> ReadAsync(MeraDbContext db, string periodCode,
        IReadOnlyCollection<int> orgIds, CancellationToken ct)
    {
        await using var command = await db.RawCommandAsync($"""
            SELECT t.org_unit_id, t.indicator_id, t.numerator, t.denominator, t.reported, t.expected
            FROM indicator_totals t JOIN indicator_total_periods p ON p.period_code = t.period_code AND p.fresh = 1
            WHERE t.period_code = @p AND t.org_unit_id IN ({string.Join(",", orgIds.Select(i => i.ToString(CultureInfo.InvariantCulture)))})
            """, ct);
        command.With("@p", periodCode);
        var sums = new Dictionary<(int, int), GroupSum>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            sums[(reader.GetInt32(0), reader.GetInt32(1))] = new GroupSum
            {
                Numerator = reader.GetDouble(2), Denominator = reader.GetDouble(3), Reported = reader.GetInt32(4), Expected = reader.GetInt32(5),
            };
        }
        return sums.Count == 0 ? null : sums;
    }

    /// <summary>The periods built and still fresh.</summary>
    public static async Task<List<Period>> FreshPeriodsAsync(MeraDbContext db, CancellationToken ct) =>
        (await CodesAsync(db, "SELECT period_code FROM indicator_total_periods WHERE fresh = 1", ct)).Select(Period.Parse).ToList();

    /// <summary>The periods built once and made stale since (a catalog or registry change).</summary>
    public static Task<List<string>> StalePeriodsAsync(MeraDbContext db, CancellationToken ct) =>
        CodesAsync(db, "SELECT period_code FROM indicator_total_periods WHERE fresh = 0", ct);

    /// <summary>A change of the catalog or the registry: every period to be built again; until then the engine computes.</summary>
    public static async Task MarkAllStaleAsync(MeraDbContext db, CancellationToken ct)
    {
        await using var command = await db.RawCommandAsync("UPDATE indicator_total_periods SET fresh = 0 WHERE fresh = 1", ct);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task MarkStaleAsync(MeraDbContext db, string periodCode, CancellationToken ct)
    {
        await using var command = await db.RawCommandAsync("UPDATE indicator_total_periods SET fresh = 0 WHERE period_code = @p", ct);
        command.With("@p", periodCode);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Computes a period's totals from all values and stores them as fresh, inside the caller's transaction.</summary>
    public static async Task WriteBuiltAsync(MeraDbContext db, Period period, CancellationToken ct)
    {
        var plan = (await TotalsEvaluation.CatalogAsync(db, ct)).PlanFor(period);
        var rows = await OrgRows.LeavesAsync(db, "/", ct);
        var connection = db.Database.GetDbConnection();
        var evaluation = TotalsEvaluation.Run(connection, TotalsEvaluation.TransactionOf(db), plan, rows, period);
        await using (var delete = await db.RawCommandAsync("DELETE FROM indicator_totals WHERE period_code = @p", ct))
        {
            delete.With("@p", period.Code);
            await delete.ExecuteNonQueryAsync(ct);
        }
        // Every org above school, also one with no school open in the period: its row says «0 of 0», not «not built».
        var orgs = await AllOrgsAboveSchoolAsync(db, ct);
        var empty = new GroupSum[plan.Indicators.Count];
        var lines = orgs.Select(o => (Org: o, Sums: evaluation.ByOrg.GetValueOrDefault(o) ?? empty));
        if (connection is NpgsqlConnection pg)
        {
            await CopyRowsAsync(pg, period.Code, plan, lines, ct);
        }
        else
        {
            InsertRows(db, period.Code, plan, lines);
        }
        await using var mark = await db.RawCommandAsync("""
            INSERT INTO indicator_total_periods (period_code, fresh) VALUES (@p, 1)
            ON CONFLICT (period_code) DO UPDATE SET fresh = 1
            """, ct);
        mark.With("@p", period.Code);
        await mark.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<int>> AllOrgsAboveSchoolAsync(MeraDbContext db, CancellationToken ct) =>
        await db.OrgUnits.AsNoTracking().Where(o => o.Type != OrgUnitType.School && o.Type != OrgUnitType.Branch).Select(o => o.Id).ToListAsync(ct);

    private static void InsertRows(MeraDbContext db, string period, IndicatorPlan plan, IEnumerable<(int Org, GroupSum[] Sums)> lines)
    {
        using var insert = new SqliteBulkStatement((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection(),
            "INSERT INTO indicator_totals (period_code, org_unit_id, indicator_id, numerator, denominator, reported, expected) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        insert.Bind(1, period);
        foreach (var (org, sums) in lines)
        {
            for (var i = 0; i < sums.Length; i++)
            {
                insert.Bind(2, org).Bind(3, plan.Indicators[i].Indicator.Id).Bind(4, sums[i].Numerator).Bind(5, sums[i].Denominator)
                    .Bind(6, sums[i].Reported).Bind(7, sums[i].Expected).Run();
            }
        }
    }

    private static async Task CopyRowsAsync(NpgsqlConnection connection, string period, IndicatorPlan plan,
        IEnumerable<(int Org, GroupSum[] Sums)> lines, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY indicator_totals (period_code, org_unit_id, indicator_id, numerator, denominator, reported, expected) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (org, sums) in lines)
        {
            for (var i = 0; i < sums.Length; i++)
            {
                copy.StartRow();
                copy.Write(period, NpgsqlDbType.Text);
                copy.Write(org, NpgsqlDbType.Integer);
                copy.Write(plan.Indicators[i].Indicator.Id, NpgsqlDbType.Integer);
                copy.Write(sums[i].Numerator, NpgsqlDbType.Double);
                copy.Write(sums[i].Denominator, NpgsqlDbType.Double);
                copy.Write(sums[i].Reported, NpgsqlDbType.Integer);
                copy.Write(sums[i].Expected, NpgsqlDbType.Integer);
            }
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task<List<string>> CodesAsync(MeraDbContext db, string sql, CancellationToken ct)
    {
        await using var command = await db.RawCommandAsync(sql, ct);
        var codes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            codes.Add(reader.GetString(0));
        }
        return codes;
    }
}
