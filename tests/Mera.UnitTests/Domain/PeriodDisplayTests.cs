using Mera.Core.Domain;

namespace Mera.UnitTests.Domain;

public class PeriodDisplayTests
{
    [Theory]
    [InlineData("2024", "2024 год")]
    [InlineData("2024Q3", "3 квартал 2024 г.")]
    [InlineData("2024Q1", "1 квартал 2024 г.")]
    [InlineData("2024-W05", "неделя 05 (29.01–04.02.2024)")]
    [InlineData("2025-W01", "неделя 01 (30.12.2024–05.01.2025)")]
    [InlineData("2020-W53", "неделя 53 (28.12.2020–03.01.2021)")]
    [InlineData("2024-W37", "неделя 37 (09.09–15.09.2024)")]
    public void DisplayRu_YearQuarterWeek(string code, string expected)
    {
        Assert.Equal(expected, Period.Parse(code).DisplayRu);
    }

    [Theory]
    [InlineData(1, "январь 2024 г.")]
    [InlineData(2, "февраль 2024 г.")]
    [InlineData(3, "март 2024 г.")]
    [InlineData(4, "апрель 2024 г.")]
    [InlineData(5, "май 2024 г.")]
    [InlineData(6, "июнь 2024 г.")]
    [InlineData(7, "июль 2024 г.")]
    [InlineData(8, "август 2024 г.")]
    [InlineData(9, "сентябрь 2024 г.")]
    [InlineData(10, "октябрь 2024 г.")]
    [InlineData(11, "ноябрь 2024 г.")]
    [InlineData(12, "декабрь 2024 г.")]
    public void DisplayRu_AllMonthsNominativeLowerCase(int month, string expected)
    {
        Assert.Equal(expected, Period.OfMonth(2024, month).DisplayRu);
    }
}
