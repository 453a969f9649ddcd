using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Submissions;

/// <summary>The submission monitor: every active school of a subtree for one form and period, with its status and contacts.</summary>
public static class ListSubmissions
{
    /// <summary>The forms schools submit, for the choice of form on «Сдача».</summary>
    public static async Task<List<Form>> SchoolFormsAsync(MeraDb database, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await db.SchoolFormsAsync(ct);
    }

    public sealed record Row(OrgUnit School, Submission? Submission, ReportingStatus Status);

    public sealed record Result(Form Form, Period Period, DateOnly Deadline, IReadOnlyList<Row> Rows)
    {
        public int Count(params ReportingStatus[] statuses) => Rows.Count(r => statuses.Contains(r.Status));
    }

    public static async Task<Result> RunAsync(MeraDb database, OrgUnit scope, string formCode, string periodCode, DateOnly today,
        CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var form = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.Code == formCode, ct)
            ?? throw new NotFoundException($"Форма «{formCode}» не найдена");
        var period = Period.Parse(periodCode);
        var schools = (await db.OrgUnits.AsNoTracking()
                .ReportingUnitsUnder(scope)
                .OrderBy(o => o.Name).ToListAsync(ct))
            .Where(o => o.IsActiveOn(period.End)).ToList();
        var ids = schools.Select(s => s.Id).ToHashSet();
        var submissions = (await db.Submissions.AsNoTracking()
                .Where(s => s.FormCode == form.Code && s.PeriodCode == period.Code).ToListAsync(ct))
            .Where(s => ids.Contains(s.OrgUnitId)).ToDictionary(s => s.OrgUnitId);
        var deadline = form.DeadlineOf(period);
        var rows = schools.Select(s =>
        {
            var sub = submissions.GetValueOrDefault(s.Id);
            return new Row(s, sub, ReportingStatusNames.Of(sub, deadline, today));
        }).ToList();
        return new Result(form, period, deadline, rows);
    }
}
