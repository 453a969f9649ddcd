using Mera.Core.Domain;

namespace Mera.UnitTests.Domain;

/// <summary>Issue 21: a period typed by a person on a page, in the words people use, or refused with examples.</summary>
public sealed class PeriodInputTests
{
    [Theory]
    [InlineData("2026Q3", "2026Q3")]
    [InlineData("3 квартал 2026 г.", "2026Q3")]
    [InlineData("3 кв. 2026", "2026Q3")]
    [InlineData("III квартал 2026", "2026Q3")]
    [InlineData("iv квартал 2025 года", "2025Q4")]
    [InlineData("2026-Q3", "2026Q3")]
    [InlineData("2026 q1", "2026Q1")]
    [InlineData("3-й квартал 2026", "2026Q3")]
    [InlineData("сентябрь 2026", "2026-09")]
    [InlineData("Сентября 2026 года", "2026-09")]
    [InlineData("май 2026", "2026-05")]
    [InlineData("сент. 2026", "2026-09")]
    [InlineData("2026 год", "2026")]
    [InlineData("2026 г.", "2026")]
    [InlineData("41 неделя 2026", "2026-W41")]
    [InlineData("2026-W41", "2026-W41")]
    public void Typed_periods_are_read_as_people_write_them(string typed, string code)
    {
        Assert.True(PeriodInput.TryParse(typed, out var period, out var error), error);
        Assert.Equal(code, period.Code);
    }

    [Theory]
    [InlineData("5 квартал 2026")]
    [InlineData("мартобрь 2026")]
    [InlineData("машина 2026")]
    [InlineData("квартал")]
    public void What_cannot_be_read_is_an_error_with_examples(string typed)
    {
        Assert.False(PeriodInput.TryParse(typed, out _, out var error));
        Assert.Equal($"период «{typed}» не распознан: напишите, например, «3 квартал 2026», «сентябрь 2026», «2026 год» или «41 неделя 2026»", error);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("0001Q1")]
    [InlineData("1 квартал 0001")]
    [InlineData("9999 год")]
    public void A_code_out_of_range_gets_its_own_reason(string typed)
    {
        Assert.False(PeriodInput.TryParse(typed, out _, out var error));
        Assert.StartsWith($"период «{typed}»: ", error);
        Assert.DoesNotContain("напишите, например", error);
    }

    [Fact]
    public void Nothing_typed_keeps_the_default_and_a_bad_period_says_so()
    {
        var fallback = Period.OfQuarter(2026, 3);
        Assert.Equal(fallback, PeriodInput.Resolve("  ", fallback, out var none));
        Assert.Null(none);
        Assert.Equal(fallback, PeriodInput.Resolve("3 квартала", fallback, out var bad));
        Assert.NotNull(bad);
    }
}
