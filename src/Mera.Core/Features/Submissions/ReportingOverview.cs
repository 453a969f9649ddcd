using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Submissions;

/// <summary>
/// Who is late at a glance: every active school of a subtree × every form schools fill, each form at the period
/// whose deadline is the one that matters on the day (the next within 45 days, otherwise the last one passed).
/// </summary>
public static class ReportingOverview
{
    public sealed record Column(Form Form, Period Period, DateOnly Deadline);

    public sealed record Result(IReadOnlyList<Column> Columns, IReadOnlyList<(OrgUnit School, ReportingStatus[] Statuses)> Rows);

    public static Period DuePeriod(Form form, DateOnly today)
    {
        var period = Period.Containing(today, form.PeriodType);
        return form.DeadlineOf(period).DayNumber - today.DayNumber <= 45 ? period : period.Previous();
    }

    public static async Task<Result> RunAsync(MeraDb database, OrgUnit scope, DateOnly today, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var forms = await db.SchoolFormsAsync(ct);
        var columns = forms.Select(f => DuePeriod(f, today) is var p ? new Column(f, p, f.DeadlineOf(p)) : null!).ToList();
        var schools = (await db.OrgUnits.AsNoTracking()
                .ReportingUnitsUnder(scope)
                .OrderBy(o => o.Name).ToListAsync(ct)).Where(o => o.IsActive).ToList();
        // Only the due periods' submissions are read; the subtree is filtered in memory.
        var formCodes = columns.Select(c => c.Form.Code).ToList();
        var periodCodes = columns.Select(c => c.Period.Code).Distinct().ToList();
        var keys = columns.Select(c => (c.Form.Code, c.Period.Code)).ToHashSet();
        var ids = schools.Select(s => s.Id).ToHashSet();
        var submissions = (await db.Submissions.AsNoTracking()
                .Where(s => formCodes.Contains(s.FormCode) && periodCodes.Contains(s.PeriodCode)).ToListAsync(ct))
            .Where(s => ids.Contains(s.OrgUnitId) && keys.Contains((s.FormCode, s.PeriodCode)))
            .ToDictionary(s => (s.OrgUnitId, s.FormCode));
        var rows = schools.Select(s => (s, columns.Select(c =>
            s.IsActiveOn(c.Period.End) ? ReportingStatusNames.Of(submissions.GetValueOrDefault((s.Id, c.Form.Code)), c.Deadline, today) : ReportingStatus.Accepted)
            .ToArray())).ToList();
        return new Result(columns, rows);
    }
}
