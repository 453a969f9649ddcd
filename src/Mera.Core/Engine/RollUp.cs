namespace Mera.Core.Engine;

internal struct GroupSum
{
    public double Numerator;
    public double Denominator;
    public int Reported;
    public int Expected;
}

/// <summary>
/// One pass over the leaves: evaluate each indicator per school, then add into its groups. Only a school that has
/// reported (a value on the numerator's side and, for a ratio, on the denominator's) adds to either sum: a partial
/// value is a ratio over the same organisations, never the reporters' numerator over everyone's denominator (ADR 0022).
/// A share of organisations — denominator the registry's school count — is over every school.
/// </summary>
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
                // Reported: both sides on record. A share of organisations (over the registry's school count) is over
                // every school, though: one without the property on record does not have it (seed 002: 3 of 17 =
                // 17,6 %). Any other ratio is over the schools that reported, on both sides alike.
                var complete = Reported(grid, leaf, p.NumeratorSlots) && (p.OverRegistry || Reported(grid, leaf, p.DenominatorSlots));
                if (complete)
                {
                    reported[leaves.CreditLeaf[leaf] * k + i] = true;
                }
                else if (!p.OverRegistry)
                {
                    continue;
                }
                var numerator = p.Numerator.Evaluate(buffer, rural);
                var denominator = p.Denominator?.Evaluate(buffer, rural);
                Add(sums, 0, i, numerator, denominator);
                if (group > 0)
                {
                    Add(sums, group, i, numerator, denominator);
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

    /// <summary>A side that reads no stored element (only the school count) needs nothing reported.</summary>
    private static bool Reported(ValueGrid grid, int leaf, int[] slots)
    {
        if (slots.Length == 0)
        {
            return true;
        }
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
