using Mera.Core.Domain;

namespace Mera.UnitTests.Domain;

/// <summary>Deadlines as the seeds word them, and the status of a roadmap or decision item on a day.</summary>
public sealed class ScheduleAndWorkStatusTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "dd.MM.yyyy");

    [Theory]
    [InlineData("31.12.2020", "31.12.2020", "None", 0)]
    [InlineData("до 28.02.2025", "28.02.2025", "None", 0)]
    [InlineData("31.12.2020 далее ежегодно", "31.12.2020", "Yearly", 0)]
    [InlineData("ежемесячно до 25 числа", null, "Monthly", 25)]
    [InlineData("ежеквартально до 5-го числа", null, "Quarterly", 5)]
    [InlineData("до 01.02.2025, далее постоянно", "01.02.2025", "Continuous", 0)]
    [InlineData("", null, "None", 0)]
    public void A_deadline_is_read_as_the_seeds_write_it(string text, string? date, string repeat, int day)
    {
        var s = Schedule.Parse(text);
        Assert.Equal(date is null ? null : D(date), s.Date);
        Assert.Equal(Enum.Parse<Repeat>(repeat), s.Repeat);
        Assert.Equal(day, s.Day);
        Assert.Equal(text.Trim(), s.Text);
    }

    [Theory]
    [InlineData("ежемесячно до 25 числа", "10.03.2026", "25.03.2026", "25.02.2026")]
    [InlineData("ежемесячно до 25 числа", "25.03.2026", "25.03.2026", "25.02.2026")]
    [InlineData("ежемесячно до 25 числа", "26.03.2026", "25.04.2026", "25.03.2026")]
    [InlineData("ежемесячно до 31 числа", "01.02.2028", "29.02.2028", "31.01.2028")]
    [InlineData("ежеквартально до 5 числа", "10.02.2026", "05.03.2026", "05.12.2025")]
    [InlineData("ежеквартально до 5 числа", "06.03.2026", "05.06.2026", "05.03.2026")]
    [InlineData("31.12.2020 далее ежегодно", "01.06.2026", "31.12.2026", "31.12.2025")]
    [InlineData("31.12.2020 далее ежегодно", "01.06.2019", "31.12.2020", null)]
    [InlineData("31.12.2020 далее ежегодно", "31.12.2026", "31.12.2026", "31.12.2025")]
    [InlineData("до 28.02.2025", "01.06.2026", "28.02.2025", null)]
    [InlineData("еженедельно по пятницам", "30.11.2026", "04.12.2026", "27.11.2026")]
    [InlineData("еженедельно по пятницам", "04.12.2026", "04.12.2026", "27.11.2026")]
    [InlineData("еженедельно по пятницам", "05.12.2026", "11.12.2026", "04.12.2026")]
    [InlineData("еженедельно", "02.12.2026", "06.12.2026", "29.11.2026")]
    public void The_deadline_in_force_and_the_one_before(string text, string day, string due, string? previous)
    {
        var s = Schedule.Parse(text);
        Assert.Equal(D(due), s.DeadlineOn(D(day)));
        Assert.Equal(previous is null ? null : D(previous), s.PreviousDeadline(D(day)));
    }

    [Theory]
    [InlineData(null, "до 28.02.2025", null, "01.02.2025", "in_progress")]
    [InlineData(null, "до 28.02.2025", null, "28.02.2025", "in_progress")]
    [InlineData(null, "до 28.02.2025", null, "01.03.2025", "overdue")]
    [InlineData(null, "до 28.02.2025", "20.02.2025", "01.03.2025", "done")]
    [InlineData(null, "до 28.02.2025", "20.03.2025", "01.03.2025", "overdue")]   // reported later than the day asked about
    [InlineData("01.03.2025", "до 28.02.2026", null, "01.02.2025", "planned")]
    [InlineData("01.03.2025", "до 28.02.2026", null, "01.03.2025", "in_progress")]
    [InlineData(null, "до 01.02.2025, далее постоянно", null, "01.02.2025", "in_progress")]
    [InlineData(null, "до 01.02.2025, далее постоянно", null, "02.02.2025", "overdue")]
    [InlineData(null, "до 01.02.2025, далее постоянно", "01.01.2025", "02.02.2025", "in_progress")]
    [InlineData(null, "ежемесячно до 25 числа", "26.02.2026", "10.03.2026", "done")]
    [InlineData(null, "ежемесячно до 25 числа", "20.02.2026", "10.03.2026", "in_progress")]
    [InlineData(null, "ежемесячно до 25 числа", "20.01.2026", "10.03.2026", "overdue")]
    [InlineData(null, "ежемесячно до 25 числа", null, "10.03.2026", "overdue")]
    [InlineData("01.03.2026", "ежемесячно до 25 числа", null, "10.03.2026", "in_progress")]   // the previous month predates the item
    [InlineData(null, "31.12.2020 далее ежегодно", null, "01.06.2019", "in_progress")]
    [InlineData(null, "31.12.2020 далее ежегодно", "01.05.2019", "01.06.2019", "done")]
    public void An_item_is_planned_in_progress_done_or_overdue(string? start, string deadline, string? reported, string asOf, string status)
    {
        Assert.Equal(status, WorkStatus.Of(start is null ? null : D(start), Schedule.Parse(deadline), reported is null ? null : D(reported), D(asOf)));
    }

    [Fact]
    public void Statuses_in_words()
    {
        Assert.Equal("планируется", WorkStatus.ToRussian(WorkStatus.Planned));
        Assert.Equal("в работе", WorkStatus.ToRussian(WorkStatus.InProgress));
        Assert.Equal("выполнено", WorkStatus.ToRussian(WorkStatus.Done));
        Assert.Equal("просрочено", WorkStatus.ToRussian(WorkStatus.Overdue));
    }

    [Theory]
    [InlineData("еженедельно", "Recurring")]
    [InlineData("ежемесячно до 25 числа", "Recurring")]
    [InlineData("в кратчайшие сроки", "Asap")]
    [InlineData("Незамедлительно", "Asap")]
    [InlineData("по отдельному графику", "BySchedule")]
    [InlineData("в соответствии с графиком проведения", "BySchedule")]
    [InlineData("постоянно", "Standing")]
    [InlineData("до 01.02.2025, далее постоянно", "Dated")]
    [InlineData("когда-нибудь", "None")]
    public void A_deadline_without_a_date_keeps_its_kind(string text, string kind) =>
        Assert.Equal(Enum.Parse<DeadlineKind>(kind), Schedule.Parse(text, issued: D("19.12.2024")).Kind);

    [Fact]
    public void As_soon_as_possible_is_overdue_a_set_number_of_days_after_the_decision_and_a_separate_schedule_never()
    {
        var decided = D("19.12.2024");
        var asap = Schedule.Parse("в кратчайшие сроки", decided);
        Assert.Equal(decided.AddDays(Schedule.AsapDays), asap.Date);
        Assert.Equal(WorkStatus.InProgress, WorkStatus.Of(decided, asap, null, decided.AddDays(Schedule.AsapDays)));
        Assert.Equal(WorkStatus.Overdue, WorkStatus.Of(decided, asap, null, decided.AddDays(Schedule.AsapDays + 1)));
        Assert.Equal(WorkStatus.Done, WorkStatus.Of(decided, asap, decided.AddDays(3), decided.AddDays(30)));
        Assert.Equal("в кратчайшие сроки", asap.Describe());

        foreach (var text in new[] { "по отдельному графику", "постоянно" })
        {
            var open = Schedule.Parse(text, decided);
            Assert.Null(open.Date);
            Assert.Equal(WorkStatus.InProgress, WorkStatus.Of(decided, open, null, D("31.12.2030")));
        }
    }

    [Fact]
    public void A_weekly_item_is_overdue_when_last_weeks_deadline_passed_unreported()
    {
        var weekly = Schedule.Parse("еженедельно по пятницам");
        Assert.Equal(WorkStatus.Done, WorkStatus.Of(null, weekly, D("28.11.2026"), D("30.11.2026")));
        Assert.Equal(WorkStatus.InProgress, WorkStatus.Of(null, weekly, D("27.11.2026"), D("30.11.2026"))); // last week's, on its day
        Assert.Equal(WorkStatus.Overdue, WorkStatus.Of(null, weekly, D("19.11.2026"), D("30.11.2026")));
    }
}
