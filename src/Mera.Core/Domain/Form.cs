namespace Mera.Core.Domain;

/// <summary>A set of elements collected per period from one level, with a deadline rule.</summary>
public sealed class Form : ICatalogEditable
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

    /// <summary>Days before the deadline on which schools that have not submitted are reminded: "5,1" by default.</summary>
    public string ReminderDays { get; set; } = "5,1";

    public DateTimeOffset? EditedAt { get; set; }
    public string? EditedBy { get; set; }

    public IReadOnlyList<int> ReminderDayList =>
        ReminderDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d, out var n) ? n : -1).Where(n => n >= 0).Distinct().ToList();

    public DateOnly DeadlineOf(Period period) => Domain.DeadlineRule.Parse(DeadlineRule).DeadlineOf(period);
}
