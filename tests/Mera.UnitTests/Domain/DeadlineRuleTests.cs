using Mera.Core.Domain;

namespace Mera.UnitTests.Domain;

public class DeadlineRuleTests
{
    [Theory]
    [InlineData("last-month:20", "2024Q3", 2024, 9, 20)]
    [InlineData("last-month:30", "2024-02", 2024, 2, 29)]   // clamped, leap year
    [InlineData("last-month:31", "2023-02", 2023, 2, 28)]   // clamped, common year
    [InlineData("last-month:31", "2024Q2", 2024, 6, 30)]
    [InlineData("last-month:05", "2024-W05", 2024, 2, 5)]   // week ends 04.02 → February
    [InlineData("next-month:01", "2024Q4", 2025, 1, 1)]
    [InlineData("next-month:10", "2024-09", 2024, 10, 10)]
    [InlineData("next-month:31", "2024-01", 2024, 2, 29)]   // clamped
    [InlineData("next-month:05", "2025-W01", 2025, 2, 5)]   // week ends 05.01.2025
    [InlineData("next-month:05", "2024-W05", 2024, 3, 5)]   // Thursday in Feb, Sunday 04.02 → next is March
    [InlineData("end+2d", "2024-W05", 2024, 2, 6)]
    [InlineData("end+0d", "2024-09", 2024, 9, 30)]
    [InlineData("end+15d", "2024", 2025, 1, 15)]
    [InlineData("next-month:01@09", "2024", 2024, 10, 1)]
    [InlineData("last-month:30@11", "2024", 2024, 11, 30)]
    [InlineData("last-month:20@12", "2024", 2024, 12, 20)]
    [InlineData("next-month:15@12", "2024", 2025, 1, 15)]
    [InlineData("last-month:29@02", "2023", 2023, 2, 28)]  // 29.02 clamped in a common year
    public void DeadlineOf_EveryRule(string rule, string period, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), DeadlineRule.Parse(rule).DeadlineOf(Period.Parse(period)));
    }

    [Theory]
    [InlineData("last-month:20", "last-month:20", "до 20 числа последнего месяца периода")]
    [InlineData(" LAST-MONTH:5 ", "last-month:05", "до 05 числа последнего месяца периода")]
    [InlineData("next-month:01", "next-month:01", "до 01 числа следующего месяца")]
    [InlineData("end+2d", "end+2d", "через 2 дн. после окончания периода")]
    [InlineData("end+0d", "end+0d", "в день окончания периода")]
    [InlineData("next-month:01@09", "next-month:01@09", "до 01.10")]
    [InlineData("next-month:1@9", "next-month:01@09", "до 01.10")]
    [InlineData("last-month:30@11", "last-month:30@11", "до 30.11")]
    [InlineData("last-month:20@12", "last-month:20@12", "до 20.12")]
    [InlineData("next-month:15@12", "next-month:15@12", "до 15.01")]
    public void Parse_TextAndDisplayRu(string input, string text, string display)
    {
        var rule = DeadlineRule.Parse(input);

        Assert.Equal(text, rule.Text);
        Assert.Equal(text, rule.ToString());
        Assert.Equal(display, rule.DisplayRu);
        Assert.Equal(rule, DeadlineRule.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("last-month")]
    [InlineData("last-month:")]
    [InlineData("last-month:00")]
    [InlineData("last-month:32")]
    [InlineData("next-month:01@13")]
    [InlineData("next-month:01@00")]
    [InlineData("last-month:31@11")]
    [InlineData("next-month:30@01")]
    [InlineData("end-2d")]
    [InlineData("end+2")]
    [InlineData("end+d")]
    [InlineData("end+2d@09")]
    [InlineData("20 числа")]
    public void Parse_BadText_ThrowsRussianFormatException(string text)
    {
        var ex = Assert.Throws<FormatException>(() => DeadlineRule.Parse(text));
        Assert.StartsWith("Неверное правило срока", ex.Message);
    }
}
