using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Decisions;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Roadmap;
using Mera.Core.Features.Submissions;
using Mera.Core.Formatting;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Notifications;

/// <summary>
/// What is due on a day: a reminder N days before a form's deadline (its reminder days, 5 and 1 by default) to
/// each school that has not sent the form; an overdue notice the day after the deadline; and on Mondays a digest
/// to each municipality — late schools, lagging indicators, roadmap and decision items due within 14 days.
/// Recipients are the e-mails of the org's users, or the org's own e-mail when it has no users with one.
/// </summary>
public static class PlanReminders
{
    public sealed record Due(string Kind, int OrgId, string Org, string OrgName, string Form, string Period, DateOnly? Deadline,
        string Recipient, string Subject, string Body);

    private const int DigestHorizonDays = 14;

    public static async Task<IReadOnlyList<Due>> RunAsync(MeraDb database, DateOnly asOf, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        // The forms schools fill, and the reports municipalities send to the region (seed 000 §6, seed 003 §2.3.4).
        var forms = (await db.SchoolFormsAsync(ct)).Concat((await db.Forms.AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct))
            .Where(Obligations.GoesToRegion)).ToList();
        var orgs = await db.OrgUnits.AsNoTracking().Where(o => o.IsActive).ToListAsync(ct);
        var emails = (await db.Users.AsNoTracking().Where(u => u.Email != null && u.LockoutEnd == null)
                .Select(u => new { u.OrgUnitId, u.Email }).ToListAsync(ct))
            .GroupBy(u => u.OrgUnitId).ToDictionary(g => g.Key, g => g.Select(u => u.Email!).Distinct().Order().ToList());
        IReadOnlyList<string> RecipientsOf(OrgUnit org) =>
            emails.TryGetValue(org.Id, out var list) ? list : string.IsNullOrWhiteSpace(org.Email) ? [] : [org.Email.Trim()];

        var due = new List<Due>();
        var schools = orgs.Where(o => o.Type == OrgUnitType.School).ToList();
        var municipalities = orgs.Where(o => o.Type == OrgUnitType.Municipality).ToList();
        foreach (var form in forms)
        {
            foreach (var period in new[] { Period.Containing(asOf, form.PeriodType) }.SelectMany(p => new[] { p.Previous(), p, p.Next() }))
            {
                var deadline = form.DeadlineOf(period);
                var daysLeft = deadline.DayNumber - asOf.DayNumber;
                var kind = form.ReminderDayList.Contains(daysLeft) ? Notification.BeforeDeadline : daysLeft == -1 ? Notification.Overdue : null;
                if (kind is null)
                {
                    continue;
                }
                var sent = (await db.Submissions.AsNoTracking()
                        .Where(s => s.FormCode == form.Code && s.PeriodCode == period.Code
                            && (s.State == SubmissionState.Submitted || s.State == SubmissionState.Accepted))
                        .Select(s => s.OrgUnitId).ToListAsync(ct)).ToHashSet();
                var toRegion = Obligations.GoesToRegion(form);
                foreach (var school in (toRegion ? municipalities : schools).Where(s => s.IsActiveOn(period.End) && !sent.Contains(s.Id)))
                {
                    var (subject, body) = kind == Notification.Overdue
                        ? ($"Mera: просрочена форма «{form.Name}» за {period.DisplayRu}",
                           $"{school.Name}: срок представления формы «{form.Name}» за {period.DisplayRu} истёк {RussianFormat.Date(deadline)}, " +
                           (toRegion ? "отчёт в министерство не отправлен. Отправьте его в Mera как можно скорее."
                               : "форма не отправлена. Заполните и отправьте её в Mera (раздел «Мои формы») как можно скорее."))
                        : ($"Mera: до срока сдачи формы «{form.Name}» осталось {Days(daysLeft)}",
                           $"{school.Name}: форму «{form.Name}» за {period.DisplayRu} нужно отправить до {RussianFormat.Date(deadline)} " +
                           $"(осталось {Days(daysLeft)}). Форма ещё не отправлена.");
                    due.AddRange(RecipientsOf(school).Select(r => new Due(kind, school.Id, school.Code, school.Name, form.Code, period.Code, deadline, r, subject, body)));
                }
            }
        }
        if (asOf.DayOfWeek == DayOfWeek.Monday)
        {
            foreach (var municipality in orgs.Where(o => o.Type == OrgUnitType.Municipality).OrderBy(o => o.Code))
            {
                var recipients = RecipientsOf(municipality);
                if (recipients.Count == 0)
                {
                    continue;
                }
                var (subject, body) = await DigestAsync(database, municipality, asOf, ct);
                var week = Period.Containing(asOf, PeriodType.Week).Code;
                due.AddRange(recipients.Select(r => new Due(Notification.Digest, municipality.Id, municipality.Code, municipality.Name, "", week, null, r, subject, body)));
            }
        }
        return due;
    }

    private static string Days(int days) =>
        days == 0 ? "0 дней (срок сегодня)" : Formatting.RussianFormat.Count(days, "день", "дня", "дней");

    /// <summary>The weekly digest of one municipality: who is late, what lags, what falls due in two weeks.</summary>
    private static async Task<(string Subject, string Body)> DigestAsync(MeraDb database, OrgUnit municipality, DateOnly asOf, CancellationToken ct)
    {
        var lines = new List<string> { $"{municipality.Name}: сводка Mera на {RussianFormat.Date(asOf)}.", "" };
        var overview = await ReportingOverview.RunAsync(database, municipality, asOf, ct);
        var late = new List<string>();
        for (var c = 0; c < overview.Columns.Count; c++)
        {
            var column = overview.Columns[c];
            var names = overview.Rows.Where(r => r.Statuses[c] is ReportingStatus.NotSubmitted or ReportingStatus.Late).Select(r => r.School.Name).ToList();
            if (names.Count > 0)
            {
                late.Add($"  «{column.Form.Name}» за {column.Period.DisplayRu} (срок {RussianFormat.Date(column.Deadline)}): {string.Join(", ", names)}");
            }
        }
        lines.Add(late.Count == 0 ? "Просроченных форм нет." : "Не сдали в срок:");
        lines.AddRange(late);

        var quarter = Period.Containing(asOf, PeriodType.Quarter).Previous();
        var rows = await ComputeIndicators.RunAsync(database, new ComputeIndicators.Query(municipality.Code, quarter.Code, Children: true, AsOf: asOf), ct);
        var lagging = rows.Where(r => r.Org == municipality.Code && Engine.PlanFact.IsLagging(r.Status)).ToList();
        lines.Add("");
        lines.Add(lagging.Count == 0 ? $"Все показатели с планом за {quarter.DisplayRu} исполняются." : $"Отстают от плана ({quarter.DisplayRu}):");
        foreach (var r in lagging)
        {
            var behind = rows.Count(c => c.Org != municipality.Code && c.Indicator == r.Indicator && Engine.PlanFact.IsLagging(c.Status));
            lines.Add($"  {r.Name}: {RussianFormat.Value(r.Fact ?? r.Value, r.Unit)} при плане {RussianFormat.Value(r.Target, r.Unit)} — {r.StatusName}; школ ниже плана: {behind}");
        }

        var horizon = asOf.AddDays(DigestHorizonDays);
        var roadmap = (await ListRoadmap.RunAsync(database, municipality.Code, asOf, ct))
            .Where(i => i.Status == WorkStatus.Overdue || i.NextDeadline is DateOnly d && d >= asOf && d <= horizon && i.Status != WorkStatus.Done).ToList();
        var decisions = (await ListDecisions.RunAsync(database, municipality.Code, asOf, ct))
            .Where(i => i.Status == WorkStatus.Overdue || i.NextDeadline is DateOnly d && d >= asOf && d <= horizon && i.Status != WorkStatus.Done).ToList();
        lines.Add("");
        lines.Add(roadmap.Count + decisions.Count == 0 ? $"Мероприятий и решений со сроком в ближайшие {DigestHorizonDays} дней нет." : $"Сроки в ближайшие {DigestHorizonDays} дней и просроченное:");
        lines.AddRange(roadmap.Select(i => $"  Мероприятие {i.Number} «{i.Title}» — {i.StatusName}{(i.NextDeadline is DateOnly d ? $", срок {RussianFormat.Date(d)}" : "")}"));
        lines.AddRange(decisions.Select(i => $"  Решение № {i.Decision}, п. {i.Number} «{i.Text}» — {i.StatusName}{(i.NextDeadline is DateOnly d ? $", срок {RussianFormat.Date(d)}" : "")}"));
        return ($"Mera: еженедельная сводка — {municipality.Name}, {RussianFormat.Date(asOf)}", string.Join("\n", lines));
    }
}
