using System.Globalization;
using System.Text.RegularExpressions;

namespace Mera.Core.Domain;

/// <summary>
/// When a form for a period is due. Grammar (case-insensitive):
/// <c>last-month:DD</c> — day DD of the period's last month;
/// <c>next-month:DD</c> — day DD of the month after it;
/// <c>end+Nd</c> — N days after the period's last day.
/// The month rules take an optional <c>@MM</c>: yearly forms are often due mid-year
/// (e.g. on 01.10 for the school year), so the "last month" becomes month MM of the period's year.
/// Days beyond the month's length are clamped (last-month:30 in February → 28/29).
/// </summary>
public sealed partial record DeadlineRule
{
    private const string ExpectedFormats = "ожидается last-month:DD, next-month:DD (можно с @MM) или end+Nd";

    private enum Kind { LastMonth, NextMonth, AfterEnd }

    private readonly Kind _kind;
    private readonly int _value;   // day of month, or number of days for AfterEnd
    private readonly int? _month;  // the @MM override

    private DeadlineRule(Kind kind, int value, int? month)
    {
        _kind = kind;
        _value = value;
        _month = month;
        Text = kind switch
        {
            Kind.AfterEnd => Invariant($"end+{value}d"),
            _ => Invariant($"{(kind == Kind.LastMonth ? "last-month" : "next-month")}:{value:D2}")
                 + (month is int m ? Invariant($"@{m:D2}") : ""),
        };
    }

    /// <summary>Canonical text of the rule (lower case, two-digit day and month).</summary>
    public string Text { get; }

    /// <exception cref="FormatException">Bad rule; the message is Russian and quotes the text.</exception>
    public static DeadlineRule Parse(string text)
    {
        var trimmed = text?.Trim() ?? "";
        var match = RulePattern().Match(trimmed);
        if (!match.Success)
            throw new FormatException($"Неверное правило срока \"{trimmed}\": {ExpectedFormats}");

        if (match.Groups["n"].Success)
            return new DeadlineRule(Kind.AfterEnd, ParseInt(match.Groups["n"].Value), null);

        var kind = match.Groups["kind"].Value.StartsWith("last", StringComparison.OrdinalIgnoreCase)
            ? Kind.LastMonth : Kind.NextMonth;
        var day = ParseInt(match.Groups["d"].Value);
        int? month = match.Groups["m"].Success ? ParseInt(match.Groups["m"].Value) : null;

        if (day is < 1 or > 31)
            throw new FormatException($"Неверное правило срока \"{trimmed}\": день {day} вне диапазона 1–31");
        if (month is < 1 or > 12)
            throw new FormatException($"Неверное правило срока \"{trimmed}\": месяц {month} вне диапазона 1–12");
        if (month is int mm)
        {
            // With @MM the date is explicit ("до 31.11" is meaningless), so reject impossible days;
            // 29.02 stays allowed and is clamped in non-leap years.
            var target = kind == Kind.LastMonth ? mm : mm % 12 + 1;
            var maxDay = DateTime.DaysInMonth(2024, target);
            if (day > maxDay)
                throw new FormatException(
                    $"Неверное правило срока \"{trimmed}\": в месяце {target:D2} нет {day} числа");
        }

        return new DeadlineRule(kind, day, month);
    }

    /// <summary>The due date for <paramref name="period"/>.</summary>
    public DateOnly DeadlineOf(Period period)
    {
        if (_kind == Kind.AfterEnd)
            return period.End.AddDays(_value);

        // A week's "last month" is the month of its Sunday; with @MM the period's year is used
        // (for weeks that is the ISO year, i.e. the year of its Thursday).
        var end = period.End;
        var (year, month) = _month is int mm ? (period.Year, mm) : (end.Year, end.Month);
        if (_kind == Kind.NextMonth)
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1);
        return new DateOnly(year, month, Math.Min(_value, DateTime.DaysInMonth(year, month)));
    }

    /// <summary>Russian wording for forms and reminders, e.g. «до 20 числа последнего месяца периода».</summary>
    public string DisplayRu => (_kind, _month) switch
    {
        (Kind.AfterEnd, _) when _value == 0 => "в день окончания периода",
        (Kind.AfterEnd, _) => Invariant($"через {_value} дн. после окончания периода"),
        (Kind.LastMonth, int mm) => Invariant($"до {_value:D2}.{mm:D2}"),
        (Kind.NextMonth, int mm) => Invariant($"до {_value:D2}.{mm % 12 + 1:D2}"),
        (Kind.LastMonth, null) => Invariant($"до {_value:D2} числа последнего месяца периода"),
        _ => Invariant($"до {_value:D2} числа следующего месяца"),
    };

    public override string ToString() => Text;

    private static int ParseInt(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    [GeneratedRegex(
        @"^(?:(?<kind>last-month|next-month):(?<d>[0-9]{1,2})(?:@(?<m>[0-9]{1,2}))?|end\+(?<n>[0-9]{1,4})d)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RulePattern();
}
