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

    private static IndicatorResult Row(string status, double? value, int reported, int expected, double? projected = null, string unit = "%",
        bool overAll = false) =>
        new("m1", "Район", "municipality", "2026Q3", "3 квартал 2026 г.", "i", "Показатель", value, 100, value, unit, reported, expected, 50, status, "n", "d", "2020-01-01")
        {
            Projected = projected, OverAllOrganisations = overAll,
        };

    [Fact]
    public void A_status_for_a_document_carries_its_forecast_and_its_organisations()
    {
        Assert.Equal("Исполнен", PlanFact.Describe(Row("achieved", 60, 16, 16)));
        Assert.Equal("Идёт к исполнению; прогноз на конец года 61,5\u00a0%", PlanFact.Describe(Row("on_track", 60, 16, 16, 61.46)));
        Assert.Equal("Под риском неисполнения; прогноз на конец года 40,0\u00a0%; по 15 из 16 организаций", PlanFact.Describe(Row("at_risk", 30, 15, 16, 40)));
        Assert.Equal("Недостаточно данных: по 1 из 16 организаций", PlanFact.Describe(Row("insufficient_data", 30, 1, 16)));
        Assert.Equal("Нет данных", PlanFact.Describe(Row("no_data", null, 0, 16)));
        Assert.Equal("Пока не достигнуто; прогноз на конец года 3 511", PlanFact.Describe(Row("not_yet", 3376, 16, 16, 3510.6, "чел.")).Replace('\u00a0', ' '));
        Assert.Equal("Исполнен", PlanFact.Describe(Row("achieved", 17.6, 3, 17, overAll: true)));   // a share of all organisations is complete
        Assert.Equal("Не исполнен", PlanFact.Describe(Row("not_achieved", 30, 16, 16, 80)));        // no forecast after the year
    }

    [Fact]
    public void Judged_and_lagging_statuses()
    {
        Assert.All(new[] { "achieved", "not_achieved", "on_track", "not_yet", "at_risk" }, s => Assert.True(PlanFact.IsJudged(s)));
        Assert.All(new[] { "no_data", "insufficient_data", "no_target" }, s => Assert.False(PlanFact.IsJudged(s)));
        Assert.All(new[] { "not_achieved", "at_risk", "not_yet" }, s => Assert.True(PlanFact.IsLagging(s)));
        Assert.All(new[] { "achieved", "on_track", "no_data", "insufficient_data", "no_target" }, s => Assert.False(PlanFact.IsLagging(s)));
        Assert.Equal("План не установлен", PlanFact.ToRussian("no_target"));
        Assert.Equal("Исполнен", PlanFact.ToRussian("achieved"));
        Assert.Equal("Не исполнен", PlanFact.ToRussian("not_achieved"));
        Assert.Equal(8, PlanFact.All.Distinct().Count());
    }

    [Theory]
    [InlineData(0, 0, 100, true)]     // nothing expected: nothing missing
    [InlineData(16, 16, 100, true)]
    [InlineData(15, 16, 100, false)]
    [InlineData(8, 10, 80, true)]
    [InlineData(7, 10, 80, false)]
    public void Completeness_against_the_threshold(int reported, int expected, double threshold, bool enough)
    {
        Assert.Equal(enough, Completeness.Enough(reported, expected, threshold));
    }

    [Fact]
    public void The_partial_flag_follows_the_organisations()
    {
        Assert.True(Row("insufficient_data", 30, 1, 16).IsPartial);
        Assert.False(Row("achieved", 30, 16, 16).IsPartial);
        Assert.False(Row("no_data", null, 0, 16).IsPartial);
        Assert.False(Row("achieved", 17.6, 3, 17, overAll: true).IsPartial);
        Assert.Equal("Исполнен", Row("achieved", 30, 16, 16).StatusName);
        Assert.Equal(PlanFact.Describe(Row("achieved", 30, 16, 16)), Row("achieved", 30, 16, 16).StatusText);
        Assert.Equal(100, Completeness.DefaultPercent);
    }
}
