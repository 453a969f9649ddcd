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
        var facts = Evaluate(plan, leaves, grid);
        var sums = new GroupSum[groups, facts.Indicators];
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            var group = leaves.ChildGroup[leaf];
            AddLeaf(sums, 0, facts, leaves, leaf);
            if (group > 0)
            {
                AddLeaf(sums, group, facts, leaves, leaf);
            }
        }
        return sums;
    }

    /// <summary>
    /// Each leaf's part of every indicator: what it adds to the sums (nothing unless reported, but for a share of
    /// organisations) and, for a school, whether it has reported — itself or through a branch.
    /// </summary>
    public static LeafFacts Evaluate(IndicatorPlan plan, LeafSet leaves, ValueGrid grid)
    {
        var k = plan.Indicators.Count;
        var facts = new LeafFacts(leaves.Count, k);
        var buffer = new double?[grid.Slots];
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            grid.Fill(leaf, buffer);
            if (plan.SchoolsSlot >= 0)
            {
                buffer[plan.SchoolsSlot] = leaves.IsSchool[leaf] ? 1 : 0;
            }
            var rural = leaves.IsRural[leaf];
            for (var i = 0; i < k; i++)
            {
                var p = plan.Indicators[i];
                // Reported: both sides on record. A share of organisations (over the registry's school count) is over
                // every school, though: one without the property on record does not have it (seed 002: 3 of 17 =
                // 17,6 %). Any other ratio is over the schools that reported, on both sides alike.
                var complete = Reported(grid, leaf, p.NumeratorSlots) && (p.OverRegistry || Reported(grid, leaf, p.DenominatorSlots));
                if (complete)
                {
                    // Completeness is counted per school: a branch's report counts for its school.
                    facts.Reported[leaves.CreditLeaf[leaf] * k + i] = true;
                }
                else if (!p.OverRegistry)
                {
                    continue;
                }
                // "No value" (e.g. a division by zero inside a school's formula) adds nothing rather than failing the sum.
                facts.Adds[leaf * k + i] = true;
                facts.Numerator[leaf * k + i] = p.Numerator.Evaluate(buffer, rural) ?? 0;
                facts.Denominator[leaf * k + i] = p.Denominator?.Evaluate(buffer, rural) ?? 0;
            }
        }
        return facts;
    }

    /// <summary>One leaf into one group: its sums, and — for a school — one expected report and maybe one received.</summary>
    public static void AddLeaf(GroupSum[,] sums, int group, LeafFacts facts, LeafSet leaves, int leaf)
    {
        var school = leaves.IsSchool[leaf];
        for (var i = 0; i < facts.Indicators; i++)
        {
            var at = leaf * facts.Indicators + i;
            if (facts.Adds[at])
            {
                sums[group, i].Numerator += facts.Numerator[at];
                sums[group, i].Denominator += facts.Denominator[at];
            }
            if (school)
            {
                sums[group, i].Expected++;
                sums[group, i].Reported += facts.Reported[at] ? 1 : 0;
            }
        }
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

/// <summary>Per leaf and indicator (index leaf × indicators + i): the leaf's numerator and denominator, whether they add
/// to the sums, and whether the school has reported (set on the school's index for its branches' reports too).</summary>
internal sealed class LeafFacts(int leaves, int indicators)
{
    public int Indicators { get; } = indicators;
    public double[] Numerator { get; } = new double[leaves * indicators];
    public double[] Denominator { get; } = new double[leaves * indicators];
    public bool[] Adds { get; } = new bool[leaves * indicators];
    public bool[] Reported { get; } = new bool[leaves * indicators];
}
