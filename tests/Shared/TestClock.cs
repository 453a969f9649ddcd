using Mera.Core.Domain;
using Microsoft.Extensions.Time.Testing;

namespace Mera.Tests;

/// <summary>
/// The day every test runs on: 30.11.2026 at 09:00 in the region, or the date in MERA_TEST_NOW
/// (`./test.sh --dates` runs the calendar-sensitive tests at several). The demo, the CLI and the web app read this
/// clock, and the tests compute the periods they expect from it — so no test passes on one day and fails on another.
/// </summary>
public static class TestClock
{
    public const string Variable = "MERA_TEST_NOW";

    public static DateTimeOffset Start { get; } =
        Clock.ParseStart(Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } start ? start : "2026-11-30");

    public static DateOnly Today { get; } = Clock.LocalDate(Start);

    /// <summary>A fixed clock that ticks a millisecond each time it is read, so timestamps keep their order.</summary>
    public static FakeTimeProvider Create() => new(Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    /// <summary>The quarter that contains today: the demo leaves the demo school's form for it unfilled.</summary>
    public static Period Quarter { get; } = Period.Containing(Today, PeriodType.Quarter);

    /// <summary>The quarter before: the demo has it reported by every school that is not late.</summary>
    public static Period LastQuarter { get; } = Quarter.Previous();

    public static string Year { get; } = Today.Year.ToString();

    public static string NextYear { get; } = (Today.Year + 1).ToString();
}
