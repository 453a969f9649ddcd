using CsCheck;
using Mera.Core.Domain;

namespace Mera.UnitTests.Domain;

/// <summary>Periods and deadlines as properties: containment holds both ways, every day of a leap year has a due date.</summary>
public sealed class PeriodProperties
{
    private static readonly Gen<PeriodType> Types = Gen.Int[1, 4].Select(i => (PeriodType)i);

    [Fact]
    public void A_period_contains_its_day_and_lies_inside_each_longer_period_both_ways() =>
        Gen.Select(Gen.DateOnly[new DateOnly(2000, 1, 1), new DateOnly(2099, 12, 31)], Types, (day, type) => (day, type)).Sample(x =>
        {
            var period = Period.Containing(x.day, x.type);
            Assert.InRange(x.day, period.Start, period.End);
            Assert.Equal(period, Period.Parse(period.Code));
            foreach (var longer in Enum.GetValues<PeriodType>().Where(t => t > x.type && t <= PeriodType.Year))
            {
                var container = period.ContainerOf(longer);
                Assert.True(container.Contains(period), $"{container} ∌ {period}");
                Assert.Contains(period, container.Inside(x.type));
            }
            Assert.Equal(period, period.Next().Previous());
        });

    [Theory]
    [InlineData("last-month:20")]
    [InlineData("next-month:01")]
    [InlineData("last-month:31")]
    [InlineData("end+10d")]
    public void Every_day_of_a_leap_year_has_a_deadline_in_the_right_month(string text)
    {
        var rule = DeadlineRule.Parse(text);
        for (var day = new DateOnly(2028, 1, 1); day.Year == 2028; day = day.AddDays(1))
        {
            foreach (var type in new[] { PeriodType.Month, PeriodType.Quarter, PeriodType.Year })
            {
                var period = Period.Containing(day, type);
                var due = rule.DeadlineOf(period);
                var lastMonth = new DateOnly(period.End.Year, period.End.Month, 1);
                var expected = text switch
                {
                    "last-month:20" => lastMonth.AddDays(19),
                    "next-month:01" => period.End.AddDays(1),
                    "last-month:31" => period.End, // clamped: 29.02.2028, 30.04 …
                    _ => period.End.AddDays(10),
                };
                Assert.Equal(expected, due);
            }
        }
    }
}
