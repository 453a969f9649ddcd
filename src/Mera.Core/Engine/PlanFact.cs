namespace Mera.Core.Engine;

/// <summary>
/// Plan against fact (DOMAIN §8). A finished year: «Исполнен» when the fact meets the plan (≥, or ≤ for «lower is
/// better»), otherwise «Не исполнен». A running year: met → «Исполнен»; not met but the linear projection of the
/// year's periods reaches the plan by year-end → «Не исполнен» (not yet); projection short of the plan → «Под риском».
/// </summary>
public static class PlanFact
{
    public const string Achieved = "achieved";
    public const string NotAchieved = "not_achieved";
    public const string AtRisk = "at_risk";
    public const string NoTarget = IndicatorResult.NoTarget;

    public static string Status(double? fact, double plan, bool lowerIsBetter, bool yearRunning, double? projected)
    {
        bool Meets(double v) => lowerIsBetter ? v <= plan + 1e-9 : v >= plan - 1e-9;
        if (fact is double f && Meets(f))
        {
            return Achieved;
        }
        if (!yearRunning)
        {
            return NotAchieved;
        }
        return projected is double p && Meets(p) ? NotAchieved : AtRisk;
    }

    /// <summary>Least-squares line through the year's points (period index, value), read at the year's last index.</summary>
    public static double? Project(IReadOnlyList<(int Index, double Value)> points, int lastIndex)
    {
        if (points.Count == 0)
        {
            return null;
        }
        if (points.Count == 1)
        {
            return points[0].Value;
        }
        double n = points.Count, sx = points.Sum(p => p.Index), sy = points.Sum(p => p.Value);
        double sxx = points.Sum(p => (double)p.Index * p.Index), sxy = points.Sum(p => p.Index * p.Value);
        var denominator = n * sxx - sx * sx;
        if (Math.Abs(denominator) < 1e-12)
        {
            return sy / n;
        }
        var slope = (n * sxy - sx * sy) / denominator;
        var intercept = (sy - slope * sx) / n;
        return intercept + slope * lastIndex;
    }

    public static string ToRussian(string status) => status switch
    {
        Achieved => "Исполнен",
        NotAchieved => "Не исполнен",
        AtRisk => "Под риском",
        _ => "План не установлен",
    };

    public static bool IsLagging(string status) => status is NotAchieved or AtRisk;
}
