using System.Globalization;
using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Engine;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mera.Core.Features.Indicators;

/// <summary>
/// Keeps the fresh totals current inside a value write's transaction (ADR 0029): the schools a write touches are
/// evaluated for every built period the write bears on, before and after it, and the difference is added to the
/// totals of the org units above them. A write of more schools than a query can list rebuilds those periods instead.
/// Call <see cref="BeforeAsync"/> after the transaction began and before the values are written, then
/// <see cref="AfterAsync"/> once they are.
/// </summary>
internal sealed class TotalsDelta
{
    private readonly MeraDbContext _db;
    private readonly List<(Period Period, IndicatorPlan Plan, TotalsEvaluation? Before)> _periods;
    private readonly List<LeafRow>? _leaves;

    private TotalsDelta(MeraDbContext db, List<(Period, IndicatorPlan, TotalsEvaluation?)> periods, List<LeafRow>? leaves) =>
        (_db, _periods, _leaves) = (db, periods, leaves);

    /// <summary>What the write bears on, evaluated before it; null when no built period is concerned.</summary>
    /// <param name="written">The keys written, listed only when a built period is concerned (a national import has 560 000).</param>
    public static async Task<TotalsDelta?> BeforeAsync(MeraDbContext db, IEnumerable<(int OrgId, int ElementId, Period Period)> written,
        CancellationToken ct)
    {
        var postgres = db.Database.GetDbConnection() is NpgsqlConnection;
        if (postgres)
        {
            // Shared against a build (which holds it exclusively): a period is not built from values this write is changing.
            await ExecuteAsync(db, $"SELECT pg_advisory_xact_lock_shared({IndicatorTotals.LockSpace}, 0)", ct);
        }
        var fresh = await IndicatorTotals.FreshPeriodsAsync(db, ct);
        if (fresh.Count == 0)
        {
            return null;
        }
        var keys = written.ToList();
        if (keys.Count == 0)
        {
            return null;
        }
        var catalog = await TotalsEvaluation.CatalogAsync(db, ct);
        var ever = catalog.Elements.Where(e => e.TimeAggregation == TimeAggregation.Ever).Select(e => e.Id).ToHashSet();
        // A value is read for a period it overlaps (inside it, or containing it); an `ever` value for every later one.
        var concerned = fresh.Where(q => keys.Any(k => k.Period.Start <= q.End && (k.Period.End >= q.Start || ever.Contains(k.ElementId)))).ToList();
        if (concerned.Count == 0)
        {
            return null;
        }
        var orgIds = keys.Select(k => k.OrgId).Distinct().ToList();
        List<LeafRow>? leaves = null;
        if (orgIds.Count <= ValueLoader.MaxOrgIdsInSql)
        {
            leaves = await OrgRows.ReportingUnitsOfAsync(db, orgIds, ct);
            if (postgres)
            {
                // One writer of a school's totals at a time: each evaluates after the one before it committed.
                foreach (var school in leaves.Select(CreditSchool).Distinct().Order())
                {
                    await ExecuteAsync(db, $"SELECT pg_advisory_xact_lock({IndicatorTotals.LockSpace}, {school.ToString(CultureInfo.InvariantCulture)})", ct);
                }
            }
        }
        var periods = new List<(Period, IndicatorPlan, TotalsEvaluation?)>();
        foreach (var period in concerned)
        {
            var plan = catalog.PlanFor(period);
            periods.Add((period, plan, leaves is null ? null : Evaluate(db, plan, leaves, period)));
        }
        return new TotalsDelta(db, periods, leaves);
    }

    public async Task AfterAsync(CancellationToken ct)
    {
        foreach (var (period, plan, before) in _periods)
        {
            if (before is null || _leaves is null)
            {
                await IndicatorTotals.WriteBuiltAsync(_db, period, ct);
                continue;
            }
            var after = Evaluate(_db, plan, _leaves, period);
            if (!await ApplyAsync(period, plan, before, after, ct))
            {
                // A total row to adjust is missing (an org added since the build): the period is built again instead.
                await IndicatorTotals.MarkStaleAsync(_db, period.Code, ct);
            }
        }
    }

    private static TotalsEvaluation Evaluate(MeraDbContext db, IndicatorPlan plan, List<LeafRow> leaves, Period period) =>
        TotalsEvaluation.Run(db.Database.GetDbConnection(), TotalsEvaluation.TransactionOf(db), plan, leaves, period);

    private async Task<bool> ApplyAsync(Period period, IndicatorPlan plan, TotalsEvaluation before, TotalsEvaluation after, CancellationToken ct)
    {
        var zero = new GroupSum[plan.Indicators.Count];
        foreach (var org in before.ByOrg.Keys.Union(after.ByOrg.Keys))
        {
            var (b, a) = (before.ByOrg.GetValueOrDefault(org) ?? zero, after.ByOrg.GetValueOrDefault(org) ?? zero);
            for (var i = 0; i < plan.Indicators.Count; i++)
            {
                var (numerator, denominator, reported) = (a[i].Numerator - b[i].Numerator, a[i].Denominator - b[i].Denominator, a[i].Reported - b[i].Reported);
                if (numerator == 0 && denominator == 0 && reported == 0)
                {
                    continue;
                }
                await using var update = await _db.RawCommandAsync("""
                    UPDATE indicator_totals SET numerator = numerator + @n, denominator = denominator + @d, reported = reported + @r
                    WHERE period_code = @p AND org_unit_id = @o AND indicator_id = @i
                    """, ct);
                update.With("@n", numerator);
                update.With("@d", denominator);
                update.With("@r", reported);
                update.With("@p", period.Code);
                update.With("@o", org);
                update.With("@i", plan.Indicators[i].Indicator.Id);
                if (await update.ExecuteNonQueryAsync(ct) != 1)
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static int CreditSchool(LeafRow row) => row.Type == OrgUnitType.Branch && row.ParentId is int p ? p : row.Id;

    private static async Task ExecuteAsync(MeraDbContext db, string sql, CancellationToken ct)
    {
        await using var command = await db.RawCommandAsync(sql, ct);
        await command.ExecuteScalarAsync(ct);
    }
}
