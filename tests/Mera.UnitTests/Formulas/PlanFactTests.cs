using Mera.Core.Engine;

namespace Mera.UnitTests.Formulas;

/// <summary>ADR 0022: judging words only after the year, data completeness before any judgement.</summary>
public sealed class PlanFactTests
{
    [Theory]
    [InlineData(17.6, 5.7, false, false, null, "achieved")]
    [InlineData(5.0, 5.7, false, false, null, "not_achieved")]
    [InlineData(17.6, 5.7, false, true, null, "on_track")]   // met, but the year runs: not «Исполнен» yet
    [InlineData(5.0, 5.7, false, true, 6.0, "not_yet")]      // below, the trend reaches the plan
    [InlineData(5.0, 5.7, false, true, null, "not_yet")]     // below, no trend yet (one point)
    [InlineData(5.0, 5.7, false, true, 5.5, "at_risk")]
    [InlineData(3.0, 5.0, true, false, null, "achieved")]   // lower is better: 3 ≤ 5
    [InlineData(7.0, 5.0, true, true, 4.0, "not_yet")]
    [InlineData(7.0, 5.0, true, true, 6.0, "at_risk")]
    [InlineData(70.0, 70.0, false, false, null, "achieved")]
    public void Status_follows_plan_fact_and_projection(double fact, double plan, bool lowerIsBetter, bool running, double? projected, string expected)
    {
        Assert.Equal(expected, PlanFact.Status(fact, plan, lowerIsBetter, running, projected));
    }

    [Fact]
    public void No_fact_is_no_data_never_a_judgement()
    {
        Assert.Equal("no_data", PlanFact.Status(null, 10, false, false, null));
        Assert.Equal("no_data", PlanFact.Status(null, 10, false, true, null));
        Assert.Equal("no_data", PlanFact.Status(0, 10, false, false, null, reported: 0, expected: 20, thresholdPercent: 100));
    }

    [Theory]
    [InlineData(1, 16, 100, "insufficient_data")]
    [InlineData(15, 16, 100, "insufficient_data")]
    [InlineData(16, 16, 100, "not_achieved")]
    [InlineData(15, 16, 90, "not_achieved")]   // 93,75 % ≥ 90 %
    [InlineData(14, 16, 90, "insufficient_data")]
    public void A_judgement_needs_the_threshold_of_reporting_organisations(int reported, int expected, double threshold, string status)
    {
        Assert.Equal(status, PlanFact.Status(380, 3300, false, false, null, reported, expected, threshold));
    }

    [Fact]
    public void Words_judge_only_after_the_year()
    {
        Assert.Equal("Идёт к исполнению", PlanFact.ToRussian("on_track"));
        Assert.Equal("Пока не достигнуто", PlanFact.ToRussian("not_yet"));
        Assert.Equal("Под риском неисполнения", PlanFact.ToRussian("at_risk"));
        Assert.Equal("Недостаточно данных", PlanFact.ToRussian("insufficient_data"));
        Assert.Equal("Нет данных", PlanFact.ToRussian("no_data"));
        Assert.True(PlanFact.IsLagging("not_yet"));
        Assert.False(PlanFact.IsLagging("insufficient_data"));
    }

    [Fact]
    public void A_partial_value_is_named_with_its_organisations()
    {
        Assert.Equal("по 1 из 16 организаций", Completeness.Phrase(1, 16));
        Assert.Equal("по 20 из 21 организации", Completeness.Phrase(20, 21));
    }

    [Fact]
    public void Projection_is_the_least_squares_line_at_the_years_last_period()
    {
        Assert.Equal(55, PlanFact.Project([(0, 40), (1, 45)], 3)!.Value, 9);
        Assert.Equal(100, PlanFact.Project([(0, 40), (1, 60)], 3)!.Value, 9);
        Assert.Null(PlanFact.Project([(1, 40)], 3));   // one point is no trend
        Assert.Null(PlanFact.Project([], 3));
        Assert.Equal(7, PlanFact.Project([(0, 1), (1, 3), (2, 5)], 3)!.Value, 9);
    }
}
