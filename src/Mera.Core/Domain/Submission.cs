namespace Mera.Core.Domain;

/// <summary>Черновик → Отправлено → Принято, or → Возвращено на доработку → Отправлено again.</summary>
public enum SubmissionState { Draft = 0, Submitted = 1, Accepted = 2, Returned = 3 }

public sealed class Submission
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string FormCode { get; set; }
    public required string PeriodCode { get; set; }
    public SubmissionState State { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? Comment { get; set; }

    /// <summary>Optimistic concurrency: two officers pressing «Принять» at once — one wins.</summary>
    public int Version { get; set; }
}

public static class SubmissionStateNames
{
    public static string ToRussian(SubmissionState state) => state switch
    {
        SubmissionState.Draft => "Черновик",
        SubmissionState.Submitted => "Отправлено",
        SubmissionState.Accepted => "Принято",
        _ => "Возвращено на доработку",
    };
}
