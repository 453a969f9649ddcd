namespace Mera.Core.Domain;

/// <summary>A set of elements collected per period from one level, with a deadline rule.</summary>
public sealed class Form
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public PeriodType PeriodType { get; set; }
    public required string DeadlineRule { get; set; }
    public string Supplier { get; set; } = "school";
    public string Receiver { get; set; } = "municipality";

    /// <summary>Element codes, comma-separated: a form's composition is edited as a whole, never queried by element.</summary>
    public string ElementCodes { get; set; } = "";

    public IReadOnlyList<string> Elements =>
        ElementCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public DateOnly DeadlineOf(Period period) => Domain.DeadlineRule.Parse(DeadlineRule).DeadlineOf(period);
}
