using Mera.Core.Domain;

namespace Mera.UnitTests.Domain;

public class PeriodContainmentTests
{
    private static Period P(string code) => Period.Parse(code);

    [Fact]
    public void NewYearWeek_BelongsToJanuaryAndFirstQuarterOfNextYear()
    {
        var w = P("2025-W01");

        Assert.True(P("2025-01").Contains(w));
        Assert.True(P("2025Q1").Contains(w));
        Assert.True(P("2025").Contains(w));
        Assert.False(P("2024-12").Contains(w));
        Assert.False(P("2024Q4").Contains(w));
        Assert.False(P("2024").Contains(w));
        Assert.Equal(P("2025-01"), w.ContainerOf(PeriodType.Month));
        Assert.Equal(P("2025Q1"), w.ContainerOf(PeriodType.Quarter));
    }

    [Fact]
    public void Week53_BelongsToItsIsoYear()
    {
        var w = P("2020-W53");
        Assert.Equal([P("2020-12"), P("2020Q4"), P("2020")], w.Containers());
    }

    [Fact]
    public void Quarter_ContainsItsMonths_AndWeeksByThursday()
    {
        var q = P("2024Q1");

        Assert.True(q.Contains(P("2024-01")));
        Assert.True(q.Contains(P("2024-03")));
        Assert.False(q.Contains(P("2024-04")));
        Assert.True(q.Contains(P("2024-W13")));   // 25.03–31.03
        Assert.False(q.Contains(P("2024-W14")));  // 01.04–07.04
        Assert.True(P("2024Q2").Contains(P("2024-W14")));
        // 2024-W44 is 28.10–03.11 with Thursday 31.10: October and Q4 though it ends in November.
        Assert.True(P("2024Q4").Contains(P("2024-W44")));
        Assert.True(P("2024-10").Contains(P("2024-W44")));
        Assert.False(P("2024-11").Contains(P("2024-W44")));
    }

    [Fact]
    public void Month_DoesNotContainWeekWhoseThursdayIsInNextMonth()
    {
        // 2024-W05 = 29.01–04.02, Thursday 01.02.
        Assert.False(P("2024-01").Contains(P("2024-W05")));
        Assert.True(P("2024-02").Contains(P("2024-W05")));
        Assert.Equal(P("2024-02"), P("2024-W05").ContainerOf(PeriodType.Month));
    }

    [Fact]
    public void Year_ContainsQuarters_AndSelf_ButNotLongerOrOtherYears()
    {
        var y = P("2024");
        Assert.True(y.Contains(P("2024Q1")));
        Assert.True(y.Contains(P("2024Q4")));
        Assert.False(y.Contains(P("2025Q1")));
        Assert.True(y.Contains(y));
        Assert.False(y.Contains(P("2025")));
    }

    [Fact]
    public void ShorterPeriod_NeverContainsLonger()
    {
        Assert.False(P("2024-W05").Contains(P("2024-02")));
        Assert.False(P("2024-01").Contains(P("2024Q1")));
        Assert.False(P("2024Q1").Contains(P("2024")));
        Assert.False(P("2024-W05").Contains(P("2024-W06")));
    }

    [Fact]
    public void ContainerOf_SameTypeIsSelf_ShorterThrows()
    {
        Assert.Equal(P("2024-09"), P("2024-09").ContainerOf(PeriodType.Month));
        Assert.Equal(P("2024Q3"), P("2024-09").ContainerOf(PeriodType.Quarter));
        Assert.Equal(P("2024"), P("2024Q3").ContainerOf(PeriodType.Year));
        Assert.Throws<ArgumentException>(() => P("2024Q3").ContainerOf(PeriodType.Month));
    }

    [Fact]
    public void Containers_ListsAllLongerPeriods()
    {
        Assert.Equal([P("2024-02"), P("2024Q1"), P("2024")], P("2024-W05").Containers());
        Assert.Equal([P("2024Q3"), P("2024")], P("2024-09").Containers());
        Assert.Equal([P("2024")], P("2024Q3").Containers());
        Assert.Empty(P("2024").Containers());
    }

    [Theory]
    [InlineData("2024", PeriodType.Week, 52, "2024-W01", "2024-W52")]
    [InlineData("2020", PeriodType.Week, 53, "2020-W01", "2020-W53")]
    [InlineData("2025", PeriodType.Week, 52, "2025-W01", "2025-W52")]
    [InlineData("2024Q1", PeriodType.Week, 13, "2024-W01", "2024-W13")]
    [InlineData("2024Q1", PeriodType.Month, 3, "2024-01", "2024-03")]
    [InlineData("2024", PeriodType.Quarter, 4, "2024Q1", "2024Q4")]
    [InlineData("2024", PeriodType.Month, 12, "2024-01", "2024-12")]
    [InlineData("2024-01", PeriodType.Week, 4, "2024-W01", "2024-W04")]
    [InlineData("2025-01", PeriodType.Week, 5, "2025-W01", "2025-W05")]
    [InlineData("2024-09", PeriodType.Month, 1, "2024-09", "2024-09")]
    public void Inside_CountsByAnchorRule(string outer, PeriodType type, int count, string first, string last)
    {
        var inner = P(outer).Inside(type).ToList();

        Assert.Equal(count, inner.Count);
        Assert.Equal(P(first), inner[0]);
        Assert.Equal(P(last), inner[^1]);
        Assert.All(inner, p => Assert.True(P(outer).Contains(p)));
        Assert.Equal(inner.Order().ToList(), inner);
    }

    [Fact]
    public void Inside_LongerType_Throws()
    {
        Assert.Throws<ArgumentException>(() => P("2024-09").Inside(PeriodType.Year));
    }

    [Fact]
    public void EveryWeekOfAYear_IsInExactlyOneMonth()
    {
        var months = P("2024").Inside(PeriodType.Month).ToList();
        foreach (var week in P("2024").Inside(PeriodType.Week))
            Assert.Single(months, m => m.Contains(week));
    }
}
