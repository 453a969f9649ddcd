using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Reports;
using Mera.Core.Documents;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Submissions;

/// <summary>
/// Sends a form for an org and period to its receiver (`./mera submissions submit`). A school's form goes when every
/// element has a value. A municipality's report to the region freezes a snapshot: the numbers and the report file as
/// generated now, which the region downloads unchanged later beside today's numbers.
/// </summary>
public static class SubmitForm
{
    public sealed record Command(string OrgCode, string FormCode, string PeriodCode, string User);

    public static async Task<Submission> RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        var (org, form, period) = await ResolveAsync(database, c.OrgCode, c.FormCode, c.PeriodCode, ct);
        if (form.Supplier == "school" ? !org.IsReportingUnit : org.Type != OrgUnitType.Municipality)
        {
            throw new OperationRefusedException($"«{org.Name}» не сдаёт форму «{form.Name}»");
        }
        if (form.Supplier == "municipality" && !Obligations.GoesToRegion(form))
        {
            throw new OperationRefusedException($"«{form.Name}» не отправляют: срок исполнен, когда загружены данные всех школ за период");
        }
        if (form.Supplier == "school")
        {
            await RequireAllValuesAsync(database, org, form, period, ct);
        }
        await using var db = database.CreateContext();
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.OrgUnitId == org.Id && s.FormCode == form.Code && s.PeriodCode == period.Code, ct);
        if (submission is { State: SubmissionState.Submitted or SubmissionState.Accepted })
        {
            throw new OperationRefusedException($"«{form.Name}» за {period.DisplayRu} уже {(submission.State == SubmissionState.Accepted ? "принята" : "отправлена")}");
        }
        if (submission is null)
        {
            submission = new Submission { OrgUnitId = org.Id, FormCode = form.Code, PeriodCode = period.Code };
            db.Submissions.Add(submission);
        }
        var now = clock.GetUtcNow();
        (submission.State, submission.SubmittedAt, submission.SubmittedBy) = (SubmissionState.Submitted, now, c.User);
        submission.Version++;
        db.AuditLog.Add(AuditEntry.Of(clock, c.User, "submission.submit", "submission", null, $"{form.Code} {period.Code}: отправлено", org.Id));
        await db.SaveChangesAsync(ct);
        if (Obligations.GoesToRegion(form))
        {
            db.SubmissionSnapshots.Add(await SnapshotAsync(database, org, form, period, submission.Id, c.User, clock, ct));
            await db.SaveChangesAsync(ct);
            await Notifications.QueueWorkflowNotice.RunAsync(database, submission, Notifications.QueueWorkflowNotice.Submitted, clock, ct);
        }
        return submission;
    }

    private static async Task<SubmissionSnapshot> SnapshotAsync(MeraDb database, OrgUnit org, Form form, Period period, int submissionId,
        string user, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var numbers = await SnapshotNumbers.ComputeAsync(database, org, form, period, today, ct);
        var snapshot = new SubmissionSnapshot
        {
            SubmissionId = submissionId, TakenAt = clock.GetUtcNow(), TakenBy = user, Numbers = SnapshotNumbers.Serialize(numbers),
        };
        try
        {
            // The document as the region receives it: the summary (seed 000 §6) or the agreement report (seed 003 Annex 3).
            var kind = form.Code == "agreement-report" ? "agreement-quarter" : "summary";
            var document = await BuildReport.RunAsync(database, new BuildReport.Query(kind, org.Code, period.Code, today, user), ct);
            using var file = new MemoryStream();
            await ReportFormats.WriteAsync(document, ReportFormat.Xlsx, file, ct);
            (snapshot.FileName, snapshot.File) = (document.FileName + ".xlsx", file.ToArray());
        }
        catch (Exception ex) when (ex is OperationRefusedException or NotFoundException)
        {
            // No agreement loaded, say: the numbers are still frozen; the file is simply absent.
        }
        return snapshot;
    }

    private static async Task RequireAllValuesAsync(MeraDb database, OrgUnit org, Form form, Period period, CancellationToken ct)
    {
        var entry = await LoadFormEntry.RunAsync(database, org, form.Code, period.Code, ct);
        var empty = entry.Lines.Where(l => l.Value is null).Select(l => $"«{l.Element.Name}»").ToList();
        if (empty.Count > 0)
        {
            throw new OperationRefusedException($"«{form.Name}» за {period.DisplayRu} не заполнена: {string.Join("; ", empty)}");
        }
    }

    internal static async Task<(OrgUnit Org, Form Form, Period Period)> ResolveAsync(MeraDb database, string orgCode, string formCode,
        string periodCode, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == orgCode, ct)
            ?? throw new NotFoundException($"Организация с кодом «{orgCode}» не найдена");
        var form = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.Code == formCode, ct)
            ?? throw new NotFoundException($"Форма «{formCode}» не найдена");
        var period = Period.Parse(periodCode);
        if (period.Type != form.PeriodType)
        {
            throw new OperationRefusedException($"Форма «{form.Name}» собирается за период типа «{PeriodTypeNames.ToRussian(form.PeriodType)}»");
        }
        return (org, form, period);
    }
}
