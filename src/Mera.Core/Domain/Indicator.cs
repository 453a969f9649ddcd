namespace Mera.Core.Domain;

public enum IndicatorKind { Percent = 0, Number = 1 }

/// <summary>factor × Σ numerator / Σ denominator, evaluated per school and summed up the hierarchy.</summary>
public sealed class Indicator : ICatalogEditable
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public IndicatorKind Kind { get; set; }
    public string Unit { get; set; } = "%";
    public double Factor { get; set; } = 100;
    public bool LowerIsBetter { get; set; }
    public string GroupName { get; set; } = "";
    public int SortOrder { get; set; }
    public List<IndicatorFormula> Formulas { get; set; } = [];

    public DateTimeOffset? EditedAt { get; set; }
    public string? EditedBy { get; set; }

    /// <summary>Methodologies change from year to year: a period is computed with the version in force at its end.</summary>
    public IndicatorFormula? FormulaAt(DateOnly date) =>
        Formulas.Where(f => f.EffectiveFrom <= date).MaxBy(f => f.EffectiveFrom);
}

public sealed class IndicatorFormula
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public required string Numerator { get; set; }

    /// <summary>Null for a `number` indicator.</summary>
    public string? Denominator { get; set; }
}
