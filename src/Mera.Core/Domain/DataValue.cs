namespace Mera.Core.Domain;

public enum ValueSource { Entry = 0, Import = 1, Demo = 2 }

/// <summary>
/// The current value of one element for one org unit and period, with where it came from. The row is also the
/// latest change of that value (<see cref="PreviousValue"/> → <see cref="Value"/>): earlier changes are in
/// <see cref="DataValueHistory"/>, so a value written once costs one row (ADR 0017). Its key is (org, element, period):
/// nothing refers to a value by a number of its own (ADR 0031).
/// </summary>
public sealed class DataValue
{
    public int OrgUnitId { get; set; }
    public int ElementId { get; set; }
    public required string PeriodCode { get; set; }
    public PeriodType PeriodType { get; set; }

    /// <summary>The date that decides containment (a week's Thursday), so roll-ups filter by an index range.</summary>
    public DateOnly PeriodAnchor { get; set; }
    public double Value { get; set; }

    /// <summary>The value this version replaced; null when it was the first for its key.</summary>
    public double? PreviousValue { get; set; }
    public string? Comment { get; set; }
    public ValueSource Source { get; set; }
    public long? ImportBatchId { get; set; }
    public string? SourceFile { get; set; }
    public required string ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>
/// Append-only: the superseded changes of values (a version moves here when it is replaced) and removals, never
/// updated or deleted. Together with the current rows of <see cref="DataValue"/> it is every change ever made.
/// </summary>
public sealed class DataValueHistory
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public int ElementId { get; set; }
    public required string PeriodCode { get; set; }
    public double? OldValue { get; set; }
    public double? NewValue { get; set; }
    public ValueSource Source { get; set; }
    public long? ImportBatchId { get; set; }
    public string? SourceFile { get; set; }
    public required string ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>One import run: the file, its hash and what it did.</summary>
public sealed class ImportBatch
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public string? PeriodCode { get; set; }
    public string? OrgCode { get; set; }
    public required string ImportedBy { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public int RowsRead { get; set; }
    public int ValuesWritten { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public int Warnings { get; set; }

    /// <summary>The warnings and notes shown at import time, one per line, kept for whoever reviews the batch later.</summary>
    public string? Issues { get; set; }
    public DateTimeOffset? UndoneAt { get; set; }
    public string? UndoneBy { get; set; }

    /// <summary>Set on an undo batch: the batch whose values it restored.</summary>
    public long? UndoOfBatchId { get; set; }
}
