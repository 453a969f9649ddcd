using System.Globalization;
using System.Text.RegularExpressions;

namespace Mera.Core.Domain;

public enum Repeat { None, Yearly, Quarterly, Monthly, Weekly, Continuous }

/// <summary>What a deadline written in words means when it has no date of its own (issue 20).</summary>
public enum DeadlineKind
{
    /// <summary>A date, once or repeating («31.12.2020 далее ежегодно»).</summary>
    Dated,

    /// <summary>A repetition without a first date: «еженедельно», «ежемесячно до 25 числа».</summary>
    Recurring,

    /// <summary>«в кратчайшие сроки», «незамедлительно»: due <see cref="Schedule.AsapDays"/> days after the decision.</summary>
    Asap,

    /// <summary>«по отдельному графику»: no date here; never overdue by Mera's reckoning.</summary>
    BySchedule,

    /// <summary>«постоянно» without a first date: standing work, never overdue.</summary>
    Standing,

    /// <summary>No deadline written, or none Mera can read.</summary>
    None,
}

/// <summary>
/// A deadline as the seeds write it: «31.12.2020», «до 28.02.2025», «31.12.2020 далее ежегодно», «ежемесячно до 25
/// числа», «до 01.02.2025, далее постоянно», «еженедельно по пятницам», «в кратчайшие сроки», «по отдельному
/// графику», «постоянно». Gives the deadline that matters on a given day.
/// </summary>
public sealed partial record Schedule(DateOnly? Date, Repeat Repeat, int Day, string Text)
{
    /// <summary>«В кратчайшие сроки» is overdue this many days after the decision: MERA_ASAP_DAYS, 10 by default.</summary>
    public static int AsapDays { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("MERA_ASAP_DAYS"), out var days) && days is >= 1 and <= 365 ? days : 10;

    public DeadlineKind Kind { get; init; } = DeadlineKind.Dated;

    /// <param name="issued">The decision's date: the start of an «as soon as possible» deadline.</param>
    public static Schedule Parse(string? text, DateOnly? issued = null)
    {
        var t = (text ?? "").Trim();
        var lower = t.ToLowerInvariant();
        DateOnly? date = DateRegex().Match(t) is { Success: true } m
            && DateOnly.TryParseExact(m.Value, ["dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var day = DayRegex().Match(lower) is { Success: true } dm ? int.Parse(dm.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var repeat = lower.Contains("ежемесячно") ? Repeat.Monthly
            : lower.Contains("ежекварталь") ? Repeat.Quarterly
            : lower.Contains("ежегодно") ? Repeat.Yearly
            : lower.Contains("еженедельно") ? Repeat.Weekly
            : lower.Contains("постоянно") ? Repeat.Continuous
            : Repeat.None;
        if (repeat == Repeat.Weekly)
        {
            day = Weekday(lower);
        }
        var kind = date is not null ? DeadlineKind.Dated
            : repeat is Repeat.Monthly or Repeat.Quarterly or Repeat.Weekly ? DeadlineKind.Recurring
            : repeat == Repeat.Continuous ? DeadlineKind.Standing
            : AsapRegex().IsMatch(lower) ? DeadlineKind.Asap
            : ByScheduleRegex().IsMatch(lower) ? DeadlineKind.BySchedule
            : DeadlineKind.None;
        if (kind == DeadlineKind.Asap && issued is DateOnly from)
        {
            date = from.AddDays(AsapDays);
        }
        return new Schedule(date, repeat, day, t) { Kind = kind };
    }

    /// <summary>How the deadline reads where no date can be shown.</summary>
    public string? Describe() => Kind switch
    {
        DeadlineKind.Asap => "в кратчайшие сроки",
        DeadlineKind.BySchedule => "по отдельному графику",
        DeadlineKind.Standing => "постоянно",
        _ => null,
    };

    /// <summary>«по пятницам», «до пятницы» → Friday (ISO day 1–7); the end of the week (Sunday) otherwise.</summary>
    private static int Weekday(string lower)
    {
        string[][] names =
        [
            ["понедельник"], ["вторник"], ["сред"], ["четверг"], ["пятниц"], ["суббот"], ["воскресень"],
        ];
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Any(lower.Contains))
            {
                return i + 1;
            }
        }
        return 7;
    }

    /// <summary>The deadline in force on a day: the first one, or for a repeating schedule the next one on or after the day.</summary>
    public DateOnly? DeadlineOn(DateOnly day) => Repeat switch
    {
        Repeat.Weekly => day.AddDays((Day - IsoDay(day) + 7) % 7),
        Repeat.Monthly => MonthDay(day.Year, day.Month) is var m && m >= day ? m : MonthDay(day.AddMonths(1).Year, day.AddMonths(1).Month),
        Repeat.Quarterly => QuarterDay(day) is var q && q >= day ? q : QuarterDay(day.AddMonths(3)),
        Repeat.Yearly when Date is DateOnly d => d >= day ? d : d.AddYears(day.Year - d.Year) is var same && same >= day ? same : d.AddYears(day.Year - d.Year + 1),
        _ => Date,
    };

    /// <summary>The deadline before the one in force (a repeating schedule's previous occurrence), if any.</summary>
    public DateOnly? PreviousDeadline(DateOnly day) => Repeat switch
    {
        Repeat.Weekly => DeadlineOn(day)?.AddDays(-7),
        Repeat.Monthly => DeadlineOn(day) is DateOnly next ? MonthDay(next.AddMonths(-1).Year, next.AddMonths(-1).Month) : null,
        Repeat.Quarterly => DeadlineOn(day) is DateOnly next ? QuarterDay(next.AddMonths(-3)) : null,
        Repeat.Yearly when DeadlineOn(day) is DateOnly next && Date is DateOnly first && next > first => next.AddYears(-1),
        _ => null,
    };

    private static int IsoDay(DateOnly day) => day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;

    private DateOnly QuarterDay(DateOnly day) => MonthDay(day.Year, ((day.Month - 1) / 3 * 3) + 3);

    private DateOnly MonthDay(int year, int month) => new(year, month, Math.Clamp(Day == 0 ? DateTime.DaysInMonth(year, month) : Day, 1, DateTime.DaysInMonth(year, month)));

    [GeneratedRegex(@"\d{1,2}\.\d{1,2}\.\d{4}")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"до\s+(\d{1,2})\s*(?:-?го\s*)?числа")]
    private static partial Regex DayRegex();

    [GeneratedRegex(@"кратчайш|незамедлительно|немедленно|в срочном порядке|безотлагательно")]
    private static partial Regex AsapRegex();

    [GeneratedRegex(@"по\s+(отдельному\s+)?графику|согласно\s+графику|в\s+соответствии\s+с\s+графиком")]
    private static partial Regex ByScheduleRegex();
}

/// <summary>The codes of <see cref="DeadlineKind"/> in JSON and CSV output.</summary>
public static class DeadlineKinds
{
    public static string Code(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Dated => "dated",
        DeadlineKind.Recurring => "recurring",
        DeadlineKind.Asap => "asap",
        DeadlineKind.BySchedule => "by_schedule",
        DeadlineKind.Standing => "standing",
        _ => "none",
    };
}
