using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Submissions;

/// <summary>
/// «Мои формы»: for each form a school fills, the periods that matter today — overdue ones not yet sent, the one
/// due next, and recent ones returned for correction — with deadline and days left.
/// </summary>
public static class ListSchoolForms
{
    public sealed record Item(Form Form, Period Period, DateOnly Deadline, int DaysLeft, ReportingStatus Status, Submission? Submission);

    public static async Task<IReadOnlyList<Item>> RunAsync(MeraDb database, OrgUnit school, DateOnly today, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var forms = await db.SchoolFormsAsync(ct);
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.OrgUnitId == school.Id).ToListAsync(ct);
        var items = new List<Item>();
        foreach (var form in forms)
        {
            // The current period and the one before: what is due now and what is overdue (older gaps are the monitor's).
            var current = Period.Containing(today, form.PeriodType);
            for (var (p, i) = (current, 0); i < 2; p = p.Previous(), i++)
            {
                var deadline = form.DeadlineOf(p);
                var sub = submissions.FirstOrDefault(s => s.FormCode == form.Code && s.PeriodCode == p.Code);
                var status = ReportingStatusNames.Of(sub, deadline, today);
                var daysLeft = deadline.DayNumber - today.DayNumber;
                var open = ReportingStatusNames.IsOpen(status);
                // A form the school has started or that came back for correction is shown however far its deadline is
                // (a quarter returned on 4 January is due on 20 March); an untouched one from 60 days before.
                var started = status is ReportingStatus.Draft or ReportingStatus.Returned;
                if ((open && (daysLeft <= 60 || started) && school.IsActiveOn(p.End)) || (!open && daysLeft >= -31))
                {
                    items.Add(new Item(form, p, deadline, daysLeft, status, sub));
                }
            }
        }
        return items.OrderBy(i => ReportingStatusNames.IsOpen(i.Status) ? 0 : 1)
            .ThenBy(i => i.Deadline).ToList();
    }
}
