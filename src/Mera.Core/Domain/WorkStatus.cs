namespace Mera.Core.Domain;

/// <summary>
/// Status of a roadmap item or decision item on a day. A one-off item: done once completed, overdue after its
/// deadline, planned before its start, otherwise in progress. A repeating one («далее ежегодно», «ежемесячно до
/// 25 числа»): done when reported after the previous deadline, overdue when the previous occurrence went
/// unreported, otherwise in progress. «Далее постоянно»: overdue only if nothing was reported by the first date.
/// </summary>
public static class WorkStatus
{
    public const string Planned = "planned";
    public const string InProgress = "in_progress";
    public const string Done = "done";
    public const string Overdue = "overdue";

    public static string Of(DateOnly? start, Schedule schedule, DateOnly? lastReport, DateOnly asOf)
    {
        if (start is DateOnly s && asOf < s)
        {
            return Planned;
        }
        var reported = lastReport is DateOnly r && r <= asOf ? r : (DateOnly?)null;
        switch (schedule.Repeat)
        {
            case Repeat.None:
                return reported is not null ? Done : schedule.Date is DateOnly d && asOf > d ? Overdue : InProgress;
            case Repeat.Continuous:
                return schedule.Date is DateOnly first && asOf > first && reported is null ? Overdue : InProgress;
        }
        var previous = schedule.PreviousDeadline(asOf);
        if (previous is null)
        {
            return reported is not null ? Done : InProgress;
        }
        if (reported > previous)
        {
            return Done;
        }
        if (start is DateOnly begin && previous < begin)
        {
            return InProgress; // the previous occurrence predates the item
        }
        var beforePrevious = schedule.PreviousDeadline(previous.Value);
        // Reported during the previous occurrence (or at all, when that was the first one): this one is still open.
        return reported is not null && (beforePrevious is null || reported > beforePrevious) ? InProgress : Overdue;
    }

    public static string ToRussian(string status) => status switch
    {
        Planned => "планируется",
        InProgress => "в работе",
        Done => "выполнено",
        _ => "просрочено",
    };
}
