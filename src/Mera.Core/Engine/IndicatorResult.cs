namespace Mera.Core.Engine;

/// <summary>One indicator for one org unit and period: the contract of `indicators --format json` and the API.</summary>
public sealed record IndicatorResult(
    string Org,
    string OrgName,
    string OrgType,
    string Period,
    string PeriodName,
    string Indicator,
    string Name,
    double? Numerator,
    double? Denominator,
    double? Value,
    string Unit,
    int Reported,
    int Expected,
    double? Target,
    string Status,
    string NumeratorFormula,
    string? DenominatorFormula,
    string FormulaEffectiveFrom)
{
    public const string NoTarget = "no_target";
}
