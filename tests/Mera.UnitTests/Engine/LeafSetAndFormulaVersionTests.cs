using Mera.Core.Domain;
using Mera.Core.Engine;

namespace Mera.UnitTests.Engine;

public sealed class LeafSetAndFormulaVersionTests
{
    private static readonly DateOnly End = new(2026, 9, 30);

    [Fact]
    public void A_branch_reports_for_its_school_and_a_closed_school_is_no_leaf()
    {
        LeafRow[] rows =
        [
            new(10, 1, "/1/2/10/", OrgUnitType.School, false, true, null, null),
            new(11, 10, "/1/2/10/11/", OrgUnitType.Branch, true, true, null, null),
            new(12, 1, "/1/3/12/", OrgUnitType.School, false, true, null, new DateOnly(2026, 9, 29)),   // closed before the period's end
            new(13, 1, "/1/3/13/", OrgUnitType.School, false, true, new DateOnly(2026, 10, 1), null),  // opens after it
            new(14, 1, "/1/3/14/", OrgUnitType.School, false, true, null, End),                        // closes on its last day
            new(15, 1, "/1/15/", OrgUnitType.School, false, false, null, null),                        // inactive
        ];
        var leaves = LeafSet.Build(rows, "/1/", [2, 3], End);
        Assert.Equal([10, 11, 14], leaves.OrgIds);
        Assert.Equal([true, false, true], leaves.IsSchool);
        Assert.Equal([false, true, false], leaves.IsRural);
        Assert.Equal(leaves.IndexOfOrg[10], leaves.CreditLeaf[leaves.IndexOfOrg[11]]);
        Assert.Equal(leaves.IndexOfOrg[14], leaves.CreditLeaf[leaves.IndexOfOrg[14]]);
        Assert.Equal([1, 1, 2], leaves.ChildGroup);
    }

    [Fact]
    public void Without_children_every_leaf_is_in_the_whole_only_and_the_root_itself_in_no_child()
    {
        LeafRow[] rows = [new(1, null, "/1/", OrgUnitType.School, false, true, null, null), new(10, 1, "/1/10/", OrgUnitType.School, false, true, null, null)];
        Assert.Equal([0, 0], LeafSet.Build(rows, "/1/", [], End).ChildGroup);
        Assert.Equal([0, 1], LeafSet.Build(rows, "/1/", [10], End).ChildGroup);
        Assert.Equal([0, 0], LeafSet.Build(rows, "/1/", [99], End).ChildGroup);
    }

    [Fact]
    public void A_period_is_computed_with_the_formula_version_in_force_at_its_end()
    {
        var indicator = new Indicator
        {
            Code = "i", Name = "i",
            Formulas =
            [
                new IndicatorFormula { EffectiveFrom = new DateOnly(2025, 1, 1), Numerator = "b" },
                new IndicatorFormula { EffectiveFrom = new DateOnly(2020, 1, 1), Numerator = "a" },
            ],
        };
        Assert.Null(indicator.FormulaAt(new DateOnly(2019, 12, 31)));
        Assert.Equal("a", indicator.FormulaAt(new DateOnly(2024, 12, 31))!.Numerator);
        Assert.Equal("b", indicator.FormulaAt(new DateOnly(2025, 1, 1))!.Numerator);
        Assert.Equal("b", indicator.FormulaAt(new DateOnly(2030, 1, 1))!.Numerator);
        Assert.Equal("%", new Indicator { Code = "x", Name = "x" }.Unit);
    }
}
