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

    /// <summary>The value compared with the target: this period's, or the latest earlier one of the year with data.</summary>
    public double? Fact { get; init; }

    /// <summary>While the year runs: the linear projection of this year's periods to year-end.</summary>
    public double? Projected { get; init; }

    /// <summary>«Исполнен», «Не исполнен», «Под риском», «План не установлен».</summary>
    public string StatusName => PlanFact.ToRussian(Status);
}
