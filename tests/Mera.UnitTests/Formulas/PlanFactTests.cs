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

public class WorkStatusTests
{
    private static string On(string deadline, string asOf, string? start = null, string? reported = null) =>
        Mera.Core.Domain.WorkStatus.Of(start is null ? null : DateOnly.Parse(start), Mera.Core.Domain.Schedule.Parse(deadline),
            reported is null ? null : DateOnly.Parse(reported), DateOnly.Parse(asOf));

    [Theory]
    [InlineData("31.12.2019", "2019-06-01", "2019-01-01", null, "in_progress")]
    [InlineData("31.12.2019", "2018-12-01", "2019-01-01", null, "planned")]
    [InlineData("31.12.2019", "2020-01-10", "2019-01-01", null, "overdue")]
    [InlineData("31.12.2019", "2020-01-10", "2019-01-01", "2019-12-20", "done")]
    [InlineData("11.02.2019", "2019-02-11", null, null, "in_progress")]                  // the deadline day itself is still on time
    [InlineData("31.12.2020 далее ежегодно", "2021-06-01", null, "2020-12-15", "in_progress")]
    [InlineData("31.12.2020 далее ежегодно", "2021-06-01", null, null, "overdue")]
    [InlineData("31.12.2020 далее ежегодно", "2022-03-01", null, "2021-12-30", "in_progress")]
    [InlineData("31.12.2020 далее ежегодно", "2022-03-01", null, "2022-02-01", "done")]
    [InlineData("ежемесячно до 25 числа", "2025-03-10", "2024-12-20", "2025-02-24", "in_progress")]
    [InlineData("ежемесячно до 25 числа", "2025-03-10", "2024-12-20", "2025-01-20", "overdue")]
    [InlineData("ежемесячно до 25 числа", "2025-03-26", "2024-12-20", "2025-03-25", "in_progress")]
    [InlineData("ежемесячно до 25 числа", "2025-03-24", "2024-12-20", "2025-03-20", "done")]
    [InlineData("ежемесячно до 25 числа", "2024-12-22", "2024-12-20", null, "in_progress")]
    [InlineData("ежемесячно до 25 числа", "2025-01-10", "2024-12-20", null, "overdue")]
    [InlineData("до 01.02.2025, далее постоянно", "2025-03-01", "2024-12-20", null, "overdue")]
    [InlineData("до 01.02.2025, далее постоянно", "2025-03-01", "2024-12-20", "2025-01-30", "in_progress")]
    public void Roadmap_and_decision_items_by_their_dates(string deadline, string asOf, string? start, string? reported, string expected) =>
        Assert.Equal(expected, On(deadline, asOf, start, reported));
}
