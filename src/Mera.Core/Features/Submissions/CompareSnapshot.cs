using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Submissions;

/// <summary>
/// The region's view of a municipality's report: the snapshot as sent (numbers and file, unchanged) beside today's
/// numbers, and every difference between them («изменено после сдачи»).
/// </summary>
public static class CompareSnapshot
{
    public sealed record Result(Submission Submission, SubmissionSnapshot Snapshot, IReadOnlyList<SnapshotNumbers.Difference> Differences);

    public static async Task<Result> RunAsync(MeraDb database, string orgCode, string formCode, string periodCode, DateOnly asOf, CancellationToken ct = default)
    {
        var (org, form, period) = await SubmitForm.ResolveAsync(database, orgCode, formCode, periodCode, ct);
        await using var db = database.CreateContext();
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.OrgUnitId == org.Id && s.FormCode == form.Code && s.PeriodCode == period.Code, ct)
            ?? throw new OperationRefusedException($"«{org.Name}» не отправляла «{form.Name}» за {period.DisplayRu}");
        var snapshot = await db.SubmissionSnapshots.AsNoTracking().Where(s => s.SubmissionId == submission.Id).OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct)
            ?? throw new OperationRefusedException($"У «{form.Name}» за {period.DisplayRu} нет снимка отправленных данных");
        var now = await SnapshotNumbers.ComputeAsync(database, org, form, period, asOf, ct);
        return new Result(submission, snapshot, SnapshotNumbers.Compare(SnapshotNumbers.Deserialize(snapshot.Numbers), now));
    }
}
