namespace Mera.Core.Domain;

/// <summary>Kind of reporting period. Values grow with period length so that
/// "shorter than" is a plain integer comparison.</summary>
public enum PeriodType
{
    Week = 1,
    Month = 2,
    Quarter = 3,
    Year = 4,
}

/// <summary>Russian display names and the Latin keywords used in configs and the CLI.</summary>
public static class PeriodTypeNames
{
    public static string ToRussian(PeriodType type) => type switch
    {
        PeriodType.Week => "неделя",
        PeriodType.Month => "месяц",
        PeriodType.Quarter => "квартал",
        PeriodType.Year => "год",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, $"Неизвестный тип периода {type}"),
    };

    /// <summary>Parses <c>week|month|quarter|year</c> (case-insensitive, spaces trimmed).</summary>
    /// <exception cref="FormatException">Unknown keyword; the message is Russian because it reaches users.</exception>
    public static PeriodType Parse(string text) => text?.Trim().ToLowerInvariant() switch
    {
        "week" => PeriodType.Week,
        "month" => PeriodType.Month,
        "quarter" => PeriodType.Quarter,
        "year" => PeriodType.Year,
        _ => throw new FormatException(
            $"Неизвестный тип периода \"{text}\": ожидается week, month, quarter или year"),
    };
}
