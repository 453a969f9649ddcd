using System.Diagnostics;

namespace Mera.IntegrationTests.Web;

/// <summary>
/// Real time running from the test day plus an offset the test moves forward: the app sees hours pass in
/// milliseconds, while timers (sessions, lockouts) still fire in real time.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    public TimeSpan Offset { get; private set; }

    public void Advance(TimeSpan by) => Offset += by;

    public override DateTimeOffset GetUtcNow() => TestClock.Start + _elapsed.Elapsed + Offset;
}
