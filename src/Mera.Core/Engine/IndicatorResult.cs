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

    /// <summary>The org's name for tables and chart labels (<see cref="Domain.OrgShortNames"/>); <see cref="OrgName"/> stays full.</summary>
    public string OrgShortName { get => field ?? OrgName; init; }

    /// <summary>The value compared with the target: this period's (for a cumulative count, the sum since the base date).</summary>
    public double? Fact { get; init; }

    /// <summary>The target's starting point (seed 004 «Базовое значение» and its date), printed beside the plan.</summary>
    public double? BaseValue { get; init; }
    public DateOnly? BaseDate { get; init; }

    /// <summary>While the year runs: the linear projection of this year's periods to year-end.</summary>
    public double? Projected { get; init; }

    /// <summary>The status in the ministry's words (see <see cref="PlanFact.ToRussian"/>).</summary>
    public string StatusName => PlanFact.ToRussian(Status);

    /// <summary>The status with the forecast and the «по N из M организаций» mark, for documents.</summary>
    public string StatusText => PlanFact.Describe(this);

    /// <summary>A share of organisations over the registry (ADR 0022): every school counts, one with nothing on record
    /// counts as not having the property, so any report at all makes the value complete.</summary>
    public bool OverAllOrganisations { get; init; }

    /// <summary>Fewer organisations reported than expected: the value is over those that did.</summary>
    public bool IsPartial => !OverAllOrganisations && Reported > 0 && Reported < Expected;
}
