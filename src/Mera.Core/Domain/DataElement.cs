namespace Mera.Core.Domain;

public enum ElementValueType { Integer = 0, Decimal = 1, Flag = 2 }

/// <summary>How values of shorter periods combine into a longer one (DOMAIN §3).</summary>
public enum TimeAggregation { Last = 0, Sum = 1, Ever = 2 }

/// <summary>A sub-indicator (подпоказатель) collected per school and period.</summary>
public sealed class DataElement : ICatalogEditable
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string Unit { get; set; } = "";
    public ElementValueType ValueType { get; set; }
    public PeriodType PeriodType { get; set; }
    public TimeAggregation TimeAggregation { get; set; }
    public string Source { get; set; } = "";
    public string Supplier { get; set; } = "";

    public DateTimeOffset? EditedAt { get; set; }
    public string? EditedBy { get; set; }

    /// <summary>The computed pseudo-element: 1 for every active school on the period's end date.</summary>
    public const string SchoolsCode = "orgunit.schools";
}
