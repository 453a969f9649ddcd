using Mera.Core.Formatting;

namespace Mera.Core.Engine;

/// <summary>
/// Plan against fact (ADR 0008, superseded in part by ADR 0022). The one place that decides a status; every page,
/// report, the API and the CLI read it from <see cref="IndicatorResult.Status"/> and word it with <see cref="ToRussian"/>.
/// <list type="bullet">
/// <item>No target → `no_target`. No organisation reported → `no_data` (the value is absent, never 0).</item>
/// <item>Fewer organisations reported than the completeness threshold asks → `insufficient_data`.</item>
/// <item>After the year: met → `achieved`, otherwise `not_achieved` — the only two words that judge.</item>
/// <item>While the year runs: met → `on_track`; below the plan but the year's trend reaches it → `not_yet`;
/// the trend falls short → `at_risk`.</item>
/// </list>
/// </summary>
public static class PlanFact
{
    public const string Achieved = "achieved";
    public const string NotAchieved = "not_achieved";
    public const string OnTrack = "on_track";
    public const string NotYet = "not_yet";
    public const string AtRisk = "at_risk";
    public const string NoData = "no_data";
    public const string InsufficientData = "insufficient_data";
    public const string NoTarget = IndicatorResult.NoTarget;

    public static readonly IReadOnlyList<string> All = [Achieved, NotAchieved, OnTrack, NotYet, AtRisk, InsufficientData, NoData, NoTarget];

    /// <summary>The status of a fact over complete enough data.</summary>
    public static string Status(double? fact, double plan, bool lowerIsBetter, bool yearRunning, double? projected)
    {
        if (fact is null)
        {
            return NoData;
        }
        bool Meets(double v) => lowerIsBetter ? v <= plan + 1e-9 : v >= plan - 1e-9;
        if (Meets(fact.Value))
        {
            return yearRunning ? OnTrack : Achieved;
        }
        if (!yearRunning)
        {
            return NotAchieved;
        }
        // No trend to read (a single point of the year): below the plan «for now», not yet a risk.
        return projected is not double p || Meets(p) ? NotYet : AtRisk;
    }

    /// <summary>The status with completeness first: a judgement only over the organisations the threshold asks for.</summary>
    public static string Status(double? fact, double plan, bool lowerIsBetter, bool yearRunning, double? projected,
        int reported, int expected, double thresholdPercent)
    {
        if (fact is null || reported == 0 && expected > 0)
        {
            return NoData;
        }
        if (!Completeness.Enough(reported, expected, thresholdPercent))
        {
            return InsufficientData;
        }
        return Status(fact, plan, lowerIsBetter, yearRunning, projected);
    }

    /// <summary>Least-squares line through the year's points (period index, value), read at the year's last index;
    /// none from fewer than two points — one point is no trend.</summary>
    public static double? Project(IReadOnlyList<(int Index, double Value)> points, int lastIndex)
    {
        if (points.Count < 2)
        {
            return null;
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

    /// <summary>The status as it is printed for the ministry: judging words only once the year is over.</summary>
    public static string ToRussian(string status) => status switch
    {
        Achieved => "Исполнен",
        NotAchieved => "Не исполнен",
        OnTrack => "Идёт к исполнению",
        NotYet => "Пока не достигнуто",
        AtRisk => "Под риском неисполнения",
        NoData => "Нет данных",
        InsufficientData => "Недостаточно данных",
        _ => "План не установлен",
    };

    /// <summary>Below the plan now (or for good): what «отстающие» lists.</summary>
    public static bool IsLagging(string status) => status is NotAchieved or AtRisk or NotYet;

    /// <summary>A status that says something about the plan (not about missing data or a missing plan).</summary>
    public static bool IsJudged(string status) => status is Achieved or NotAchieved or OnTrack or NotYet or AtRisk;

    /// <summary>
    /// The status with what stands behind it, for a document: «Пока не достигнуто; прогноз на конец года 74,0 %»,
    /// «Недостаточно данных: по 1 из 16 организаций». Partial data is always named, even when enough for a judgement.
    /// </summary>
    public static string Describe(IndicatorResult r)
    {
        var parts = new List<string> { ToRussian(r.Status) };
        if (r.Status is OnTrack or NotYet or AtRisk && r.Projected is double p)
        {
            parts.Add($"прогноз на конец года {RussianFormat.Value(r.Unit == "%" ? p : Math.Round(p), r.Unit)}");
        }
        if (r.IsPartial)
        {
            parts.Add(Completeness.Phrase(r.Reported, r.Expected));
        }
        return r.Status == InsufficientData && parts.Count == 2 ? $"{parts[0]}: {parts[1]}" : string.Join("; ", parts);
    }
}
