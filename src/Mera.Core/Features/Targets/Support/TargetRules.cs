using Mera.Core.Domain;
using Mera.Core.Formatting;

namespace Mera.Core.Features.Targets;

/// <summary>
/// What a plan value may be for its indicator: a share lies between 0 and 100 %, a count is not negative, and a
/// plan worded as another measure (a count row of an agreement for a share indicator) is refused, not printed as
/// «857,1 %». One rule for the web form, `targets set`, `targets import` and agreement linking.
/// </summary>
public static class TargetRules
{
    public static string? Problem(Indicator indicator, double value)
    {
        var measure = Measures.Of(indicator);
        if (measure == Measure.Percent && value is < 0 or > 100)
        {
            return $"плановое значение доли должно быть от 0 до 100 %, указано {RussianFormat.Number(value)}";
        }
        if (measure == Measure.Count && value < 0)
        {
            return $"плановое количество не может быть отрицательным, указано {RussianFormat.Number(value)}";
        }
        return null;
    }

    /// <summary>Refusal when a row worded as one measure is tied to an indicator of another.</summary>
    public static string? MeasureMismatch(Indicator indicator, Measure? worded) =>
        worded is Measure w && w != Measures.Of(indicator)
            ? $"строка выражена как {Measures.ToRussian(w)}, а показатель «{indicator.Name}» — как {Measures.ToRussian(Measures.Of(indicator))} ({indicator.Unit}); " +
              "выберите показатель той же единицы измерения"
            : null;

    /// <summary>
    /// Refusal of a plan for a year before the indicator's first formula: no fact will ever be computed for it
    /// (seed 004 prints 2018–2019; the built-in formulas start 01.01.2020). Needs the indicator's formulas loaded.
    /// </summary>
    public static string? BeforeFormula(Indicator indicator, int year) =>
        indicator.Formulas.Count > 0 && indicator.Formulas.Min(f => f.EffectiveFrom) is var from && year < from.Year
            ? $"{year} год: показатель «{indicator.Name}» рассчитывается с {RussianFormat.Date(from)}, план за этот год не с чем "
              + $"сравнить — загрузите значения с {from.Year} года (--from-year {from.Year}) или добавьте версию формулы с нужной даты"
            : null;
}
