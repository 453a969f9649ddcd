using Mera.Core.Domain;

namespace Mera.Core.Features.Submissions;

/// <summary>On time means on or before the deadline date in the region's time zone (Europe/Moscow by default).</summary>
public static class Deadlines
{
    public static TimeZoneInfo Zone { get; } = FindZone(Environment.GetEnvironmentVariable("MERA_TIME_ZONE") ?? "Europe/Moscow");

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static bool IsOnTime(DateTimeOffset submittedAt, DateOnly deadline) => LocalDate(submittedAt) <= deadline;

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("MSK", TimeSpan.FromHours(3), "Москва", "Москва");
        }
    }
}

/// <summary>How a school's form for a period stands, as the monitor and «Мои формы» show it.</summary>
public enum ReportingStatus { NotSubmitted, Draft, OnTime, Late, Returned, Accepted, AcceptedLate }

public static class ReportingStatusNames
{
    public static ReportingStatus Of(Submission? s, DateOnly deadline, DateOnly today)
    {
        if (s is null || s.State == SubmissionState.Draft)
        {
            return s is null ? ReportingStatus.NotSubmitted : ReportingStatus.Draft;
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
        ReportingStatus.Draft => "черновик",
        ReportingStatus.OnTime => "отправлено в срок",
        ReportingStatus.Late => "отправлено с опозданием",
        ReportingStatus.Returned => "возвращено на доработку",
        ReportingStatus.Accepted => "принято",
        _ => "принято (сдано с опозданием)",
    };
}
