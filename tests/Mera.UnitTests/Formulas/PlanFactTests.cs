using Mera.Core.Engine;

namespace Mera.UnitTests.Formulas;

public class PlanFactTests
{
    [Theory]
    [InlineData(17.6, 5.7, false, false, null, "achieved")]
    [InlineData(5.0, 5.7, false, false, null, "not_achieved")]
    [InlineData(5.0, 5.7, false, true, 6.0, "not_achieved")]
    [InlineData(5.0, 5.7, false, true, 5.5, "at_risk")]
    [InlineData(3.0, 5.0, true, false, null, "achieved")]   // lower is better: 3 ≤ 5
    [InlineData(7.0, 5.0, true, true, 4.0, "not_achieved")]
    [InlineData(7.0, 5.0, true, true, 6.0, "at_risk")]
    [InlineData(70.0, 70.0, false, false, null, "achieved")]
    public void Status_follows_plan_fact_and_projection(double fact, double plan, bool lowerIsBetter, bool running, double? projected, string expected) =>
        Assert.Equal(expected, PlanFact.Status(fact, plan, lowerIsBetter, running, projected));

    [Fact]
    public void No_fact_is_not_achieved_after_the_year_and_at_risk_during_it()
    {
        Assert.Equal("not_achieved", PlanFact.Status(null, 10, false, false, null));
        Assert.Equal("at_risk", PlanFact.Status(null, 10, false, true, null));
    }

    [Fact]
    public void Projection_is_the_least_squares_line_at_the_years_last_period()
    {
        Assert.Equal(55, PlanFact.Project([(0, 40), (1, 45)], 3)!.Value, 9);
        Assert.Equal(100, PlanFact.Project([(0, 40), (1, 60)], 3)!.Value, 9);
        Assert.Equal(40, PlanFact.Project([(1, 40)], 3)!.Value, 9);
        Assert.Null(PlanFact.Project([], 3));
        Assert.Equal(7, PlanFact.Project([(0, 1), (1, 3), (2, 5)], 3)!.Value, 9);
    }
}
