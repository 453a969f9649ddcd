namespace Mera.Core.Domain;

/// <summary>A planned value of an indicator for an org unit and a year (DOMAIN §8).</summary>
public sealed class Target
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string IndicatorCode { get; set; }
    public int Year { get; set; }
    public double Value { get; set; }
    public double? BaseValue { get; set; }
    public DateOnly? BaseDate { get; set; }
    public bool IsCumulative { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
