using System.Globalization;

namespace Mera.Core.Engine;

/// <summary>
/// How many of the expected organisations must have reported before a plan/fact status is final (ADR 0022).
/// The region sets the share in `MERA_COMPLETENESS_PERCENT` (default 100: every school, as after the deadline).
/// </summary>
public static class Completeness
{
    public const double DefaultPercent = 100;

    public static double ThresholdPercent { get; } = FromEnvironment();

    public static bool Enough(int reported, int expected, double thresholdPercent) =>
        expected == 0 || reported * 100.0 >= thresholdPercent * expected - 1e-9;

    /// <summary>«по 15 из 16 организаций» — how a partial value is marked wherever it is shown.</summary>
    public static string Phrase(int reported, int expected) => $"по {reported} из {expected} {Organisations(expected)}";

    private static string Organisations(int n) =>
        n % 10 == 1 && n % 100 != 11 ? "организации" : "организаций";

    private static double FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable("MERA_COMPLETENESS_PERCENT");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 100 ? p : DefaultPercent;
    }
}
