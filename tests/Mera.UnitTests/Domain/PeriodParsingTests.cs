using Mera.Core.Domain;

namespace Mera.UnitTests.Domain;

public class PeriodParsingTests
{
    [Theory]
    [InlineData("2024", PeriodType.Year, 2024, 0, "2024")]
    [InlineData("2024Q3", PeriodType.Quarter, 2024, 3, "2024Q3")]
    [InlineData("2024q3", PeriodType.Quarter, 2024, 3, "2024Q3")]
    [InlineData("2024-09", PeriodType.Month, 2024, 9, "2024-09")]
    [InlineData("2024-9", PeriodType.Month, 2024, 9, "2024-09")]
    [InlineData("2024-W05", PeriodType.Week, 2024, 5, "2024-W05")]
    [InlineData("2024-w5", PeriodType.Week, 2024, 5, "2024-W05")]
    [InlineData("  2024-W05 ", PeriodType.Week, 2024, 5, "2024-W05")]
    [InlineData("2020-W53", PeriodType.Week, 2020, 53, "2020-W53")]
    public void Parse_AcceptsEveryKind_AndProducesCanonicalCode(
        string code, PeriodType type, int year, int number, string canonical)
    {
        var p = Period.Parse(code);

        Assert.Equal(new Period(type, year, number), p);
        Assert.Equal(canonical, p.Code);
        Assert.Equal(canonical, p.ToString());
    }

    [Theory]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("2024Q5")]
    [InlineData("2024Q0")]
    [InlineData("2024-W00")]
    [InlineData("2024-W54")]
    [InlineData("24-09")]
    [InlineData("2024/09")]
    [InlineData("2024-09-01")]
    [InlineData("сентябрь 2024")]
    [InlineData("2024 Q3")]
    [InlineData("２０２４")]
    public void TryParse_RejectsBadCodes_WithRussianMessage(string code)
    {
        Assert.False(Period.TryParse(code, out var p, out var error));
        Assert.Equal(default, p);
        Assert.NotNull(error);
        Assert.StartsWith("Неверный код периода \"", error);
    }

    [Fact]
    public void Parse_BadMonth_ThrowsFormatExceptionWithExactMessage()
    {
        var ex = Assert.Throws<FormatException>(() => Period.Parse("2024-13"));
        Assert.Equal("Неверный код периода \"2024-13\": ожидается 2024, 2024Q3, 2024-09 или 2024-W05", ex.Message);
    }

    [Fact]
    public void Parse_Week53InShortYear_ExplainsWhy()
    {
        Assert.False(Period.TryParse("2024-W53", out _, out var error));
        Assert.Equal("Неверный код периода \"2024-W53\": в 2024 ISO-году только 52 недели", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_Empty_Fails(string? code)
    {
        Assert.False(Period.TryParse(code, out _, out var error));
        Assert.StartsWith("Пустой код периода", error);
    }

    [Fact]
    public void Factories_ValidateNumbers()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.OfMonth(2024, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.OfQuarter(2024, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.OfWeek(2024, 53));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Period(PeriodType.Year, 2024, 1));
        Assert.Equal(53, Period.OfWeek(2020, 53).Number);
        Assert.Equal(53, Period.OfWeek(2026, 53).Number);
    }

    [Fact]
    public void PeriodTypeNames_RussianAndParse()
    {
        Assert.Equal("неделя", PeriodTypeNames.ToRussian(PeriodType.Week));
        Assert.Equal("месяц", PeriodTypeNames.ToRussian(PeriodType.Month));
        Assert.Equal("квартал", PeriodTypeNames.ToRussian(PeriodType.Quarter));
        Assert.Equal("год", PeriodTypeNames.ToRussian(PeriodType.Year));
        Assert.Equal(PeriodType.Week, PeriodTypeNames.Parse("week"));
        Assert.Equal(PeriodType.Month, PeriodTypeNames.Parse("month"));
        Assert.Equal(PeriodType.Quarter, PeriodTypeNames.Parse(" Quarter "));
        Assert.Equal(PeriodType.Year, PeriodTypeNames.Parse("YEAR"));
        Assert.Throws<FormatException>(() => PeriodTypeNames.Parse("day"));
        Assert.True(PeriodType.Week < PeriodType.Month && PeriodType.Quarter < PeriodType.Year);
    }
}
