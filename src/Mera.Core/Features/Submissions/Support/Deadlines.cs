using Mera.Core.Domain;

namespace Mera.Core.Features.Submissions;

/// <summary>On time means on or before the deadline date in the region's time zone (Europe/Moscow by default).</summary>
public static class Deadlines
{
    public static TimeZoneInfo Zone => Clock.Zone;

    public static DateOnly LocalDate(DateTimeOffset instant) => Clock.LocalDate(instant);

    public static bool IsOnTime(DateTimeOffset submittedAt, DateOnly deadline) => LocalDate(submittedAt) <= deadline;
}

/// <summary>How a school's form for a period stands, as the monitor and «Мои формы» show it.</summary>
public enum ReportingStatus { NotSubmitted, Draft, OnTime, Late, Returned, Accepted, AcceptedLate, Pending }

public static class ReportingStatusNames
{
    /// <summary>Still the school's to fill or send.</summary>
    public static bool IsOpen(ReportingStatus s) => s is ReportingStatus.NotSubmitted or ReportingStatus.Pending or ReportingStatus.Draft or ReportingStatus.Returned;

    public static ReportingStatus Of(Submission? s, DateOnly deadline, DateOnly today)
    {
        if (s is null || s.State == SubmissionState.Draft)
        {
            // Nothing sent yet is only «не сдано» once the deadline has passed; before it, the form is awaited.
            return s is not null ? ReportingStatus.Draft : today <= deadline ? ReportingStatus.Pending : ReportingStatus.NotSubmitted;
        }
        var onTime = s.SubmittedAt is { } at && Deadlines.IsOnTime(at, deadline);
        return s.State switch
        {
            SubmissionState.Returned => ReportingStatus.Returned,
            SubmissionState.Accepted => onTime ? ReportingStatus.Accepted : ReportingStatus.AcceptedLate,
            _ => onTime ? ReportingStatus.OnTime : ReportingStatus.Late,
        };
    }

    public static string ToRussian(ReportingStatus status) => status switch
    {
        ReportingStatus.NotSubmitted => "не сдано",
        ReportingStatus.Pending => "ожидается",
        ReportingStatus.Draft => "черновик",
        ReportingStatus.OnTime => "отправлено в срок",
        ReportingStatus.Late => "отправлено с опозданием",
        ReportingStatus.Returned => "возвращено на доработку",
        ReportingStatus.Accepted => "принято",
        _ => "принято (сдано с опозданием)",
    };
}
