namespace Mera.Core.Domain;

/// <summary>
/// A municipality's report to the region as it was sent: the numbers (JSON of org, element or indicator, value) and
/// the report file as generated. Every sending keeps its own; the region downloads them unchanged later.
/// </summary>
public sealed class SubmissionSnapshot
{
    public int Id { get; set; }
    public int SubmissionId { get; set; }
    public DateTimeOffset TakenAt { get; set; }
    public required string TakenBy { get; set; }
    public required string Numbers { get; set; }
    public string? FileName { get; set; }
    public byte[]? File { get; set; }
}
