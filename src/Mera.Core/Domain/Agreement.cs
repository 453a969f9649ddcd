namespace Mera.Core.Domain;

/// <summary>An agreement between the region and a municipality (seed 003) with its table of values by year (Annex 1).</summary>
public sealed class Agreement
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Number { get; set; }
    public DateOnly Date { get; set; }
    public string? Parties { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public List<AgreementValue> Values { get; set; } = [];
}

/// <summary>One cell of Annex 1: row (within a regional project) × year; «6675, из них сертификатов ПФДО 1669» is 6675 plus a note.</summary>
public sealed class AgreementValue
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public required string Project { get; set; }
    public required string RowNumber { get; set; }
    public int SortOrder { get; set; }
    public required string Title { get; set; }
    public int Year { get; set; }
    public double? Value { get; set; }
    public string? Note { get; set; }

    /// <summary>The catalog indicator whose fact this row is checked against (set by linking; its plan becomes a target).</summary>
    public string? IndicatorCode { get; set; }
}
