using Mera.Core.Domain;

namespace Mera.Core.Data;

/// <summary>One value to store, with the file row it came from (for messages).</summary>
public sealed record ValueRecord(int OrgId, DataElement Element, Period Period, double Value, int Line)
{
    public ValueKey Key => new(OrgId, Element.Id, Period);
}

/// <summary>What identifies a value; the period as numbers, so a key hashes without a string.</summary>
public readonly record struct ValueKey(int OrgId, int ElementId, Period Period);

/// <summary>Who wrote values and from where: stored on every value and every history row.</summary>
public sealed record ValueProvenance(ValueSource Source, string ChangedBy, long? ImportBatchId = null, string? SourceFile = null,
    string? Comment = null);
