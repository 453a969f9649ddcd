namespace Mera.Core.Domain;

/// <summary>What a number measures: a share in per cent, a count of people or organisations, or anything else.</summary>
public enum Measure { Percent, Count, Other }

/// <summary>
/// The measure of an indicator (from its unit) and of an agreement row or target line (from its wording, as seed 003
/// writes them: «Доля …» is a share, «Численность …»/«Количество …» a count). A count row linked to a share indicator
/// made a quarterly report print «857,1 % Исполнен»; linking and targets compare measures first.
/// </summary>
public static class Measures
{
    private static readonly string[] _countUnits = ["чел.", "ед.", "шт.", "организаций", "человек"];

    public static Measure Of(Indicator indicator) =>
        indicator.Unit.Trim() == "%" ? Measure.Percent
        : indicator.Kind == IndicatorKind.Number && _countUnits.Contains(indicator.Unit.Trim()) ? Measure.Count
        : Measure.Other;

    /// <summary>The measure a row's title or unit cell names, or null when the wording does not say.</summary>
    public static Measure? FromWording(string? title, string? unit = null)
    {
        var u = unit?.Trim().ToLowerInvariant() ?? "";
        if (u is "%" or "процент" or "процентов")
        {
            return Measure.Percent;
        }
        if (u is "чел." or "человек" or "ед." or "единиц" or "шт.")
        {
            return Measure.Count;
        }
        var t = title?.TrimStart().ToLowerInvariant() ?? "";
        if (t.StartsWith("доля") || t.StartsWith("удельный вес") || t.StartsWith("процент"))
        {
            return Measure.Percent;
        }
        if (t.StartsWith("численность") || t.StartsWith("количество") || t.StartsWith("число"))
        {
            return Measure.Count;
        }
        return null;
    }

    public static string ToRussian(Measure measure) => measure switch
    {
        Measure.Percent => "доля (в процентах)",
        Measure.Count => "количество",
        _ => "иная величина",
    };
}
