using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Submissions;

/// <summary>
/// Who owes what under an org unit, on a day: every school for the forms schools fill; every municipality for the
/// forms it owes — the reports it sends to the region (a submission with states, as a school's form) and the platform
/// exports it loads itself (met when its schools' values for the period are all there; the coverage is shown).
/// </summary>
public static class ListObligations
{
    public sealed record Query(string OrgCode, string? FormCode, string? PeriodCode, DateOnly AsOf);

    /// <summary>`State`: missing, draft, submitted, returned or accepted. `OnTime` is null while the deadline has not passed and nothing was sent.</summary>
    public sealed record Row(OrgUnit Org, Form Form, Period Period, DateOnly Deadline, string State, DateTimeOffset? SubmittedAt,
        bool? OnTime, Submission? Submission, int? Covered = null, int? Expected = null);

    public static async Task<IReadOnlyList<Row>> RunAsync(MeraDb database, Query query, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var scope = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == query.OrgCode, ct)
            ?? throw new NotFoundException($"Организация с кодом «{query.OrgCode}» не найдена");
        var forms = (await db.Forms.AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct))
            .Where(f => query.FormCode is null ? f.Elements.Count > 0 || Obligations.GoesToRegion(f) : f.Code == query.FormCode).ToList();
        if (forms.Count == 0)
        {
            throw new NotFoundException($"Форма «{query.FormCode}» не найдена");
        }
        var units = await db.OrgUnits.AsNoTracking().Where(o => o.Path.StartsWith(scope.Path) && o.IsActive).OrderBy(o => o.Name).ToListAsync(ct);
        var rows = new List<Row>();
        foreach (var form in forms)
        {
            foreach (var period in PeriodsOf(form, query))
            {
                var deadline = form.DeadlineOf(period);
                var owers = units.Where(o => (form.Supplier == "school" ? o.IsReportingUnit : o.Type == OrgUnitType.Municipality) && o.IsActiveOn(period.End)).ToList();
                rows.AddRange(form.Supplier == "municipality" && !Obligations.GoesToRegion(form)
                    ? await LoadedAsync(db, scope, form, period, deadline, owers, units, query.AsOf, ct)
                    : await SubmittedAsync(db, form, period, deadline, owers, query.AsOf, ct));
            }
        }
        return rows;
    }

    /// <summary>A named period, or the one running on the day and the one before (what is due now and what is overdue).</summary>
    private static IEnumerable<Period> PeriodsOf(Form form, Query query)
    {
        if (query.PeriodCode is not null)
        {
            var period = Period.Parse(query.PeriodCode);
            return period.Type == form.PeriodType ? [period] : [];
        }
        var current = Period.Containing(query.AsOf, form.PeriodType);
        return [current.Previous(), current];
    }

    private static async Task<List<Row>> SubmittedAsync(MeraDbContext db, Form form, Period period, DateOnly deadline, List<OrgUnit> owers,
        DateOnly asOf, CancellationToken ct)
    {
        var ids = owers.Select(o => o.Id).ToHashSet();
        var submissions = (await db.Submissions.AsNoTracking().Where(s => s.FormCode == form.Code && s.PeriodCode == period.Code).ToListAsync(ct))
            .Where(s => ids.Contains(s.OrgUnitId)).ToDictionary(s => s.OrgUnitId);
        return owers.Select(o =>
        {
            var s = submissions.GetValueOrDefault(o.Id);
            var state = s is null ? "missing" : s.State.ToString().ToLowerInvariant();
            var sent = s is { State: not SubmissionState.Draft } ? s.SubmittedAt : null;
            return new Row(o, form, period, deadline, state, sent, OnTime(sent, deadline, asOf), s);
        }).ToList();
    }

    /// <summary>A platform export the municipality loads: met when every active school under it has the form's values for the period.</summary>
    private static async Task<List<Row>> LoadedAsync(MeraDbContext db, OrgUnit scope, Form form, Period period, DateOnly deadline,
        List<OrgUnit> municipalities, List<OrgUnit> units, DateOnly asOf, CancellationToken ct)
    {
        var codes = form.Elements;
        var elementIds = await db.DataElements.AsNoTracking().Where(e => codes.Contains(e.Code)).Select(e => e.Id).ToListAsync(ct);
        // The latest change per school, grouped here: SQLite cannot take the maximum of a DateTimeOffset.
        var loaded = (await (from v in db.DataValues.AsNoTracking()
                             join o in db.OrgUnits.AsNoTracking() on v.OrgUnitId equals o.Id
                             where v.PeriodCode == period.Code && elementIds.Contains(v.ElementId) && o.Path.StartsWith(scope.Path)
                             select new { v.OrgUnitId, v.ChangedAt }).ToListAsync(ct))
            .GroupBy(v => v.OrgUnitId).ToDictionary(g => g.Key, g => g.Max(v => v.ChangedAt));
        return municipalities.Select(m =>
        {
            var schools = units.Where(o => o.IsReportingUnit && o.Path.StartsWith(m.Path, StringComparison.Ordinal) && o.IsActiveOn(period.End)).ToList();
            var covered = schools.Where(s => loaded.ContainsKey(s.Id)).ToList();
            var met = schools.Count > 0 && covered.Count == schools.Count;
            DateTimeOffset? at = covered.Count > 0 ? covered.Max(s => loaded[s.Id]) : null;
            return new Row(m, form, period, deadline, met ? "submitted" : "missing", met ? at : null, OnTime(met ? at : null, deadline, asOf),
                null, covered.Count, schools.Count);
        }).ToList();
    }

    private static bool? OnTime(DateTimeOffset? sent, DateOnly deadline, DateOnly asOf) =>
        sent is { } at ? Deadlines.IsOnTime(at, deadline) : asOf > deadline ? false : null;
}

/// <summary>What kind of obligation a form is.</summary>
public static class Obligations
{
    /// <summary>A report the municipality sends to the region (the summary, the agreement report): submitted and accepted.</summary>
    public static bool GoesToRegion(Form form) => form.Supplier == "municipality" && form.Receiver == "region";

    /// <summary>The state in words, as a person reads it, and its key (a <see cref="ReportingStatus"/> name, for colours).</summary>
    public static (string Text, string Key) Describe(ListObligations.Row r, DateOnly today) => r.State switch
    {
        "accepted" => r.OnTime == false ? ("принято (сдано с опозданием)", nameof(ReportingStatus.AcceptedLate)) : ("принято", nameof(ReportingStatus.Accepted)),
        "returned" => ("возвращено на доработку", nameof(ReportingStatus.Returned)),
        "submitted" when r.Expected is not null => r.OnTime == false ? ("загружено с опозданием", nameof(ReportingStatus.Late)) : ("загружено", nameof(ReportingStatus.OnTime)),
        "submitted" => r.OnTime == false ? ("отправлено с опозданием", nameof(ReportingStatus.Late)) : ("отправлено в срок", nameof(ReportingStatus.OnTime)),
        "draft" => ("черновик", nameof(ReportingStatus.Draft)),
        _ when r.Deadline < today => ("не сдано", nameof(ReportingStatus.NotSubmitted)),
        _ => ("ожидается", nameof(ReportingStatus.Pending)),
    };

    public static bool IsLagging(string key) => key is nameof(ReportingStatus.NotSubmitted) or nameof(ReportingStatus.Late)
        or nameof(ReportingStatus.AcceptedLate) or nameof(ReportingStatus.Returned);

    /// <summary>A municipality sends its own reports to the region (an admin may act for it).</summary>
    public static bool MaySubmit(Access.AccessScope scope, OrgUnit org, Form form) =>
        GoesToRegion(form) && org.Type == OrgUnitType.Municipality && scope.Sees(org)
        && (scope.Role == Roles.Admin || (scope.Role == Roles.Municipality && scope.OrgId == org.Id));

    /// <summary>
    /// The receiver decides: the region (or an admin) on a municipality's report, never the municipality itself; the
    /// municipality (or above) on a school's form.
    /// </summary>
    public static bool MayDecide(Access.AccessScope scope, OrgUnit org, Form form) =>
        GoesToRegion(form) ? scope.Role is Roles.Region or Roles.Admin && scope.Sees(org) && org.Id != scope.OrgId : scope.Reviews(org);
}
