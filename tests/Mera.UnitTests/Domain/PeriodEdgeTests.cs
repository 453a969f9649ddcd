using Mera.Core.Domain;

namespace Mera.UnitTests.Domain;

public sealed class PeriodEdgeTests
{
    [Fact]
    public void A_period_does_not_contain_one_as_long_or_longer()
    {
        var q3 = Period.OfQuarter(2026, 3);
        Assert.True(q3.Contains(q3));                       // the same period, by definition
        Assert.False(q3.Contains(Period.OfQuarter(2026, 4)));
        Assert.False(q3.Contains(Period.OfYear(2026)));
        Assert.True(q3.Contains(Period.OfMonth(2026, 9)));
        Assert.False(q3.Contains(Period.OfMonth(2026, 10)));
        Assert.Equal(q3, q3.ContainerOf(PeriodType.Quarter));
        Assert.Equal([q3], q3.Inside(PeriodType.Quarter));
        Assert.Equal(3, q3.Inside(PeriodType.Month).Count());
        Assert.Equal(13, q3.Inside(PeriodType.Week).Count());   // 2026Q3: weeks 27–39 by their Thursdays
    }

    [Fact]
    public void Going_the_wrong_way_is_refused_with_a_russian_message()
    {
        var month = Period.OfMonth(2026, 9);
        Assert.Contains("короче", Assert.Throws<ArgumentException>(() => month.ContainerOf(PeriodType.Week)).Message);
        Assert.Contains("длиннее", Assert.Throws<ArgumentException>(() => month.Inside(PeriodType.Year).ToList()).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9999)]
    public void A_year_the_calendar_cannot_hold_is_refused(int year) =>
        Assert.Contains($"год {year} вне диапазона 1–9998", Assert.ThrowsAny<ArgumentException>(() => Period.OfYear(year)).Message);

    [Theory]
    [InlineData("1899", false)]
    [InlineData("1900", true)]
    [InlineData("2999Q4", true)]
    [InlineData("3000", false)]
    public void Typed_periods_lie_in_1900_2999(string text, bool ok) =>
        Assert.Equal(ok, Period.TryParse(text, out _, out _));

    [Fact]
    public void Numbers_out_of_range_name_the_problem()
    {
        Assert.Contains("квартал 5 вне диапазона 1–4", Assert.ThrowsAny<ArgumentException>(() => Period.OfQuarter(2026, 5)).Message);
        Assert.Contains("месяц 13 вне диапазона 1–12", Assert.ThrowsAny<ArgumentException>(() => Period.OfMonth(2026, 13)).Message);
        Assert.Contains("неделя 54 вне диапазона 1–53", Assert.ThrowsAny<ArgumentException>(() => Period.OfWeek(2026, 54)).Message);
        Assert.Contains("неделя 53 вне диапазона 1–52", Assert.ThrowsAny<ArgumentException>(() => Period.OfWeek(2027, 53)).Message);
        Assert.Contains("номер годового периода должен быть 0", Assert.ThrowsAny<ArgumentException>(() => new Period(PeriodType.Year, 2026, 1)).Message);
    }
}
