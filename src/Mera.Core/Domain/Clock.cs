using System.Globalization;

namespace Mera.Core.Domain;

/// <summary>
/// The one notion of "now" and "today" that every front end shares. Today is the calendar date in the region's time
/// zone (Europe/Moscow unless MERA_TIME_ZONE says otherwise), never the server's: a deadline on the 20th ends at
/// midnight in the region, whichever zone the machine runs in.
/// </summary>
public static class Clock
{
    /// <summary>Starts the clock at a given instant (a date means 09:00 in the region) and lets it run from there:
    /// a rehearsal of a deadline day, a demo shown as of a date, and tests that must not depend on the calendar.</summary>
    public const string StartVariable = "MERA_NOW";

    public static TimeZoneInfo Zone { get; } = FindZone(Environment.GetEnvironmentVariable("MERA_TIME_ZONE") ?? "Europe/Moscow");

    /// <summary>The system clock, or the one started at MERA_NOW.</summary>
    public static TimeProvider FromEnvironment() => FromSetting(Environment.GetEnvironmentVariable(StartVariable));

    public static TimeProvider FromSetting(string? start) =>
        string.IsNullOrWhiteSpace(start) ? TimeProvider.System : new RunningFrom(ParseStart(start));

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static DateOnly Today(this TimeProvider clock) => LocalDate(clock.GetUtcNow());

    /// <summary>The instant of a local (regional) date and time.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The instant, in UTC (what GetUtcNow must return).</summary>
    public static DateTimeOffset ParseStart(string text)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return At(date, new TimeOnly(9, 0)).ToUniversalTime();
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant.ToUniversalTime();
        }
        throw new FormatException($"{StartVariable}: «{text}» — не дата (ожидается ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTчч:мм+03:00)");
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("MSK", TimeSpan.FromHours(3), "Москва", "Москва");
        }
    }

    /// <summary>Real time that started at a chosen instant: timestamps keep their order and durations stay real.</summary>
    private sealed class RunningFrom(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan _offset = start - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

        public override TimeZoneInfo LocalTimeZone => Zone;
    }
}
