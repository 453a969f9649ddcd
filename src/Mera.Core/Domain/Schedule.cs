using System.Globalization;
using System.Text.RegularExpressions;

namespace Mera.Core.Domain;

public enum Repeat { None, Yearly, Quarterly, Monthly, Continuous }

/// <summary>
/// A deadline as the seeds write it: «31.12.2020», «до 28.02.2025», «31.12.2020 далее ежегодно», «ежемесячно до 25
/// числа», «до 01.02.2025, далее постоянно». Gives the deadline that matters on a given day.
/// </summary>
public sealed partial record Schedule(DateOnly? Date, Repeat Repeat, int Day, string Text)
{
    public static Schedule Parse(string? text)
    {
        var t = (text ?? "").Trim();
        var lower = t.ToLowerInvariant();
        DateOnly? date = DateRegex().Match(t) is { Success: true } m
            && DateOnly.TryParseExact(m.Value, ["dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var day = DayRegex().Match(lower) is { Success: true } dm ? int.Parse(dm.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var repeat = lower.Contains("ежемесячно") ? Repeat.Monthly
            : lower.Contains("ежекварталь") ? Repeat.Quarterly
            : lower.Contains("ежегодно") ? Repeat.Yearly
            : lower.Contains("постоянно") ? Repeat.Continuous
            : Repeat.None;
        return new Schedule(date, repeat, day, t);
    }

    /// <summary>The deadline in force on a day: the first one, or for a repeating schedule the next one on or after the day.</summary>
    public DateOnly? DeadlineOn(DateOnly day) => Repeat switch
    {
        Repeat.Monthly => MonthDay(day.Year, day.Month) is var m && m >= day ? m : MonthDay(day.AddMonths(1).Year, day.AddMonths(1).Month),
        Repeat.Quarterly => QuarterDay(day) is var q && q >= day ? q : QuarterDay(day.AddMonths(3)),
        Repeat.Yearly when Date is DateOnly d => d >= day ? d : d.AddYears(day.Year - d.Year) is var same && same >= day ? same : d.AddYears(day.Year - d.Year + 1),
        _ => Date,
    };

    /// <summary>The deadline before the one in force (a repeating schedule's previous occurrence), if any.</summary>
    public DateOnly? PreviousDeadline(DateOnly day) => Repeat switch
    {
        Repeat.Monthly => DeadlineOn(day) is DateOnly next ? MonthDay(next.AddMonths(-1).Year, next.AddMonths(-1).Month) : null,
        Repeat.Quarterly => DeadlineOn(day) is DateOnly next ? QuarterDay(next.AddMonths(-3)) : null,
        Repeat.Yearly when DeadlineOn(day) is DateOnly next && Date is DateOnly first && next > first => next.AddYears(-1),
        _ => null,
    };

    private DateOnly QuarterDay(DateOnly day) => MonthDay(day.Year, ((day.Month - 1) / 3 * 3) + 3);

    private DateOnly MonthDay(int year, int month) => new(year, month, Math.Clamp(Day == 0 ? DateTime.DaysInMonth(year, month) : Day, 1, DateTime.DaysInMonth(year, month)));

    [GeneratedRegex(@"\d{1,2}\.\d{1,2}\.\d{4}")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"до\s+(\d{1,2})\s*(?:-?го\s*)?числа")]
    private static partial Regex DayRegex();
}
