using System.Data.Common;
using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mera.Core.Features.Indicators;

/// <summary>
/// The engine's evaluation of a set of leaves for a period, summed into every org unit above each leaf (its path) —
/// what the fresh totals hold. The same <see cref="RollUp.Evaluate"/> as a dashboard's, so both give one number.
/// </summary>
internal sealed class TotalsEvaluation
{
    /// <summary>Per org unit above a leaf: a sum per indicator of the plan.</summary>
    public required Dictionary<int, GroupSum[]> ByOrg { get; init; }
    public required IndicatorPlan Plan { get; init; }

    /// <summary>What the totals are computed with, read once for every period a write or a build concerns.</summary>
    public sealed record Catalog(List<Indicator> Indicators, List<DataElement> Elements)
    {
        public IndicatorPlan PlanFor(Period period) => IndicatorPlan.Build(Indicators, Elements, period);
    }

    public static async Task<Catalog> CatalogAsync(MeraDbContext db, CancellationToken ct) => new(
        await db.Indicators.AsNoTracking().Include(i => i.Formulas).OrderBy(i => i.Id).ToListAsync(ct),
        await db.DataElements.AsNoTracking().ToListAsync(ct));

    public static TotalsEvaluation Run(DbConnection connection, DbTransaction? transaction, IndicatorPlan plan, IReadOnlyList<LeafRow> rows, Period period)
    {
        var leaves = LeafSet.Build(rows, "/", [], period.End);
        var grid = new ValueGrid(leaves.Count, plan.AggregationBySlot, period);
        ValueLoader.Load(connection, leaves, period, plan.SlotOfElementId, plan.EverElementIds, grid, transaction);
        var facts = RollUp.Evaluate(plan, leaves, grid);
        var byOrg = new Dictionary<int, GroupSum[]>();
        var k = plan.Indicators.Count;
        var one = new GroupSum[1, k];
        var pathOf = rows.ToDictionary(r => r.Id, r => r.Path);
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            Array.Clear(one);
            RollUp.AddLeaf(one, 0, facts, leaves, leaf);
            foreach (var ancestor in Ancestors(pathOf[leaves.OrgIds[leaf]]))
            {
                if (pathOf.ContainsKey(ancestor))
                {
                    continue; // a branch's school: a reporting unit itself, whose own figures the engine computes
                }
                if (!byOrg.TryGetValue(ancestor, out var sums))
                {
                    byOrg[ancestor] = sums = new GroupSum[k];
                }
                for (var i = 0; i < k; i++)
                {
                    sums[i].Numerator += one[0, i].Numerator;
                    sums[i].Denominator += one[0, i].Denominator;
                    sums[i].Reported += one[0, i].Reported;
                    sums[i].Expected += one[0, i].Expected;
                }
            }
        }
        return new TotalsEvaluation { ByOrg = byOrg, Plan = plan };
    }

    /// <summary>The org units above a leaf: every id of its path but its own ("/1/5/77/" → 1, 5).</summary>
    public static IEnumerable<int> Ancestors(string path)
    {
        var ids = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < ids.Length - 1; i++)
        {
            yield return int.Parse(ids[i], System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public static DbTransaction? TransactionOf(MeraDbContext db) => db.Database.CurrentTransaction?.GetDbTransaction();
}
