namespace Mera.IntegrationTests.Web;

/// <summary>The real time plus an offset the test moves forward: the app sees hours pass in milliseconds.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Offset { get; private set; }

    public void Advance(TimeSpan by) => Offset += by;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
