using System.Globalization;
using Mera.Core.Domain;

namespace Mera.UnitTests.Domain;

public class PeriodCalendarTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static DateOnly Iso(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2024", "2024-01-01", "2024-12-31", "2024-01-01")]
    [InlineData("2024Q1", "2024-01-01", "2024-03-31", "2024-01-01")]
    [InlineData("2024Q3", "2024-07-01", "2024-09-30", "2024-07-01")]
    [InlineData("2024Q4", "2024-10-01", "2024-12-31", "2024-10-01")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", "2024-02-01")]
    [InlineData("2023-02", "2023-02-01", "2023-02-28", "2023-02-01")]
    [InlineData("2024-09", "2024-09-01", "2024-09-30", "2024-09-01")]
    [InlineData("2024-W05", "2024-01-29", "2024-02-04", "2024-02-01")]
    [InlineData("2024-W01", "2024-01-01", "2024-01-07", "2024-01-04")]
    [InlineData("2025-W01", "2024-12-30", "2025-01-05", "2025-01-02")]
    [InlineData("2020-W53", "2020-12-28", "2021-01-03", "2020-12-31")]
    [InlineData("2021-W01", "2021-01-04", "2021-01-10", "2021-01-07")]
    public void StartEndAnchor(string code, string start, string end, string anchor)
    {
        var p = Period.Parse(code);

        Assert.Equal(Iso(start), p.Start);
        Assert.Equal(Iso(end), p.End);
        Assert.Equal(Iso(anchor), p.Anchor);
    }

    [Fact]
    public void Weeks_RunMondayToSunday()
    {
        var w = Period.OfWeek(2024, 37);
        Assert.Equal(DayOfWeek.Monday, w.Start.DayOfWeek);
        Assert.Equal(DayOfWeek.Sunday, w.End.DayOfWeek);
        Assert.Equal(DayOfWeek.Thursday, w.Anchor.DayOfWeek);
    }

    [Theory]
    [InlineData("2024-12-30", "2025-W01")]
    [InlineData("2025-01-05", "2025-W01")]
    [InlineData("2024-12-29", "2024-W52")]
    [InlineData("2021-01-03", "2020-W53")]
    [InlineData("2021-01-04", "2021-W01")]
    [InlineData("2024-02-04", "2024-W05")]
    public void Containing_Week_UsesIsoWeekYear(string date, string expected)
    {
        Assert.Equal(Period.Parse(expected), Period.Containing(Iso(date), PeriodType.Week));
    }

    [Fact]
    public void Containing_OtherTypes()
    {
        var date = D(2024, 12, 30);
        Assert.Equal(Period.OfMonth(2024, 12), Period.Containing(date, PeriodType.Month));
        Assert.Equal(Period.OfQuarter(2024, 4), Period.Containing(date, PeriodType.Quarter));
        Assert.Equal(Period.OfYear(2024), Period.Containing(date, PeriodType.Year));
        Assert.Equal(Period.OfQuarter(2024, 1), Period.Containing(D(2024, 3, 31), PeriodType.Quarter));
        Assert.Equal(Period.OfQuarter(2024, 2), Period.Containing(D(2024, 4, 1), PeriodType.Quarter));
    }

    [Theory]
    [InlineData("2024-W52", "2025-W01")]
    [InlineData("2020-W52", "2020-W53")]
    [InlineData("2020-W53", "2021-W01")]
    [InlineData("2024-12", "2025-01")]
    [InlineData("2024Q4", "2025Q1")]
    [InlineData("2024", "2025")]
    [InlineData("2024-W05", "2024-W06")]
    public void NextAndPrevious_CrossYears(string code, string next)
    {
        var p = Period.Parse(code);
        var n = Period.Parse(next);

        Assert.Equal(n, p.Next());
        Assert.Equal(p, n.Previous());
    }

    [Fact]
    public void CompareTo_OrdersByTypeThenStart()
    {
        var list = new[]
        {
            Period.Parse("2024"), Period.Parse("2024-02"), Period.Parse("2025-W01"),
            Period.Parse("2024-01"), Period.Parse("2024-W52"), Period.Parse("2023Q4"),
        };
        var sorted = list.Order().Select(p => p.Code).ToArray();

        Assert.Equal(["2024-W52", "2025-W01", "2024-01", "2024-02", "2023Q4", "2024"], sorted);
        Assert.True(Period.Parse("2020-W53").CompareTo(Period.Parse("2021-W01")) < 0);
        Assert.Equal(0, Period.Parse("2024Q1").CompareTo(Period.OfQuarter(2024, 1)));
    }
}
