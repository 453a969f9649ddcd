using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Indicators;

/// <summary>
/// Builds the fresh totals of periods (ADR 0029): those named (`./mera totals build`), or — for the builder job — the
/// ones dashboards asked for and the ones a catalog or registry change made stale. Each period in a transaction of
/// its own; while one is built, its old totals (or the engine) keep answering, and value writes wait for it.
/// </summary>
public static class BuildTotals
{
    /// <summary>How many periods one run of the job builds at most: a flood of odd periods typed into the address bar
    /// must not keep the job busy for long.</summary>
    public const int MaxPerRun = 24;

    public static async Task<IReadOnlyList<string>> RunAsync(MeraDb database, IReadOnlyList<string> periodCodes, CancellationToken ct = default)
    {
        var periods = periodCodes.Select(Period.Parse).DistinctBy(p => p.Code).ToList();
        foreach (var period in periods)
        {
            await using var db = database.CreateContext();
            await db.Database.OpenConnectionAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (database.Settings.Provider == DbProvider.Postgres)
            {
                // Exclusive against the writers' shared hold: no value changes under the build.
                await using var lockCommand = await db.RawCommandAsync($"SELECT pg_advisory_xact_lock({IndicatorTotals.LockSpace}, 0)", ct);
                await lockCommand.ExecuteScalarAsync(ct);
            }
            await IndicatorTotals.WriteBuiltAsync(db, period, ct);
            await tx.CommitAsync(ct);
        }
        return periods.Select(p => p.Code).ToList();
    }

    /// <summary>The job's turn: the periods asked for by reads of this process, and the stale ones.</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(MeraDb database, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var stale = await IndicatorTotals.StalePeriodsAsync(db, ct);
        var fresh = (await IndicatorTotals.FreshPeriodsAsync(db, ct)).Select(p => p.Code).ToHashSet();
        return stale.Concat(IndicatorTotals.TakeWanted().Where(c => !fresh.Contains(c))).Distinct().Take(MaxPerRun).ToList();
    }
}
