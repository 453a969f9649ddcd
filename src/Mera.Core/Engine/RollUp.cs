namespace Mera.Core.Engine;

internal struct GroupSum
{
    public double Numerator;
    public double Denominator;
    public int Reported;
    public int Expected;
}

/// <summary>One pass over the leaves: evaluate each indicator per school, then add into its groups.</summary>
internal static class RollUp
{
    public static GroupSum[,] Compute(IndicatorPlan plan, LeafSet leaves, ValueGrid grid, int groups)
    {
        var k = plan.Indicators.Count;
        var sums = new GroupSum[groups, k];
        var buffer = new double?[grid.Slots];
        // Completeness is counted per school: a branch's report counts for its school.
        var reported = new bool[leaves.Count * k];
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            grid.Fill(leaf, buffer);
            if (plan.SchoolsSlot >= 0)
            {
                buffer[plan.SchoolsSlot] = leaves.IsSchool[leaf] ? 1 : 0;
            }
            var rural = leaves.IsRural[leaf];
            var group = leaves.ChildGroup[leaf];
            for (var i = 0; i < k; i++)
            {
                var p = plan.Indicators[i];
                var numerator = p.Numerator.Evaluate(buffer, rural);
                var denominator = p.Denominator?.Evaluate(buffer, rural);
                Add(sums, 0, i, numerator, denominator);
                if (group > 0)
                {
                    Add(sums, group, i, numerator, denominator);
                }
                if (HasAny(grid, leaf, p.NumeratorSlots))
                {
                    reported[leaves.CreditLeaf[leaf] * k + i] = true;
                }
            }
        }
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            if (!leaves.IsSchool[leaf])
            {
                continue;
            }
            var group = leaves.ChildGroup[leaf];
            for (var i = 0; i < k; i++)
            {
                var r = reported[leaf * k + i] ? 1 : 0;
                sums[0, i].Expected++;
                sums[0, i].Reported += r;
                if (group > 0)
                {
                    sums[group, i].Expected++;
                    sums[group, i].Reported += r;
                }
            }
        }
        return sums;
    }

    private static void Add(GroupSum[,] sums, int group, int indicator, double? numerator, double? denominator)
    {
        // "No value" (e.g. a division by zero inside a school's formula) adds nothing rather than failing the sum.
        sums[group, indicator].Numerator += numerator ?? 0;
        sums[group, indicator].Denominator += denominator ?? 0;
    }

    private static bool HasAny(ValueGrid grid, int leaf, int[] slots)
    {
        foreach (var s in slots)
        {
            if (grid.Has(leaf, s))
            {
                return true;
            }
        }
        return false;
    }
}
