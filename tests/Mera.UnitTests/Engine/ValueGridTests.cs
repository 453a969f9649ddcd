using Mera.Core.Domain;
using Mera.Core.Engine;

namespace Mera.UnitTests.Engine;

/// <summary>The time rules: inside a period values combine by the element's aggregation; a longer period's value
/// applies inside it when nothing finer exists (the shortest one wins); `ever` looks back across earlier years.</summary>
public sealed class ValueGridTests
{
    private static readonly Period Q3 = Period.OfQuarter(2026, 3);

    private static double? One(TimeAggregation aggregation, Period period, params (Period At, double Value)[] values)
    {
        var grid = new ValueGrid(1, [aggregation], period);
        foreach (var (at, value) in values)
        {
            grid.Add(0, 0, at.Type, at.Anchor.DayNumber, value);
        }
        var buffer = new double?[1];
        grid.Fill(0, buffer);
        Assert.Equal(buffer[0] is not null, grid.Has(0, 0));
        return buffer[0];
    }

    [Fact]
    public void Last_takes_the_latest_period_inside() =>
        Assert.Equal(30, One(TimeAggregation.Last, Q3, (Period.OfMonth(2026, 9), 30), (Period.OfMonth(2026, 7), 10), (Period.OfMonth(2026, 8), 20)));

    [Fact]
    public void Last_on_the_same_day_prefers_the_finer_report()
    {
        // 2026-W27 has its Thursday on 02.07; the month 2026-07 is anchored on 01.07 — the week is later.
        Assert.Equal(7, One(TimeAggregation.Last, Q3, (Period.OfMonth(2026, 7), 70), (Period.OfWeek(2026, 27), 7)));
        Assert.Equal(7, One(TimeAggregation.Last, Q3, (Period.OfWeek(2026, 27), 7), (Period.OfMonth(2026, 7), 70)));
    }

    [Fact]
    public void Sum_adds_every_period_inside() =>
        Assert.Equal(60, One(TimeAggregation.Sum, Q3, (Period.OfMonth(2026, 7), 10), (Period.OfMonth(2026, 8), 20), (Period.OfMonth(2026, 9), 30)));

    [Fact]
    public void Values_outside_the_period_are_ignored()
    {
        Assert.Null(One(TimeAggregation.Last, Q3, (Period.OfMonth(2026, 6), 10), (Period.OfMonth(2026, 10), 20), (Period.OfQuarter(2026, 2), 5)));
        Assert.Null(One(TimeAggregation.Sum, Q3, (Period.OfYear(2025), 10)));
    }

    [Fact]
    public void A_longer_period_applies_inside_it_and_the_shortest_wins()
    {
        Assert.Equal(100, One(TimeAggregation.Last, Q3, (Period.OfYear(2026), 100)));
        Assert.Equal(100, One(TimeAggregation.Last, Period.OfMonth(2026, 8), (Period.OfYear(2026), 100)));
        Assert.Equal(40, One(TimeAggregation.Last, Period.OfMonth(2026, 8), (Period.OfYear(2026), 100), (Period.OfQuarter(2026, 3), 40)));
        Assert.Equal(40, One(TimeAggregation.Last, Period.OfMonth(2026, 8), (Period.OfQuarter(2026, 3), 40), (Period.OfYear(2026), 100)));
        // Anything inside beats a container.
        Assert.Equal(5, One(TimeAggregation.Last, Q3, (Period.OfMonth(2026, 8), 5), (Period.OfYear(2026), 100)));
        Assert.Equal(5, One(TimeAggregation.Last, Q3, (Period.OfYear(2026), 100), (Period.OfMonth(2026, 8), 5)));
    }

    [Fact]
    public void Ever_looks_back_and_keeps_the_largest()
    {
        Assert.Equal(1, One(TimeAggregation.Ever, Period.OfYear(2024), (Period.OfYear(2021), 1)));
        Assert.Equal(1, One(TimeAggregation.Ever, Period.OfYear(2024), (Period.OfYear(2021), 1), (Period.OfYear(2023), 0)));
        Assert.Null(One(TimeAggregation.Ever, Period.OfYear(2024), (Period.OfYear(2025), 1)));
        Assert.Equal(1, One(TimeAggregation.Ever, Q3, (Period.OfYear(2026), 1)));   // the containing year counts
        Assert.Equal(0, One(TimeAggregation.Ever, Q3, (Period.OfMonth(2026, 7), 0)));
    }
}
