using System.Globalization;

namespace Mera.Core.Domain;

/// <summary>
/// A reporting period: ISO week, calendar month, quarter or year.
/// <see cref="Year"/> is the ISO week-year for weeks (2025-W01 starts on 30.12.2024);
/// <see cref="Number"/> is the week 1..53, month 1..12, quarter 1..4, or 0 for a year.
/// </summary>
/// <remarks>
/// Domain rule: a week belongs to the month, quarter and year that contain its Thursday
/// (<see cref="Anchor"/>). This keeps every week in exactly one month, which monthly
/// aggregation of weekly reports relies on.
/// </remarks>
public readonly partial record struct Period(PeriodType Type, int Year, int Number) : IComparable<Period>
{
    // Year 9998 is the cap so that the last ISO week and Next() never run past DateOnly.MaxValue.
    private const int MinYear = 1;
    private const int MaxYear = 9998;

    // Re-declared so the positional constructor validates: a Period always names a real period.
    public int Number { get; } = Require(Type, Year, Number);

    public static Period OfYear(int year) => new(PeriodType.Year, year, 0);

    public static Period OfQuarter(int year, int quarter) => new(PeriodType.Quarter, year, quarter);

    public static Period OfMonth(int year, int month) => new(PeriodType.Month, year, month);

    /// <summary>ISO week; week 53 exists only in ISO years that have 53 weeks.</summary>
    public static Period OfWeek(int isoYear, int week) => new(PeriodType.Week, isoYear, week);

    /// <summary>The period of <paramref name="type"/> that contains <paramref name="date"/>.</summary>
    public static Period Containing(DateOnly date, PeriodType type)
    {
        switch (type)
        {
            case PeriodType.Year: return OfYear(date.Year);
            case PeriodType.Quarter: return OfQuarter(date.Year, (date.Month + 2) / 3);
            case PeriodType.Month: return OfMonth(date.Year, date.Month);
            case PeriodType.Week:
                var dt = date.ToDateTime(TimeOnly.MinValue);
                return OfWeek(ISOWeek.GetYear(dt), ISOWeek.GetWeekOfYear(dt));
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, $"Неизвестный тип периода {type}");
        }
    }

    /// <summary>First day (Monday for weeks).</summary>
    public DateOnly Start => Type switch
    {
        PeriodType.Year => new DateOnly(Year, 1, 1),
        PeriodType.Quarter => new DateOnly(Year, Number * 3 - 2, 1),
        PeriodType.Month => new DateOnly(Year, Number, 1),
        PeriodType.Week => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday)),
        _ => throw Uninitialized(),
    };

    /// <summary>Last day, inclusive (Sunday for weeks).</summary>
    public DateOnly End => Type switch
    {
        PeriodType.Year => new DateOnly(Year, 12, 31),
        PeriodType.Quarter => LastDayOf(Year, Number * 3),
        PeriodType.Month => LastDayOf(Year, Number),
        PeriodType.Week => Start.AddDays(6),
        _ => throw Uninitialized(),
    };

    /// <summary>The date that decides which longer periods contain this one: Thursday for weeks, Start otherwise.</summary>
    public DateOnly Anchor => Type == PeriodType.Week ? Start.AddDays(3) : Start;

    /// <summary>True for the same period, or a shorter period whose <see cref="Anchor"/> lies in [Start, End].</summary>
    public bool Contains(Period other)
    {
        if (other == this) return true;
        if (other.Type >= Type) return false;
        var anchor = other.Anchor;
        return anchor >= Start && anchor <= End;
    }

    /// <summary>The period of the given (same or longer) type that contains this one.</summary>
    public Period ContainerOf(PeriodType longer)
    {
        if (longer < Type)
            throw new ArgumentException(
                $"Тип {PeriodTypeNames.ToRussian(longer)} короче, чем {PeriodTypeNames.ToRussian(Type)}", nameof(longer));
        return longer == Type ? this : Containing(Anchor, longer);
    }

    /// <summary>All strictly longer periods containing this one, shortest first.</summary>
    public IReadOnlyList<Period> Containers()
    {
        var result = new List<Period>(3);
        for (var t = Type + 1; t <= PeriodType.Year; t++)
            result.Add(ContainerOf(t));
        return result;
    }

    /// <summary>All periods of the given (same or shorter) type inside this one, by the anchor rule, in order.</summary>
    public IEnumerable<Period> Inside(PeriodType shorterOrSame)
    {
        // Validate eagerly: a lazy iterator would defer the exception to the first MoveNext.
        if (shorterOrSame > Type)
            throw new ArgumentException(
                $"Тип {PeriodTypeNames.ToRussian(shorterOrSame)} длиннее, чем {PeriodTypeNames.ToRussian(Type)}",
                nameof(shorterOrSame));
        return Enumerate(this, shorterOrSame);

        static IEnumerable<Period> Enumerate(Period outer, PeriodType type)
        {
            var p = Containing(outer.Start, type);
            // The week holding the 1st may have its Thursday in the previous month/year.
            if (!outer.Contains(p)) p = p.Next();
            while (outer.Contains(p))
            {
                yield return p;
                if (p.End >= outer.End) yield break;
                p = p.Next();
            }
        }
    }

    // Stepping by dates (not numbers) handles 52/53-week years without special cases.
    public Period Previous() => Containing(Start.AddDays(-1), Type);

    /// <summary>The latest period of the type that has ended by `today`: what every report menu offers first.</summary>
    public static Period LastComplete(PeriodType type, DateOnly today) => Containing(today, type).Previous();

    /// <summary>The period has not ended on `today`: its reports say «период не завершён».</summary>
    public bool IsRunningOn(DateOnly today) => End >= today;

    public Period Next() => Containing(End.AddDays(1), Type);

    /// <summary>This period and the <paramref name="count"/> − 1 before it, oldest first: a trend's x axis.</summary>
    public IReadOnlyList<Period> Trailing(int count)
    {
        var periods = new Period[count];
        for (var (i, p) = (count - 1, this); i >= 0; i--, p = p.Previous())
        {
            periods[i] = p;
        }
        return periods;
    }

    /// <summary>Orders by type (week first), then chronologically.</summary>
    public int CompareTo(Period other)
    {
        var byType = Type.CompareTo(other.Type);
        return byType != 0 ? byType : Start.CompareTo(other.Start);
    }

    /// <summary>Null when the triple names a real period, otherwise the Russian reason.</summary>
    internal static string? Validate(PeriodType type, int year, int number)
    {
        if (year < MinYear || year > MaxYear)
            return $"год {year} вне диапазона {MinYear}–{MaxYear}";
        return type switch
        {
            PeriodType.Year => number == 0 ? null : $"номер годового периода должен быть 0, а не {number}",
            PeriodType.Quarter => number is >= 1 and <= 4 ? null : $"квартал {number} вне диапазона 1–4",
            PeriodType.Month => number is >= 1 and <= 12 ? null : $"месяц {number} вне диапазона 1–12",
            PeriodType.Week => ValidateWeek(year, number),
            _ => $"неизвестный тип периода {type}",
        };
    }

    private static string? ValidateWeek(int isoYear, int week)
    {
        var weeks = ISOWeek.GetWeeksInYear(isoYear);
        return week >= 1 && week <= weeks ? null : $"неделя {week} вне диапазона 1–{weeks} для {isoYear} ISO-года";
    }

    private static int Require(PeriodType type, int year, int number)
    {
        var error = Validate(type, year, number);
        return error is null ? number : throw new ArgumentOutOfRangeException(nameof(Number), number, error);
    }

    private static DateOnly LastDayOf(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    // default(Period) has Type 0; fail loudly instead of inventing dates for it.
    private static InvalidOperationException Uninitialized() =>
        new("Период не инициализирован (default(Period))");
}
